// Route selection as API Gateway does it: a resource tree whose segments are literals,
// `{param}`s or a final greedy `{proxy+}`; a literal beats a parameter, which beats a greedy
// segment; an explicit method beats ANY; HTTP APIs fall back to `$default`. When the most
// specific path has no method for the request, the next less specific one is tried.
// (AWS docs: "Working with routes for HTTP APIs", "Set up a proxy integration with a proxy resource".)

import type { Route } from '../model/types.js';

export interface RouteMatch {
  route: Route;
  /** Path parameters as the client sent them (percent-encoding kept, as AWS passes them). */
  pathParameters: Record<string, string>;
}

interface Node {
  literals: Map<string, Node>;
  param?: { name: string; node: Node };
  greedy?: { name: string; routes: Map<string, Route> };
  routes: Map<string, Route>;
}

const newNode = (): Node => ({ literals: new Map(), routes: new Map() });

export class Router {
  private readonly root = newNode();
  private readonly defaultRoute: Route | undefined;

  constructor(routes: readonly Route[]) {
    let fallback: Route | undefined;
    for (const route of routes) {
      if (route.isDefaultRoute) {
        fallback ??= route;
        continue;
      }
      this.add(route);
    }
    this.defaultRoute = fallback;
  }

  private add(route: Route): void {
    let node = this.root;
    const segments = splitPath(route.path);
    for (const [i, segment] of segments.entries()) {
      const greedy = /^\{(.+)\+\}$/.exec(segment);
      if (greedy && i === segments.length - 1) {
        node.greedy ??= { name: greedy[1]!, routes: new Map() };
        if (!node.greedy.routes.has(route.method)) node.greedy.routes.set(route.method, route);
        return;
      }
      const param = /^\{(.+)\}$/.exec(segment);
      if (param) {
        node.param ??= { name: param[1]!, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    if (!node.routes.has(route.method)) node.routes.set(route.method, route);
  }

  /** The route for `method` and a raw request path (no stage prefix), or undefined. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const segments = splitPath(rawPath);
    const found = this.walk(this.root, segments, 0, method, {});
    if (found) return found;
    return this.defaultRoute ? { route: this.defaultRoute, pathParameters: {} } : undefined;
  }

  private walk(node: Node, segments: string[], i: number, method: string, params: Record<string, string>): RouteMatch | undefined {
    if (i === segments.length) {
      const route = pick(node.routes, method);
      if (route) return { route, pathParameters: params };
    } else {
      const segment = segments[i]!;
      const literal = node.literals.get(segment) ?? literalDecoded(node, segment);
      if (literal) {
        const m = this.walk(literal, segments, i + 1, method, params);
        if (m) return m;
      }
      if (node.param && segment !== '') {
        const m = this.walk(node.param.node, segments, i + 1, method, { ...params, [node.param.name]: segment });
        if (m) return m;
      }
    }
    // A greedy segment takes one or more whole segments.
    if (node.greedy && i < segments.length) {
      const route = pick(node.greedy.routes, method);
      if (route) return { route, pathParameters: { ...params, [node.greedy.name]: segments.slice(i).join('/') } };
    }
    return undefined;
  }
}

function pick(routes: Map<string, Route>, method: string): Route | undefined {
  return routes.get(method) ?? routes.get('ANY');
}

/** A literal segment matches its percent-encoded spelling too (`/caf%C3%A9` reaches `/café`). */
function literalDecoded(node: Node, segment: string): Node | undefined {
  if (!segment.includes('%')) return undefined;
  try {
    return node.literals.get(decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** `/a/b/` → `['a', 'b']`; `/` → `[]`. A trailing slash is ignored, as API Gateway does. */
export function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}
