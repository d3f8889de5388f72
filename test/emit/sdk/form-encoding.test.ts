// Form and multipart request bodies follow OpenAPI's Encoding Object (style, explode,
// allowReserved, contentType, headers; the spec's defaults otherwise). A table of schemas, each
// sent by the generated client to a real 127.0.0.1 server and read back by independent parsers:
// `qs` (deepObject), URLSearchParams (WHATWG form decoding), `busboy` and the platform's
// Request.formData() (multipart).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import qs from 'qs';
import busboy from 'busboy';
import { generate, tsFiles } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck } from '../shared/compile.js';

type Json = Record<string, unknown>;
interface Case {
  id: string;
  media: 'application/x-www-form-urlencoded' | 'multipart/form-data';
  properties: Json;
  encoding?: Json;
  value: Json;
}

const str = { type: 'string' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };
const binary = { type: 'string', format: 'binary' };

const FORM: Case[] = [
  {
    id: 'deepNested',
    media: 'application/x-www-form-urlencoded',
    properties: { filter: { type: 'object', properties: { color: str, size: { type: 'object', properties: { min: int, max: int } }, ids: { type: 'array', items: int } } }, q: str },
    encoding: { filter: { style: 'deepObject', explode: true } },
    value: { filter: { color: 'red & blue', size: { min: 1, max: 2 }, ids: [3, 4] }, q: 'ü €' },
  },
  { id: 'formExplode', media: 'application/x-www-form-urlencoded', properties: { colors: strings, point: { type: 'object', properties: { x: int, y: int } } }, value: { colors: ['r', 'g b'], point: { x: 1, y: 2 } } },
  {
    id: 'formNoExplode',
    media: 'application/x-www-form-urlencoded',
    properties: { colors: strings, point: { type: 'object', properties: { x: int, y: int } } },
    encoding: { colors: { explode: false }, point: { style: 'form', explode: false } },
    value: { colors: ['r', 'g,b'], point: { x: 1, y: 2 } },
  },
  {
    id: 'delimited',
    media: 'application/x-www-form-urlencoded',
    properties: { spaced: strings, piped: strings },
    encoding: { spaced: { style: 'spaceDelimited', explode: false }, piped: { style: 'pipeDelimited', explode: false } },
    value: { spaced: ['a', 'b'], piped: ['c', 'd'] },
  },
  {
    id: 'jsonField',
    media: 'application/x-www-form-urlencoded',
    properties: { meta: { type: 'object', additionalProperties: true }, note: str },
    encoding: { meta: { contentType: 'application/json' } },
    value: { meta: { a: [1, { b: 'c&d' }] }, note: 'n' },
  },
  {
    id: 'reserved',
    media: 'application/x-www-form-urlencoded',
    properties: { url: str, plain: str },
    encoding: { url: { allowReserved: true } },
    value: { url: 'https://x.example/a?b=c&d+e', plain: 'https://x.example/a' },
  },
];

describe('application/x-www-form-urlencoded', () => {
  it('deepObject (nested, with arrays) reads back with qs, byte for byte what qs.stringify writes', async () => {
    const { body, contentType } = await send('deepNested');
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(qs.parse(body)).toEqual({ filter: { color: 'red & blue', size: { min: '1', max: '2' }, ids: ['3', '4'] }, q: 'ü €' });
    expect(body).toBe(qs.stringify(caseOf('deepNested').value, { arrayFormat: 'repeat', format: 'RFC1738' }));
  });

  it('form style: arrays repeat the name (explode, the default) or join with commas; objects spread or flatten', async () => {
    const exploded = new URLSearchParams((await send('formExplode')).body);
    expect([...exploded]).toEqual([['colors', 'r'], ['colors', 'g b'], ['x', '1'], ['y', '2']]);
    const joined = await send('formNoExplode');
    expect([...new URLSearchParams(joined.body)]).toEqual([['colors', 'r,g,b'], ['point', 'x,1,y,2']]);
    // A comma inside an item is escaped, the separators are not.
    expect(joined.body).toBe('colors=r,g%2Cb&point=x,1,y,2');
  });

  it('spaceDelimited and pipeDelimited', async () => {
    expect([...new URLSearchParams((await send('delimited')).body)]).toEqual([['spaced', 'a b'], ['piped', 'c|d']]);
  });

  it('contentType alone: the property is that media type\'s text (JSON)', async () => {
    const params = new URLSearchParams((await send('jsonField')).body);
    expect(JSON.parse(params.get('meta')!)).toEqual({ a: [1, { b: 'c&d' }] });
    expect(params.get('note')).toBe('n');
  });

  it('allowReserved keeps reserved characters, except those that would change the form (& = +)', async () => {
    const { body } = await send('reserved');
    expect(body).toBe('url=https://x.example/a?b%3Dc%26d%2Be&plain=https%3A%2F%2Fx.example%2Fa');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({ url: 'https://x.example/a?b=c&d+e', plain: 'https://x.example/a' });
  });
});

