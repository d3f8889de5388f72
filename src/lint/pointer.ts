// JSON pointer helpers shared by the runner and every rule (RFC 6901).

import type { Pointer } from '../model/types.js';
import { escapeToken as escapeText, unescapeToken } from '../model/pointer.js';

export { unescapeToken };
export { isWithin } from '../load/pointer.js';

/** Escapes one reference token (`~` → `~0`, `/` → `~1`); array indexes may be passed as numbers. */
export function escapeToken(token: string | number): string {
  return escapeText(String(token));
}

/** `child('/paths', '/pets', 'get')` → `/paths/~1pets/get`. */
export function child(base: Pointer, ...tokens: (string | number)[]): Pointer {
  let out = base === '/' ? '' : base;
  for (const t of tokens) out += '/' + escapeToken(t);
  return out;
}

export function parsePointer(pointer: Pointer): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

/**
 * The value at `pointer` in plain JSON data, or undefined. Internal `$ref`s on the way are NOT
 * followed: rules that need the raw shape want exactly what is written at that place.
 */
export function getAt(root: unknown, pointer: Pointer): unknown {
  let node = root;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

