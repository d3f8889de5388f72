// Generated method names: names that change how JavaScript treats an object (`then`, `toJSON`, …)
// are renamed deterministically, so `await` on the client resolves; operations that map to one
// method name are named independently of document order, and `build` warns about each collision.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OBJECT_PROTOCOL_NAMES, toCamelCase } from '../../../src/emit/shared/naming.js';
import { collectOperations } from '../../../src/emit/sdk/operations.js';
import type { EmitWarning } from '../../../src/emit/types.js';
import { generate, tsFiles } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck } from '../shared/compile.js';
import { buildDist, run } from '../../cli/helpers.js';

const INTEGRATION = 'x-amazon-apigateway-integration: { type: http_proxy, httpMethod: ANY, uri: "https://example.com" }';

/** A spec with one GET operation per [operationId, path], in the order given. */
function spec(ops: [id: string | undefined, path: string, method?: string][]): string {
  const paths = new Map<string, string[]>();
  for (const [id, path, method = 'get'] of ops) {
    const op = `    ${method}:\n${id === undefined ? '' : `      operationId: ${JSON.stringify(id)}\n`}      responses: { "200": { description: ok } }\n      ${INTEGRATION}\n`;
    paths.set(path, [...(paths.get(path) ?? []), op]);
  }
  return `openapi: 3.0.1\ninfo: { title: Names, version: "1" }\nservers: [{ url: "https://api.example.com" }]\npaths:\n${[...paths].map(([p, o]) => `  ${p}:\n${o.join('')}`).join('')}`;
}

let dir: string;
function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdk-names-'));
});

// Client members and the names of Object.prototype members that toCamelCase keeps as they are.
const PROTOCOL_IDS = [...OBJECT_PROTOCOL_NAMES].filter((n) => toCamelCase(n) === n);

