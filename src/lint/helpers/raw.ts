// Access to the raw bundled document for rules that must report on the shape as written.

import type { RuleContext } from '../rule.js';
import type { Pointer } from '../../model/types.js';
import { getAt, parsePointer, unescapeToken } from '../pointer.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A CloudFormation intrinsic in long form: `{ "Ref": … }`, `{ "Fn::Sub": … }`, … (one key). */
export function isIntrinsicObject(v: unknown): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
}

export function rawRoot(ctx: RuleContext): JsonObject {
  return ctx.document.document as JsonObject;
}

/** The raw node at `pointer` of the rule's document (no `$ref` followed): see nodeAt. */
export function rawAt(ctx: RuleContext, pointer: Pointer): unknown {
  return nodeAt(ctx.document.document, pointer);
}

/**
 * Lookups during one lint run: every rule asks for the same few pointers (each route's, its path
 * item's, their `parameters`), and on Stripe every path key holds `~1`s to unescape again each time.
 * Scoped to one run by the runner (withNodeCache), when the document cannot change.
 */
let run: { root: unknown; nodes: Map<Pointer, unknown>; memos: Map<object, WeakMap<object, unknown>> } | undefined;

/** Runs `fn` with lookups into `root` remembered (the runner wraps one lint() run in it). */
export function withNodeCache<T>(root: unknown, fn: () => T): T {
  const outer = run;
  run = { root, nodes: new Map(), memos: new Map() };
  try {
    return fn();
  } finally {
    run = outer;
  }
}

/**
 * `getAt(root, pointer)`, the same answer (`''` and `'/'` are the root, own properties only), but
 * inside withNodeCache each pointer is resolved once, from its parent's remembered node: one token
 * to unescape instead of the whole pointer.
 */
export function nodeAt(root: unknown, pointer: Pointer): unknown {
  if (run === undefined || run.root !== root || pointer === '/' || pointer.charCodeAt(0) !== 0x2f) return getAt(root, pointer);
  return remembered(root, run.nodes, pointer);
}

/**
 * `compute()` once per `key` during a withNodeCache run over `root` (every time outside one): for
 * raw-document facts several rules derive alike. `table` names the fact (one constant per helper).
 */
export function oncePerRun<V>(root: unknown, table: object, key: object, compute: () => V): V {
  if (run === undefined || run.root !== root) return compute();
  let memo = run.memos.get(table);
  if (!memo) run.memos.set(table, (memo = new WeakMap()));
  if (memo.has(key)) return memo.get(key) as V;
  const value = compute();
  memo.set(key, value);
  return value;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `pointer` starts with '/' and is a key of `nodes` once resolved (absent nodes are remembered as undefined). */
function remembered(root: unknown, nodes: Map<Pointer, unknown>, pointer: Pointer): unknown {
  const hit = nodes.get(pointer);
  if (hit !== undefined || nodes.has(pointer)) return hit;
  const cut = pointer.lastIndexOf('/');
  // Here a prefix '/' is the key '' of the root (only a whole pointer '/' means the root, see nodeAt).
  const parent = cut === 0 ? root : remembered(root, nodes, pointer.slice(0, cut));
  const token = unescapeToken(pointer.slice(cut + 1));
  const node = parent !== null && typeof parent === 'object' && hasOwn.call(parent, token) ? (parent as Record<string, unknown>)[token] : undefined;
  nodes.set(pointer, node);
  return node;
}

/** The parent pointer: `/paths/~1a/get` → `/paths/~1a`. */
export function parentPointer(pointer: Pointer): Pointer {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** The last token of a pointer, unescaped. */
export function lastToken(pointer: Pointer): string {
  const tokens = parsePointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}

/** Follows internal `$ref`s (up to a few hops) from a raw node; returns the target and its pointer. */
export function deref(root: unknown, node: unknown, pointer: Pointer): { node: unknown; pointer: Pointer } {
  let cur = node;
  let at = pointer;
  for (let i = 0; i < 10 && isObject(cur) && typeof cur.$ref === 'string' && cur.$ref.startsWith('#'); i++) {
    at = decodeURIComponentSafe(cur.$ref.slice(1));
    cur = nodeAt(root, at);
  }
  return { node: cur, pointer: at };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** HTTP method keys of an OpenAPI path item (lowercase) plus API Gateway's ANY method. */
export const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'] as const;
