// Access to the raw bundled document for rules that must report on the shape as written.

import type { RuleContext } from '../rule.js';
import type { Pointer } from '../../model/types.js';
import { getAt, parsePointer } from '../pointer.js';

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

export function rawAt(ctx: RuleContext, pointer: Pointer): unknown {
  return getAt(ctx.document.document, pointer);
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
    cur = getAt(root, at);
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
