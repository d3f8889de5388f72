// JSON pointers (RFC 6901) into the loaded document: every model node records one so that
// `LoadedDocument.sourceMap.lookup(pointer)` can turn it into file:line:column.

import type { Pointer } from './types.js';

/** Escape one reference token: `~` → `~0`, `/` → `~1`. */
export function escapeToken(token: string): string {
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  if (token.indexOf('~') === -1) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

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
