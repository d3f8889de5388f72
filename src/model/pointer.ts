// JSON pointers (RFC 6901) into the loaded document: every model node records one so that
// `LoadedDocument.sourceMap.lookup(pointer)` can turn it into file:line:column.

import type { Pointer } from './types.js';
import { escapeToken, unescapeToken } from '../load/pointer.js';

// Token escaping has one implementation (src/load/pointer.ts); model, lint and emit import it from here.
export { escapeToken, unescapeToken };

/** `child('/paths', '/pets/{id}')` → `/paths/~1pets~1{id}`. */
export function child(parent: Pointer, token: string | number): Pointer {
  return `${parent}/${typeof token === 'number' ? token : escapeToken(token)}`;
}

/** Build a pointer from unescaped tokens. */
export function pointerOf(tokens: readonly (string | number)[]): Pointer {
  let out = '';
  for (const t of tokens) out = child(out, t);
  return out;
}

/** Split a pointer into unescaped tokens. `''` is the document root. */
export function tokensOf(pointer: Pointer): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}