describe('names that change how JavaScript treats an object are reserved', () => {
  it('every reserved operationId is renamed with a `_` suffix, whatever else the spec declares', async () => {
    expect(PROTOCOL_IDS).toEqual(expect.arrayContaining(['then', 'toJSON', 'valueOf', 'toString', 'hasOwnProperty', 'prototype', 'caller', 'iterator', 'toPrimitive']));
    const ids = [...PROTOCOL_IDS, 'core', 'options', 'request', '__proto__', 'constructor'];
    const forward = (await generate(write('reserved.yaml', spec(ids.map((id, i) => [id, `/r${i}`]))))).api;
    const names = collectOperations(forward).map((o) => [o.route.operationId, o.name]);
    expect(names).toEqual([
      ...PROTOCOL_IDS.map((id) => [id, `${id}_`]),
      ['core', 'core_'], ['options', 'options_'], ['request', 'request_'],
      // Not identifiers as they stand: camelCase first (`__proto__` → `proto`; `constructor` is a reserved word).
      ['__proto__', 'proto'], ['constructor', 'constructor_'],
    ]);
    // The same names in reverse order and beside unrelated operations: same names.
    const reversed = (await generate(write('reserved-reversed.yaml', spec([['other', '/other'], ...ids.map((id, i): [string, string] => [id, `/r${i}`]).reverse()])))).api;
    expect(collectOperations(reversed).filter((o) => o.route.operationId !== 'other').map((o) => [o.route.operationId, o.name]).reverse()).toEqual(names);
  });

  it('the generated client is no thenable: await resolves to it, JSON.stringify and String work', async () => {
    const { files } = await generate(write('then.yaml', spec([['then', '/then'], ['toJSON', '/json'], ['valueOf', '/value'], ['toString', '/string']])));
    expect(typeCheck(tsFiles(files))).toEqual([]);
    const sdk = await importFrom<{ createClient(o: unknown): Record<string, unknown> }>(transpileToDir(files), 'index.js');
    const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const client = sdk.createClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      expect(client.then).toBeUndefined();
      const make = async () => client;
      // Would hang forever if `then` were a method: bounded by a race against a timer.
      const resolved = await Promise.race([make(), new Promise((r) => setTimeout(() => r('hung'), 1000))]);
      expect(resolved).toBe(client);
      expect(await client).toBe(client);
      expect(JSON.stringify({ c: client })).not.toContain('/json');
      expect(String(client)).toBe('[object Object]');
      // The renamed methods call their routes.
      const call = (name: string) => (client[name] as () => Promise<{ data: unknown }>)();
      expect((await call('then_')).data).toEqual({ url: '/then' });
      expect((await call('toJSON_')).data).toEqual({ url: '/json' });
      expect((await call('valueOf_')).data).toEqual({ url: '/value' });
      expect((await call('toString_')).data).toEqual({ url: '/string' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('tags that are reserved names make group properties with a `_` too', async () => {
    const text = spec([['a', '/a']]).replace('      operationId: "a"\n', '      operationId: "a"\n      tags: [then]\n');
    const { files } = await generate(write('tag.yaml', text), { sdk: { groupByTag: true } });
    expect(files.get('client.ts')).toContain('  readonly then_ = {\n    a: this.a.bind(this),\n  };');
    expect(typeCheck(tsFiles(files))).toEqual([]);
  });
});

describe('colliding operationIds: names independent of order, a warning naming each operation', () => {
  const OPS: [string | undefined, string, string?][] = [
    ['get-camel', '/camels'],
    ['getCamel', '/camels', 'post'],
    ['get_camel', '/camels', 'put'],
    ['list-things', '/things'],
    ['list_things', '/things', 'post'],
    [undefined, '/dogs'],
    ['getDogs', '/dogs', 'post'],
  ];
  const EXPECTED = new Map([
    ['GET /camels', 'getCamelGetCamels'],
    // The operationId that is exactly the identifier keeps it.
    ['POST /camels', 'getCamel'],
    ['PUT /camels', 'getCamelPutCamels'],
    // None is exact: none is privileged.
    ['GET /things', 'listThingsGetThings'],
    ['POST /things', 'listThingsPostThings'],
    // A name from the route loses to an operationId that is exactly it.
    ['GET /dogs', 'getDogsGetDogs'],
    ['POST /dogs', 'getDogs'],
  ]);

  async function namesOf(ops: typeof OPS) {
    const warnings: EmitWarning[] = [];
    const file = write(`collide-${Math.random().toString(36).slice(2)}.yaml`, spec(ops));
    const { api } = await generate(file);
    const names = new Map(collectOperations(api, warnings).map((o) => [`${o.route.method} ${o.route.path}`, o.name]));
    return { names, warnings, file };
  }

  it('keeps exact matches, suffixes the others from method and path, in any order', async () => {
    const { names, warnings } = await namesOf(OPS);
    expect(names).toEqual(EXPECTED);
    // Reversed, and with an unrelated operation in front: the same names.
    const shuffled = await namesOf([['unrelated', '/aaa'], ...[...OPS].reverse()]);
    shuffled.names.delete('GET /aaa');
    expect(shuffled.names).toEqual(EXPECTED);
    expect(warnings.map((w) => w.message)).toEqual([
      '3 operations map to the SDK method name getCamel: operationId "get-camel" (GET /camels) is getCamelGetCamels, operationId "getCamel" (POST /camels) is getCamel, operationId "get_camel" (PUT /camels) is getCamelPutCamels. Give them distinct operationIds to choose the names yourself',
      '2 operations map to the SDK method name listThings: operationId "list-things" (GET /things) is listThingsGetThings, operationId "list_things" (POST /things) is listThingsPostThings. Give them distinct operationIds to choose the names yourself',
      '2 operations map to the SDK method name getDogs: GET /dogs is getDogsGetDogs, operationId "getDogs" (POST /dogs) is getDogs. Give them distinct operationIds to choose the names yourself',
    ]);
    expect(warnings.every((w) => w.target === 'sdk' && w.pointer.startsWith('/paths/'))).toBe(true);
  });

  it('a suffixed name that meets another name falls back to a hash of method and path', async () => {
    // `get-a-b` on /a-b and `get_a_b` on /a_b both suffix to getABGetAB; `getABGetAB` exists already.
    const { names } = await namesOf([['get-a-b', '/a-b'], ['get_a_b', '/a_b'], ['getAB', '/x'], ['getABGetAB', '/y']]);
    expect(names.get('GET /x')).toBe('getAB');
    expect(names.get('GET /y')).toBe('getABGetAB');
    expect(names.get('GET /a-b')).toMatch(/^getAB_[0-9a-f]{8}$/);
    expect(names.get('GET /a_b')).toMatch(/^getAB_[0-9a-f]{8}$/);
    expect(names.get('GET /a-b')).not.toBe(names.get('GET /a_b'));
    const again = await namesOf([['getABGetAB', '/y'], ['get_a_b', '/a_b'], ['getAB', '/x'], ['get-a-b', '/a-b']]);
    expect(again.names).toEqual(names);
  });

  it('`build` prints each collision as a warning at the first operation, file:line:column', async () => {
    buildDist();
    const { file } = await namesOf(OPS);
    const r = run(['build', file, '--out', join(dir, 'out'), '--targets', 'sdk', '--no-lint'], dir);
    expect(r.code, r.stderr).toBe(0);
    // Line 6, column 5: `    get:` of `/camels` (GET sorts first).
    const lines = r.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(lines).toHaveLength(3);
    const name = file.slice(dir.length + 1);
    expect(lines[0]).toBe(`apigw-gen: warning: ${name}:6:5: sdk: 3 operations map to the SDK method name getCamel: operationId "get-camel" (GET /camels) is getCamelGetCamels, operationId "getCamel" (POST /camels) is getCamel, operationId "get_camel" (PUT /camels) is getCamelPutCamels. Give them distinct operationIds to choose the names yourself`);
  });
});