describe('Swagger 2.0 formData', () => {
  it('an array parameter\'s collectionFormat is its style in the form body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdk-forms2-'));
    writeFileSync(join(dir, 'swagger.yaml'), `swagger: "2.0"
info: { title: Forms2, version: "1" }
host: api.example.com
paths:
  /f:
    post:
      operationId: f
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { name: piped, in: formData, type: array, items: { type: string }, collectionFormat: pipes }
        - { name: csv, in: formData, type: array, items: { type: string } }
        - { name: multi, in: formData, type: array, items: { type: string }, collectionFormat: multi }
      responses: { "204": { description: ok } }
`);
    const { files } = await generate(join(dir, 'swagger.yaml'));
    const sdk = await importFrom<{ createClient(o: unknown): typeof client }>(transpileToDir(files), 'index.js');
    const c = sdk.createClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    expect((await c.f!({ body: { piped: ['a', 'b'], csv: ['c', 'd'], multi: ['e', 'f'] } })).status).toBe(204);
    expect([...new URLSearchParams(last.body.toString())]).toEqual([['piped', 'a|b'], ['csv', 'c,d'], ['multi', 'e'], ['multi', 'f']]);
  });
});

const MULTIPART: Case[] = [
  {
    id: 'defaults',
    media: 'multipart/form-data',
    properties: { name: str, age: int, tags: strings, meta: { type: 'object', additionalProperties: true }, photo: binary, raw: binary, photos: { type: 'array', items: binary } },
    value: {},
  },
  {
    id: 'declared',
    media: 'multipart/form-data',
    properties: { avatar: binary, fallback: binary, list: strings, doc: str, 'we"ird\nname': str, evil: str },
    encoding: {
      avatar: { contentType: 'image/png, image/jpeg', headers: { 'X-Rate-Limit': { schema: { type: 'integer', const: 5 } }, 'X-Free': { schema: str }, 'Content-Type': { schema: { type: 'string', const: 'text/evil' } } } },
      fallback: { contentType: 'image/png, image/jpeg' },
      list: { contentType: 'application/json' },
      doc: { contentType: 'application/xml', style: 'deepObject' },
      evil: { contentType: 'text/plain\r\nX-Injected: 1', headers: { 'X-Also': { schema: { type: 'string', const: 'a\r\nX-Injected: 2' } } } },
    },
    value: {},
  },
];

interface Part {
  name: string;
  kind: 'field' | 'file';
  value: string;
  mimeType: string;
  filename?: string;
}

/** Multipart read back by busboy. */
function parseWithBusboy(body: Buffer, contentType: string): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const parts: Part[] = [];
    const bb = busboy({ headers: { 'content-type': contentType } });
    bb.on('field', (name, value, info) => parts.push({ name, kind: 'field', value, mimeType: info.mimeType }));
    bb.on('file', (name, stream, info) => {
      const part: Part = { name, kind: 'file', value: '', mimeType: info.mimeType, filename: info.filename };
      parts.push(part);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (part.value = Buffer.concat(chunks).toString()));
    });
    bb.on('close', () => resolve(parts));
    bb.on('error', reject);
    Readable.from([body]).pipe(bb);
  });
}

