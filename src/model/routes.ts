// Paths × methods → `Route`s: parameters, body, responses, security and integration per route.

import type { ApiKind, HttpMethod, Pointer, Route, SecurityScheme } from './types.js';
import { child } from './pointer.js';
import { deref } from './refs.js';
import { mediaTypes, mergeParams, normalizeParameters, normalizeResponses, oas3RequestBody, swagger2RequestBody, type IoContext } from './operation-io.js';
import { normalizeIntegration } from './integrations.js';
import { normalizeRequirements, resolveRouteAuth } from './security.js';
import { get, getArray, getBoolean, getObject, getStringList, getText, isObject, type Json } from './values.js';

/** Operation keys of a Path Item, in the order routes are listed, with their method. */
export const OPERATION_KEYS: readonly (readonly [string, HttpMethod])[] = [
  ['get', 'GET'],
  ['put', 'PUT'],
  ['post', 'POST'],
  ['delete', 'DELETE'],
  ['options', 'OPTIONS'],
  ['head', 'HEAD'],
  ['patch', 'PATCH'],
  ['trace', 'TRACE'],
  ['x-amazon-apigateway-any-method', 'ANY'],
];

export interface RouteContext extends IoContext {
  kind: ApiKind;
  schemes: Record<string, SecurityScheme>;
  defaultValidator?: string;
}

export function normalizeRoutes(ctx: RouteContext): Route[] {
  const routes: Route[] = [];
  const paths = getObject(ctx.root, 'paths');
  if (!paths) return routes;
  const usedKeys = new Set<string>();
  const rootSecurity = normalizeRequirements(get(ctx.root, 'security'));
  for (const path of Object.keys(paths)) {
    if (path.startsWith('x-')) continue;
    // A path item can be a `$ref`; an intrinsic (`Fn::If` from SAM) has no operations to list.
    const item = deref(ctx.root, paths[path], child('/paths', path));
    if (!item || !isObject(item.node)) continue;
    for (const [key, method] of OPERATION_KEYS) {
      const op = get(item.node, key);
      if (!isObject(op)) continue;
      const route = normalizeRoute(ctx, path, method, op, child(item.pointer, key), item.node, item.pointer, rootSecurity);
      // Keys are unique: a second `$default` (a spec error lint reports) gets a suffix.
      let unique = route.key;
      for (let n = 2; usedKeys.has(unique); n++) unique = `${route.key} #${n}`;
      route.key = unique;
      usedKeys.add(unique);
      routes.push(route);
    }
  }
  return routes;
}

function normalizeRoute(
  ctx: RouteContext,
  path: string,
  method: HttpMethod,
  op: Json,
  pointer: Pointer,
  item: Json,
  itemPointer: Pointer,
  rootSecurity: ReturnType<typeof normalizeRequirements>,
): Route {
  const isDefaultRoute = method === 'ANY' && getBoolean(op, 'isDefaultRoute') === true;
  const rawParams = mergeParams(ctx, get(item, 'parameters'), child(itemPointer, 'parameters'), get(op, 'parameters'), child(pointer, 'parameters'));
  const security = getArray(op, 'security') !== undefined ? normalizeRequirements(get(op, 'security')) : rootSecurity;
  const route: Route = {
    key: isDefaultRoute ? '$default' : `${method} ${path}`,
    method,
    path,
    isDefaultRoute,
    tags: getStringList(op, 'tags'),
    deprecated: getBoolean(op, 'deprecated') === true,
    parameters: normalizeParameters(ctx, rawParams),
    responses: normalizeResponses(ctx, get(op, 'responses'), child(pointer, 'responses'), ctx.version === '2.0' ? mediaTypes(op, ctx.root, 'produces') : []),
    security,
    auth: resolveRouteAuth(ctx.kind, security, ctx.schemes, get(op, 'x-amazon-apigateway-auth')),
    pointer,
  };
  const operationId = getText(op, 'operationId');
  if (operationId !== undefined) route.operationId = operationId;
  const summary = getText(op, 'summary');
  if (summary !== undefined) route.summary = summary;
  const description = getText(op, 'description');
  if (description !== undefined) route.description = description;
  const body =
    ctx.version === '2.0'
      ? swagger2RequestBody(ctx, rawParams, mediaTypes(op, ctx.root, 'consumes'))
      : oas3RequestBody(ctx, get(op, 'requestBody'), child(pointer, 'requestBody'));
  if (body) route.requestBody = body;
  const integration = normalizeIntegration(ctx.root, get(op, 'x-amazon-apigateway-integration'), child(pointer, 'x-amazon-apigateway-integration'));
  if (integration) route.integration = integration;
  const validator = getText(op, 'x-amazon-apigateway-request-validator') ?? ctx.defaultValidator;
  if (validator !== undefined) route.validator = validator;
  return route;
}
