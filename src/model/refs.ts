// Internal `$ref` resolution (the loader bundles external refs; internal ones stay as written)
// and the one rewrite normalize makes to schemas: Swagger 2.0 `#/definitions/X` refs become
// `#/components/schemas/X`, so downstream code handles one ref form.

import { tokensOf } from './pointer.js';
import type { Pointer, Schema } from './types.js';
import { get, isObject, type Json } from './values.js';

export interface Resolved {
  node: unknown;
  /** Where the node really is: the target of the last `$ref` followed. */
  pointer: Pointer;
}

const MAX_REF_HOPS = 32;

/** The node at a local ref (`#/components/...`), or undefined when it is external, broken or absent. */
export function lookupRef(root: Json, ref: string): Resolved | undefined {
  if (!ref.startsWith('#')) return undefined;
  let fragment = ref.slice(1);
  if (fragment.includes('%')) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
  }
  if (fragment !== '' && !fragment.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const token of tokensOf(fragment)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else {
      node = get(node, token);
    }
    if (node === undefined) return undefined;
  }
  return { node, pointer: fragment };
}

/**
 * Follow `$ref` chains from a node found at `pointer`. A node without `$ref` resolves to itself;
 * a broken, external or circular chain resolves to undefined.
 */
export function deref(root: Json, node: unknown, pointer: Pointer): Resolved | undefined {
  let current: Resolved = { node, pointer };
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    const ref = get(current.node, '$ref');
    if (typeof ref !== 'string') return current;
    const next = lookupRef(root, ref);
    if (!next) return undefined;
    current = next;
  }
  return undefined;
}

/** The last token of a `#/a/b/<name>` ref under `prefix`, or undefined. */
export function refName(ref: unknown, prefix: string): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  const tokens = tokensOf(`/${rest}`);
  return tokens.length === 1 ? tokens[0] : undefined;
}

const DEFINITIONS = '#/definitions/';
const MAX_SCHEMA_DEPTH = 1000;
const SCHEMAS = '#/components/schemas/';

/**
 * Rewrites 2.0 schema refs copy-on-write: an untouched subtree is returned as is (same object),
 * a subtree containing a `#/definitions/` ref is copied along the path to it. The loaded
 * document is never mutated. Results are memoized so shared subtrees stay shared.
 */
export class SchemaRefRewriter {
  private readonly done = new WeakMap<object, unknown>();
  private readonly active = new WeakSet<object>();

  constructor(private readonly enabled: boolean) {}

  schema(x: unknown): Schema {
    const out = this.enabled ? this.rewrite(x) : x;
    return isObject(out) ? out : {};
  }

  private rewrite(x: unknown, depth = 0): unknown {
    // Absurdly deep schemas are left as written rather than risk the stack (normalize never throws).
    if (typeof x !== 'object' || x === null || depth > MAX_SCHEMA_DEPTH) return x;
    const memo = this.done.get(x);
    if (memo !== undefined) return memo;
    // A cycle of plain objects (not `$ref`s) cannot come from JSON/YAML, but stay safe.
    if (this.active.has(x)) return x;
    this.active.add(x);
    let result: unknown = x;
    if (Array.isArray(x)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < x.length; i++) {
        const r = this.rewrite(x[i], depth + 1);
        if (r !== x[i]) {
          copy ??= x.slice();
          copy[i] = r;
        }
      }
      if (copy) result = copy;
    } else {
      const obj = x as Json;
      let copy: Json | undefined;
      for (const k of Object.keys(obj)) {
        const v = obj[k];
        let r: unknown;
        if (k === '$ref' && typeof v === 'string' && v.startsWith(DEFINITIONS)) r = SCHEMAS + v.slice(DEFINITIONS.length);
        else r = this.rewrite(v, depth + 1);
        if (r !== v) {
          copy ??= { ...obj };
          // defineProperty: a spec key such as `__proto__` stays an own data property.
          Object.defineProperty(copy, k, { value: r, enumerable: true, writable: true, configurable: true });
        }
      }
      if (copy) result = copy;
    }
    this.active.delete(x);
    this.done.set(x, result);
    return result;
  }
}
