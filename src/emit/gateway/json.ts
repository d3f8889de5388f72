// Plain-JSON helpers for rewriting the document. Objects are created without a prototype so that
// keys taken from the spec (`__proto__`, `constructor`) stay ordinary data.

import { escapeToken as escapeText, unescapeToken } from '../../model/pointer.js';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function newObject(): JsonObject {
  return Object.create(null) as JsonObject;
}

/** A deep copy of plain JSON data (objects get no prototype). `undefined` members are dropped. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => clone(v)) as unknown as T;
  if (isObject(value)) {
    const out = newObject();
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v !== undefined) out[key] = clone(v);
    }
    return out as unknown as T;
  }
  return value;
}

/** Builds an object from entries without going through `__proto__` setters. */
export function objectFrom(entries: Iterable<[string, Json]>): JsonObject {
  const out = newObject();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export { unescapeToken };

/** Escapes one reference token (`~` → `~0`, `/` → `~1`); array indexes may be passed as numbers. */
export function escapeToken(token: string | number): string {
  return escapeText(String(token));
}

export function pointerOf(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

export function childPointer(parent: string, ...tokens: (string | number)[]): string {
  return parent + pointerOf(...tokens);
}

/** The node at a local `#/...` ref or JSON pointer, or undefined. */
export function resolvePointer(root: Json, pointer: string): Json | undefined {
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '') return root;
  if (!p.startsWith('/')) return undefined;
  let node: Json | undefined = root;
  for (const raw of p.slice(1).split('/')) {
    const token = unescapeToken(decodeURIComponent(raw));
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/** Sorted-key-free structural equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (isObject(x)) return Object.keys(x).sort().map((k) => [k, sortKeys(x[k])]);
  return x;
}
