// Hostile response-header names (quotes, `*/`, backticks, `${`, newlines, U+2028, backslashes,
// `__proto__`, names of `Headers` and `Object.prototype` members) can neither inject code into the
// generated SDK nor break the `Headers` object a result carries. Same approach as injection.test.ts:
// the TypeScript scanner finds no payload outside strings and comments, the strict compiler accepts
// the output, and the transpiled client runs without executing anything.
import { describe, it, expect, beforeAll } from 'vitest';
import ts from 'typescript';
import { generate, tsFiles } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck, STRICT_OPTIONS, TYPE_ASSERTIONS } from '../shared/compile.js';

const SPEC = 'test/emit/sdk/specs/hostile-headers.yaml';
let files: Map<string, string>;

beforeAll(async () => {
  ({ files } = await generate(SPEC));
});

describe('hostile response-header names', () => {
  it('every payload stays inside a string literal or a comment (TypeScript scanner)', () => {
    for (const path of ['types.ts', 'client.ts', 'index.ts']) {
      const text = files.get(path)!;
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
      const offending: string[] = [];
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        if (token === ts.SyntaxKind.Identifier && scanner.getTokenValue() === 'PWNED') offending.push(`${path}@${scanner.getTokenStart()}`);
        if (token === ts.SyntaxKind.NoSubstitutionTemplateLiteral || token === ts.SyntaxKind.TemplateHead) offending.push(`${path}@${scanner.getTokenStart()} template`);
        if (token === ts.SyntaxKind.Unknown) offending.push(`${path}@${scanner.getTokenStart()} unknown token`);
      }
      expect(offending, path).toEqual([]);
    }
    const client = files.get('client.ts')!;
    // Valid field names that would end a single-quoted or template literal are there, as
    // double-quoted data (so the scan above had something to find)…
    expect(client).toContain(`"'+globalThis.PWNED+'"?: string`);
    expect(client).toContain('"`+globalThis.PWNED+`"?: string');
    expect(client).toContain('"$PWNED|*^~!#%&"?: string');
    expect(client).toContain(`responseHeaders: ["x'single", "x\`tick", "'+globalThis.PWNED+'", "\`+globalThis.PWNED+\`", "$PWNED|*^~!#%&", "X-Plain", "X-Err'\`$"],`);
    // …while names no response can carry (quotes, spaces, `/`, `{`, newlines, U+2028, backslashes)
    // get no property, so they appear nowhere in the code.
    for (const dropped of ['x\\"quote', 'comment', "'template'", '${PWNED}', 'newline', "'ls'", 'slash', "'404'"]) expect(client, dropped).not.toContain(dropped);
    expect(client).not.toContain('\u2028');
  });

  it('compiles under the strict flags and the strictest consumer flags', () => {
    expect(typeCheck(tsFiles(files))).toEqual([]);
    const strictest = { ...STRICT_OPTIONS, noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true, noPropertyAccessFromIndexSignature: true, verbatimModuleSyntax: true, isolatedModules: true };
    expect(typeCheck(tsFiles(files), strictest)).toEqual([]);
  });

  it('types: hostile names are exact string keys; Headers and Object members keep their own types', () => {
    const check = `${TYPE_ASSERTIONS}
import type { GetHostileResult } from './client.js';
type H = Extract<GetHostileResult, { status: 200 }>['headers'];
type H404 = Extract<GetHostileResult, { status: 404 }>['headers'];
assertType<Equal<H["x'single"], string | undefined>>();
assertType<Equal<H['x\`tick'], string | undefined>>();
assertType<Equal<H["'+globalThis.PWNED+'"], string | undefined>>();
assertType<Equal<H['\`+globalThis.PWNED+\`'], string | undefined>>();
assertType<Equal<H['$PWNED|*^~!#%&'], string | undefined>>();
assertType<Equal<H404["X-Err'\`$"], string | undefined>>();
// Names that are no HTTP field name are no properties (a response can never carry them).
type Invalid = 'x"quote' | "*/ globalThis.PWNED = 'comment'; /*" | '\${PWNED}' | "new\\nline\\"; globalThis.PWNED = 'newline'; //" | 'back\\\\slash\\\\' | "sep\\u2028globalThis.PWNED = 'ls'";
assertType<Equal<Extract<keyof H, Invalid>, never>>();
assertType<Equal<Extract<keyof H404, "*/ globalThis.PWNED = '404'; /*">, never>>();
assertType<Equal<H['X-Plain'], string>>();
// Members of Headers and Object.prototype are not replaced by header strings.
assertType<Equal<H['get'], Headers['get']>>();
assertType<Equal<H['has'], Headers['has']>>();
assertType<Equal<H['set'], Headers['set']>>();
assertType<Equal<H['forEach'], Headers['forEach']>>();
assertType<Equal<H['getSetCookie'], Headers['getSetCookie']>>();
assertType<Equal<H['constructor'], Headers['constructor']>>();
assertType<Equal<H['toString'], Headers['toString']>>();
assertType<Equal<H['valueOf'], Headers['valueOf']>>();
assertType<Equal<H['hasOwnProperty'], Headers['hasOwnProperty']>>();
assertType<Equal<H['isPrototypeOf'], Headers['isPrototypeOf']>>();
assertType<Equal<H['propertyIsEnumerable'], Headers['propertyIsEnumerable']>>();
assertType<Equal<H['toLocaleString'], Headers['toLocaleString']>>();
assertType<Equal<H404['get'], Headers['get']>>();
// __proto__ is no declared property.
assertType<Equal<'__proto__' extends keyof H ? true : false, false>>();
`;
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', check]]))).toEqual([]);
  });

  it('runs: declared headers readable as properties, Headers and Object members still work, nothing executed', async () => {
    const g = globalThis as { PWNED?: unknown };
    delete g.PWNED;
    const sdk = await importFrom<{ createClient(o: unknown): { getHostile(): Promise<{ status: number; headers: Headers & Record<string, unknown> }> } }>(transpileToDir(files), 'index.js');
    // Only RFC 9110 token names can be real header names; the others are declared but never sent.
    const sent: Record<string, string> = {
      "x'single": 's', 'x`tick': 't', 'X-Plain': 'p', "'+globalThis.PWNED+'": 'q1', '`+globalThis.PWNED+`': 'q2', '$PWNED|*^~!#%&': 'q3', get: 'g', has: 'h', constructor: 'c', tostring: 'ts', valueof: 'v',
      hasownproperty: 'o', ['__proto__']: 'pr', __definegetter__: 'dg', 'content-type': 'application/json',
    };
    const client = sdk.createClient({ fetch: async () => new Response('{"ok":true}', { headers: Object.entries(sent) }) });
    const r = await client.getHostile();
    expect(r.status).toBe(200);
    expect(g.PWNED).toBeUndefined();
    const h = r.headers;
    expect(h["x'single"]).toBe('s');
    expect(h['x`tick']).toBe('t');
    expect(h['X-Plain']).toBe('p');
    expect(h["'+globalThis.PWNED+'"]).toBe('q1');
    expect(h['`+globalThis.PWNED+`']).toBe('q2');
    expect(h['$PWNED|*^~!#%&']).toBe('q3');
    // Members stay members; the values are reachable through get().
    expect(Object.getPrototypeOf(h)).toBe(Headers.prototype);
    for (const m of ['get', 'has', 'set', 'append', 'delete', 'forEach', 'entries', 'keys', 'values', 'getSetCookie', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__']) {
      expect(typeof h[m], m).toBe('function');
      expect(Object.prototype.hasOwnProperty.call(h, m), m).toBe(false);
    }
    expect(h.constructor).toBe(Headers);
    expect(Object.prototype.hasOwnProperty.call(h, '__proto__')).toBe(false);
    expect(h.get('get')).toBe('g');
    expect(h.get('toString')).toBe('ts');
    expect(h.get('__proto__')).toBe('pr');
    expect(h.has('constructor')).toBe(true);
    expect(String(h)).toBe('[object Headers]');
    // The object's own inherited method must still work, called the way user code calls it.
    // eslint-disable-next-line no-prototype-builtins
    expect(h.hasOwnProperty('X-Plain')).toBe(true);
    expect([...(h as Headers).keys()]).toContain('x-plain');
    // Declared but absent: no property at all.
    expect(Object.prototype.hasOwnProperty.call(h, 'x"quote')).toBe(false);
  });

  it('the runtime itself never shadows a member nor throws on a name Headers rejects (a hand-edited or older client.ts)', async () => {
    // Swap the emitter-filtered list for one holding every hazard, to test the runtime's own guard.
    const client = files.get('client.ts')!;
    const edited = client.replace(/responseHeaders: \[[^\]]*\],/, `responseHeaders: ["toString", "get", "__proto__", "x\\"quote", "bad name", "X-Plain", "X-Plain"],`);
    expect(edited).not.toBe(client);
    const sdk = await importFrom<{ createClient(o: unknown): { getHostile(): Promise<{ headers: Headers & Record<string, unknown> }> } }>(transpileToDir(new Map([...files, ['client.ts', edited]])), 'index.js');
    const api = sdk.createClient({ fetch: async () => new Response('{}', { headers: { tostring: 'ts', get: 'g', 'x-plain': 'p', 'content-type': 'application/json' } }) });
    const h = (await api.getHostile()).headers;
    expect(h['X-Plain']).toBe('p');
    expect(typeof h.toString).toBe('function');
    expect(typeof h.get).toBe('function');
    expect(h.get('tostring')).toBe('ts');
    expect(Object.getPrototypeOf(h)).toBe(Headers.prototype);
    expect(Object.keys(h)).toEqual(['X-Plain']);
  });
});
