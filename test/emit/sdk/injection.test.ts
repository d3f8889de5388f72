// Nothing from a spec can inject code into the generated SDK: names, descriptions, enum values,
// paths and server URLs full of `*/`, backticks, `${`, quotes and newlines end up escaped. The
// compile test (compile.test.ts) type-checks this spec's SDK; here we run it and inspect the text.
import { describe, it, expect, beforeAll } from 'vitest';
import ts from 'typescript';
import { generate, tsFiles } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck, TYPE_ASSERTIONS } from '../shared/compile.js';

let files: Map<string, string>;

beforeAll(async () => {
  ({ files } = await generate('test/emit/sdk/specs/hostile.yaml', { sdk: { groupByTag: true } }));
});

describe('hostile spec text', () => {
  it('runs without executing anything from the spec', async () => {
    const g = globalThis as { PWNED?: unknown };
    delete g.PWNED;
    const dir = transpileToDir(files);
    const sdk = await importFrom<{ createClient(o: unknown): Record<string, (...a: unknown[]) => Promise<{ data: unknown }>> }>(dir, 'index.js');
    const urls: string[] = [];
    const client = sdk.createClient({
      fetch: async (url: URL) => {
        urls.push(url.href);
        return new Response('{"ok":1}', { headers: { 'content-type': 'application/json' } });
      },
    });
    // An own `__proto__` key, as JSON.parse makes it: sent as an ordinary query parameter.
    const query = JSON.parse('{"__proto__": "p", "quote\\"d\'`": "${g}"}') as object;
    const result = await client.listThingsGlobalThisPWNEDOpGetThingsByThingIdX!({ path: { 'thing-id': 'x/y', x: '${X}' }, query });
    expect(result.data).toEqual({ ok: 1 });
    expect(g.PWNED).toBeUndefined();
    // The server URL is data: its quotes are sent percent-encoded, not evaluated.
    expect(urls[0]).toBe("https://example.com/%22+(globalThis.PWNED='server')+%22/things/x%2Fy/%22'%60$%24%7BX%7D%60?__proto__=p&quote%22d%27%60=%24%7Bg%7D");
  });

  it('keeps every payload inside a comment or a string literal (checked with the TypeScript scanner)', () => {
    // runtime.ts and sigv4.ts are static copies (they use template literals of their own); the
    // spec-dependent files are scanned.
    for (const path of ['types.ts', 'client.ts', 'index.ts']) {
      const text = files.get(path)!;
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
      const offending: string[] = [];
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        // Comments are trivia (skipped); string literals are single tokens. An injected payload would
        // surface as identifiers (`PWNED`) or as template literals (generated code has none).
        if (token === ts.SyntaxKind.Identifier && scanner.getTokenValue() === 'PWNED') offending.push(`${path}@${scanner.getTokenStart()}`);
        if (token === ts.SyntaxKind.NoSubstitutionTemplateLiteral || token === ts.SyntaxKind.TemplateHead) offending.push(`${path}@${scanner.getTokenStart()} template`);
      }
      expect(offending, path).toEqual([]);
    }
    const all = [...tsFiles(files).values()].join('\n');
    expect(all).toContain('PWNED');
    expect(all).toContain("*\\/ globalThis.PWNED = 'model'; /*");
    expect(all).toContain('\\@deprecated not really');
    const client = files.get('client.ts')!;
    expect(client).not.toMatch(/(^|[^\\])@deprecated/);
    expect(client).not.toContain('\u2028');
  });

  it('names stay distinct and safe; literal types hold the exact strings', () => {
    const check = `${TYPE_ASSERTIONS}
import type * as T from './types.js';
import type { ApiClient } from './client.js';
assertType<Equal<NonNullable<T.Proto['mode']>, '*/' | '\`' | '\${x}' | '"' | "'" | 'a\\nb'>>();
assertType<Equal<T.Proto['__proto__'], string | undefined>>();
assertType<Equal<T.Proto['constructor'], number | undefined>>();
assertType<Equal<T.Foo, { a?: string }>>();
assertType<Equal<T.Foo2, { b?: string }>>();
assertType<Equal<T.Date_, string>>();
assertType<Equal<T._2FaMethod, string>>();
assertType<Equal<T.ABC['d'], T.Date_ | undefined>>();
type Methods = keyof ApiClient;
assertType<Equal<Extract<Methods, 'listThingsGlobalThisPWNEDOpGetThingsByThingIdX' | 'listThingsGlobalThisPWNEDOpPostThings' | 'constructor_'>, 'listThingsGlobalThisPWNEDOpGetThingsByThingIdX' | 'listThingsGlobalThisPWNEDOpPostThings' | 'constructor_'>>();
`;
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', check]]))).toEqual([]);
  });
});
