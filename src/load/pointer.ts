// JSON pointers (RFC 6901) as they appear in `$ref` fragments and source-map keys.

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function escapeToken(token: string): string {
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one reference token: `~1` → `/`, `~0` → `~` (in that order, as RFC 6901 requires). */
export function unescapeToken(token: string): string {
  if (token.indexOf('~') === -1) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** True when `pointer` equals `ancestor` or lies beneath it (`''` and `'/'` contain every pointer). */
export function isWithin(pointer: string, ancestor: string): boolean {
  if (ancestor === '' || ancestor === '/') return true;
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}

/** Splits a JSON pointer (`''` or `/a/b`) into unescaped tokens. Throws on a pointer not starting with `/`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

export function formatPointer(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) out += '/' + escapeToken(t);
  return out;
}

/** Appends one token to a pointer. */
export function childPointer(pointer: string, token: string | number): string {
  return pointer + '/' + escapeToken(String(token));
}

/**
 * Characters allowed unencoded in a URI fragment (RFC 3986 `fragment`), so that `#/paths/~1pets`
 * stays readable while a space or `%` in a key is percent-encoded and decodes back exactly.
 */
const FRAGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/** `#` + pointer, percent-encoding what a URI fragment cannot hold. */
export function pointerToRef(pointer: string): string {
  let out = '#';
  for (const ch of pointer) {
    if (FRAGMENT_SAFE.test(ch)) out += ch;
    else out += encodeURIComponent(ch);
  }
  return out;
}

const own = Object.prototype.hasOwnProperty;

/** The tokens' target inside `data`, or `undefined` when a token is missing (own properties only). */
export function getAt(data: unknown, tokens: readonly string[]): { found: boolean; value: unknown } {
  let cur: unknown = data;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(t)) return { found: false, value: undefined };
      const i = Number(t);
      if (i >= cur.length) return { found: false, value: undefined };
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object') {
      if (!own.call(cur, t)) return { found: false, value: undefined };
      cur = (cur as Record<string, unknown>)[t];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: cur };
}

/** Sets an own data property, so that a key such as `__proto__` stays ordinary data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