describe('multipart/form-data', () => {
  it('defaults: text fields plain, objects as JSON, arrays one part per item, Blobs with their type, binary strings as octet-stream', async () => {
    const value = {
      name: 'Rex "the dog"', age: 3, tags: ['a', 'b c'], meta: { a: [1] },
      photo: new Blob(['PNG'], { type: 'image/png' }), raw: 'bytes', photos: [new Blob(['1']), new File(['2'], 'two.txt', { type: 'text/plain' })],
    };
    const { raw, contentType } = await send('defaults', value);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=----apigw-gen-[0-9a-f]{32}$/);
    expect(await parseWithBusboy(raw, contentType)).toEqual([
      { name: 'name', kind: 'field', value: 'Rex "the dog"', mimeType: 'text/plain' },
      { name: 'age', kind: 'field', value: '3', mimeType: 'text/plain' },
      { name: 'tags', kind: 'field', value: 'a', mimeType: 'text/plain' },
      { name: 'tags', kind: 'field', value: 'b c', mimeType: 'text/plain' },
      { name: 'meta', kind: 'field', value: '{"a":[1]}', mimeType: 'application/json' },
      { name: 'photo', kind: 'file', value: 'PNG', mimeType: 'image/png', filename: 'blob' },
      // busboy counts every application/octet-stream part as a file, with or without a file name.
      { name: 'raw', kind: 'file', value: 'bytes', mimeType: 'application/octet-stream', filename: undefined },
      { name: 'photos', kind: 'file', value: '1', mimeType: 'application/octet-stream', filename: 'blob' },
      { name: 'photos', kind: 'file', value: '2', mimeType: 'text/plain', filename: 'two.txt' },
    ]);
    // The platform's own multipart parser agrees on names, values and file names.
    const form = await new Request('http://127.0.0.1/', { method: 'POST', body: new Uint8Array(raw), headers: { 'content-type': contentType } }).formData();
    const entries = await Promise.all([...form].map(async ([k, v]) => [k, typeof v === 'string' ? v : `${v.name}:${v.type}:${await v.text()}`]));
    expect(entries).toEqual([
      ['name', 'Rex "the dog"'], ['age', '3'], ['tags', 'a'], ['tags', 'b c'], ['meta', '{"a":[1]}'],
      ['photo', 'blob:image/png:PNG'], ['raw', 'bytes'], ['photos', 'blob:application/octet-stream:1'], ['photos', 'two.txt:text/plain:2'],
    ]);
  });

  it('declared contentType (a list: the Blob\'s own if listed, else the first), fixed part headers, JSON arrays, escaped names', async () => {
    const value = {
      avatar: new Blob(['J'], { type: 'image/jpeg' }), fallback: new Blob(['G'], { type: 'image/gif' }),
      list: ['a', 'b'], doc: '<a/>', 'we"ird\nname': 'w', evil: 'e',
    };
    const { raw, contentType } = await send('declared', value);
    const parts = await parseWithBusboy(raw, contentType);
    expect(parts).toEqual([
      { name: 'avatar', kind: 'file', value: 'J', mimeType: 'image/jpeg', filename: 'blob' },
      { name: 'fallback', kind: 'file', value: 'G', mimeType: 'image/png', filename: 'blob' },
      { name: 'list', kind: 'field', value: '["a","b"]', mimeType: 'application/json' },
      // style applies to urlencoded bodies only.
      { name: 'doc', kind: 'field', value: '<a/>', mimeType: 'application/xml' },
      // Escaped as browsers escape FormData names: no header injection.
      { name: 'we%22ird%0Aname', kind: 'field', value: 'w', mimeType: 'text/plain' },
      // A spec content type or header value with CR/LF is ignored, never a header line of its own.
      { name: 'evil', kind: 'field', value: 'e', mimeType: 'text/plain' },
    ]);
    const text = raw.toString();
    expect(text).not.toContain('X-Injected');
    const avatarPart = text.slice(text.indexOf('name="avatar"'), text.indexOf('\r\n\r\n', text.indexOf('name="avatar"')));
    // A header with a fixed value is sent; one without (X-Free) cannot be, nor may Content-Type be overridden.
    expect(avatarPart).toBe('name="avatar"; filename="blob"\r\nContent-Type: image/jpeg\r\nX-Rate-Limit: 5');
    const form = await new Request('http://127.0.0.1/', { method: 'POST', body: new Uint8Array(raw), headers: { 'content-type': contentType } }).formData();
    // The platform's parser undoes that escaping: the exact property name arrives.
    expect([...form.keys()]).toEqual(['avatar', 'fallback', 'list', 'doc', 'we"ird\nname', 'evil']);
  });

  it('the table\'s client compiles under tsc --strict', async () => {
    expect(typeCheck(tsFiles(generated.files))).toEqual([]);
  });
});

// ---------------------------------------------------------------- harness

const CASES = [...FORM, ...MULTIPART];
const caseOf = (id: string) => CASES.find((c) => c.id === id)!;

function specOf(cases: Case[]): Json {
  const paths: Json = {};
  for (const c of cases) {
    paths[`/${c.id}`] = {
      post: {
        operationId: c.id,
        requestBody: { required: true, content: { [c.media]: { schema: { type: 'object', properties: c.properties }, ...(c.encoding ? { encoding: c.encoding } : {}) } } },
        responses: { '204': { description: 'ok' } },
      },
    };
  }
  return { openapi: '3.0.3', info: { title: 'Forms', version: '1' }, servers: [{ url: 'https://api.example.com' }], paths };
}

let server: Server;
let last: { body: Buffer; contentType: string };
let client: Record<string, (p: unknown) => Promise<{ status: number }>>;
let generated: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-forms-'));
  writeFileSync(join(dir, 'forms.json'), JSON.stringify(specOf(CASES)));
  generated = await generate(join(dir, 'forms.json'));
  const sdk = await importFrom<{ createClient(o: unknown): typeof client }>(transpileToDir(generated.files), 'index.js');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      last = { body: Buffer.concat(chunks), contentType: String(req.headers['content-type']) };
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = sdk.createClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function send(id: string, value: Json = caseOf(id).value): Promise<{ body: string; raw: Buffer; contentType: string }> {
  const result = await client[id]!({ body: value });
  expect(result.status).toBe(204);
  return { body: last.body.toString(), raw: last.body, contentType: last.contentType };
}
