// Runtime behaviour of a generated SDK against a real local HTTP server: the generated client is
// transpiled to JS, imported, and every request the server receives is checked byte for byte.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import aws4 from 'aws4';
import { generate } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  at: number;
}

type Reply = (res: ServerResponse, req: Received) => void;

const received: Received[] = [];
let replies: Reply[] = [];
let server: Server;
let base: string;
 
let sdk: any;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

beforeAll(async () => {
  const { files } = await generate('test/emit/sdk/specs/kitchen.yaml', { stages: { prod: {} }, sdk: { groupByTag: true } });
  const dir = transpileToDir(files);
  sdk = await importFrom(dir, 'index.js');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks), at: Date.now() };
      received.push(r);
      const reply = replies.shift() ?? json(200, {});
      reply(res, r);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  replies = [];
});

describe('generated client against a local server', () => {
  it('fills the path, serializes query per style/explode, sends header params, returns typed errors', async () => {
    replies.push(json(404, { message: 'no such part' }));
    const client = sdk.createClient({ baseUrl: base });
    const result = await client.getItemPart({
      path: { itemId: 'a b/c?', partId: 7 },
      query: { tags: ['x', 'y z'], ids: [1, 2], filter: { color: 'red', 'a b': 'c&d' }, pipes: ['p', 'q'] },
      header: { 'X-Trace': 't1', 'X-List': ['a', 'b'] },
    });
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.method).toBe('GET');
    expect(r.url).toBe('/prod/items/a%20b%2Fc%3F/parts/7?tags=x&tags=y%20z&ids=1,2&filter%5Bcolor%5D=red&filter%5Ba%20b%5D=c%26d&pipes=p|q');
    expect(r.headers['x-trace']).toBe('t1');
    expect(r.headers['x-list']).toBe('a,b');
    expect(r.headers['accept']).toBe('application/json, */*;q=0.8');
    expect(result.ok).toBe(false);
    expect(result.status).toBe(404);
    expect(result.error).toEqual({ message: 'no such part' });
    expect(result.headers.get('content-type')).toBe('application/json');
  });

  it('resolves the base URL from the config stage or the spec server', async () => {
    const viaStage = sdk.createClient({ stage: 'prod', restApiId: 'abc', region: 'eu-central-1', fetch: async (url: URL) => new Response(JSON.stringify({ url: url.href }), { headers: { 'content-type': 'application/json' } }) });
    expect((await viaStage.flaky()).data).toEqual({ url: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod/flaky' });
    const viaServer = sdk.createClient({ serverVariables: { basePath: 'v2' }, fetch: async (url: URL) => new Response(JSON.stringify({ url: url.href }), { headers: { 'content-type': 'application/json' } }) });
    expect((await viaServer.flaky()).data).toEqual({ url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v2/flaky' });
    expect(() => sdk.createClient({ stage: 'nope' })).toThrow(/unknown stage "nope"/);
    expect(() => sdk.createClient({ stage: 'prod' })).toThrow(/needs a value for \{restApiId\}/);
  });

  it('sends JSON bodies and the API key where the route requires one', async () => {
    replies.push(json(201, { id: 'i1', name: 'n' }));
    const client = sdk.createClient({ baseUrl: base, apiKey: async () => 'key-123' });
    const result = await client.createItem({ body: { name: 'n', secret: 's', labels: { a: 'b' } } });
    const r = received[0]!;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/prod/items');
    expect(r.headers['x-api-key']).toBe('key-123');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.body.toString()).toBe('{"name":"n","secret":"s","labels":{"a":"b"}}');
    expect(result).toMatchObject({ ok: true, status: 201, data: { id: 'i1', name: 'n' } });
    // Routes without the key requirement do not leak it.
    await client.flaky();
    expect(received[1]!.headers['x-api-key']).toBeUndefined();
    await expect(sdk.createClient({ baseUrl: base }).createItem({ body: { name: 'n' } })).rejects.toThrow(/requires an API key/);
  });

  it('sends form-urlencoded, multipart and binary bodies per content type', async () => {
    const client = sdk.createClient({ baseUrl: base });
    replies.push((res) => { res.writeHead(204); res.end(); });
    const form = await client.submitForm({ body: { name: 'a&b c', colors: ['r', 'g'] } });
    expect(form).toMatchObject({ ok: true, status: 204, data: undefined });
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received[0]!.body.toString()).toBe('name=a%26b+c&colors=r&colors=g');

    replies.push((res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('stored'); });
    const up = await client.upload({ body: { file: new Blob(['hello'], { type: 'text/plain' }), note: 'n1' } });
    expect(up.data).toBe('stored');
    const ct = String(received[1]!.headers['content-type']);
    expect(ct).toMatch(/^multipart\/form-data; boundary=/);
    const text = received[1]!.body.toString();
    expect(text).toMatch(/name="file"; filename="blob"\r\nContent-Type: text\/plain\r\n\r\nhello\r\n/);
    expect(text).toMatch(/name="note"\r\n\r\nn1\r\n/);

    replies.push((res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(Buffer.from([9, 8, 7])); });
    const put = await client.putBlob({ path: { key: 'dir/a b.txt' }, body: new Uint8Array([1, 2, 3]) });
    expect(received[2]!.url).toBe('/prod/blobs/dir/a%20b.txt');
    expect(received[2]!.method).toBe('PUT');
    expect(received[2]!.headers['content-type']).toBe('application/octet-stream');
    // API Gateway chooses binary handling from the first Accept type: binary routes ask for binary.
    expect(received[2]!.headers['accept']).toBe('application/octet-stream');
    expect(received[1]!.headers['accept']).toBe('text/plain');
    expect([...received[2]!.body]).toEqual([1, 2, 3]);
    expect(put.data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await put.data.arrayBuffer())]).toEqual([9, 8, 7]);
  });

  it('sends the authorizer token in the identity-source header, from a sync or async provider', async () => {
    const seen: unknown[] = [];
    const client = sdk.createClient({ baseUrl: base, token: async (ctx: unknown) => { seen.push(ctx); return 'Bearer tok'; } });
    await client.tokened();
    expect(received[0]!.headers['x-auth-token']).toBe('Bearer tok');
    expect(received[0]!.headers['authorization']).toBeUndefined();
    expect(seen).toEqual([{ operationId: 'tokened', authorizer: 'token-auth', type: 'CUSTOM', scopes: [] }]);
    await sdk.createClient({ baseUrl: base, token: 'static' }).admin.tokened({ cookie: { session: 'a b;c' } });
    expect(received[1]!.headers['x-auth-token']).toBe('static');
    expect(received[1]!.headers['cookie']).toBe('session=a%20b%3Bc');
  });

  it('retries 429 honouring Retry-After, and 502/503/504 with backoff, up to the limit', async () => {
    replies.push(json(429, { message: 'Too Many Requests' }, { 'retry-after': '1' }), json(200, { kind: 'cat', meows: true }));
    const client = sdk.createClient({ baseUrl: base, random: () => 0 });
    const started = Date.now();
    const result = await client.flaky();
    expect(result).toMatchObject({ ok: true, status: 200, data: { kind: 'cat', meows: true } });
    expect(received).toHaveLength(2);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    received.length = 0;
    replies.push(json(503, {}), json(502, {}), json(504, { message: 'Endpoint request timed out' }), json(200, {}));
    const exhausted = await sdk.createClient({ baseUrl: base, retry: { retries: 2, baseDelayMs: 1 } }).flaky();
    expect(exhausted).toMatchObject({ ok: false, status: 504, error: { message: 'Endpoint request timed out' } });
    expect(received).toHaveLength(3);

    // Exponential backoff: with jitter pinned to its maximum, waits are base, 2×base, 4×base.
    received.length = 0;
    replies = [json(503, {}), json(503, {}), json(503, {}), json(200, {})];
    const backedOff = await sdk.createClient({ baseUrl: base, random: () => 1, retry: { retries: 3, baseDelayMs: 60 } }).flaky();
    expect(backedOff.status).toBe(200);
    expect(received).toHaveLength(4);
    const gaps = received.slice(1).map((r, i) => r.at - received[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(55);
    expect(gaps[1]).toBeGreaterThanOrEqual(115);
    expect(gaps[2]).toBeGreaterThanOrEqual(235);

    received.length = 0;
    replies = [json(500, {})];
    const notRetried = await sdk.createClient({ baseUrl: base }).flaky();
    expect(notRetried.status).toBe(500);
    expect(received).toHaveLength(1);

    received.length = 0;
    replies = [json(429, {})];
    const off = await sdk.createClient({ baseUrl: base, retry: false }).flaky();
    expect(off.status).toBe(429);
    expect(received).toHaveLength(1);
  });

  it('times out and honours AbortSignal', async () => {
    replies.push((res) => setTimeout(() => json(200, {})(res, received[0]!), 400));
    const failures: unknown[] = [];
    const client = sdk.createClient({ baseUrl: base, middleware: [{ onError: (error: unknown) => { failures.push(error); } }] });
    await expect(client.flaky({ timeoutMs: 50 })).rejects.toMatchObject({ name: 'TimeoutError', message: 'request timed out after 50 ms' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ name: 'TimeoutError' });

    replies.push((res) => setTimeout(() => json(200, {})(res, received[0]!), 400));
    const controller = new AbortController();
    const pending = client.flaky({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(pending).rejects.toThrow('user cancelled');
    await new Promise((r) => setTimeout(r, 450));
  });

  it('runs middleware on every attempt and can throw typed errors', async () => {
    const log: string[] = [];
    const client = sdk.createClient({
      baseUrl: base,
      random: () => 0,
      retry: { baseDelayMs: 1 },
      middleware: [{
        onRequest: (ctx: { headers: Headers; attempt: number; method: string; url: URL }) => { ctx.headers.set('x-request-id', `r${ctx.attempt}`); log.push(`req ${ctx.method} ${ctx.url.pathname} ${ctx.attempt}`); },
        onResponse: (res: Response) => { log.push(`res ${res.status}`); },
      }],
    });
    replies.push(json(503, {}), json(200, {}));
    await client.flaky();
    expect(log).toEqual(['req GET /prod/flaky 1', 'res 503', 'req GET /prod/flaky 2', 'res 200']);
    expect(received.map((r) => r.headers['x-request-id'])).toEqual(['r1', 'r2']);
  });

  it('ANY routes take the method; greedy path params keep their slashes', async () => {
    const client = sdk.createClient({ baseUrl: base });
    await client.proxyAny({ method: 'DELETE', path: { proxy: 'a/b c/d' } });
    expect(received[0]!.method).toBe('DELETE');
    expect(received[0]!.url).toBe('/prod/proxy/a/b%20c/d');
    // Path variables the spec forgot to declare are still parameters.
    await client.undeclared({ path: { region: 'eu/1', rest: 'x/y' } });
    expect(received[1]!.url).toBe('/prod/undeclared/eu%2F1/x/y');
  });

  it('signs AWS_IAM routes with SigV4 exactly as aws4 does for the request the server received', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+=' };
    const now = new Date('2024-03-05T06:07:08.123Z');
    const client = sdk.createClient({ baseUrl: base, region: 'eu-west-1', credentials: async () => credentials, now: () => now });
    replies.push(json(200, { signed: true }));
    const result = await client.signedCall({ path: { name: "it's a (test)*" }, query: { q: ['b', 'a', 'a b'] }, body: { z: 1, a: 'ü' } });
    expect(result.data).toEqual({ signed: true });
    const r = received[0]!;
    const oracle = aws4.sign(
      {
        host: r.headers.host,
        method: r.method,
        path: r.url,
        service: 'execute-api',
        region: 'eu-west-1',
        headers: { accept: r.headers.accept!, 'content-type': r.headers['content-type']!, 'X-Amz-Date': '20240305T060708Z' },
        body: r.body.toString(),
      },
      credentials,
    );
    const h = oracle.headers as Record<string, string>;
    expect(r.headers['x-amz-date']).toBe('20240305T060708Z');
    expect(r.headers['x-amz-security-token']).toBe(h['X-Amz-Security-Token']);
    expect(r.headers['authorization']).toBe(h.Authorization);
    // The signed content-length is the one actually sent.
    expect(h['Content-Length']).toBe(Number(r.headers['content-length']));
    expect(h.Authorization).toContain('SignedHeaders=accept;content-length;content-type;host;x-amz-date;x-amz-security-token');
    await expect(sdk.createClient({ baseUrl: base, region: 'eu-west-1' }).signedCall({ path: { name: 'x' } })).rejects.toThrow(/IAM authorization: pass `credentials`/);
  });

  it('throws a typed ApiError for non-2xx responses when generated with throwOnError', async () => {
    const { files } = await generate('test/emit/sdk/specs/kitchen.yaml', { sdk: { throwOnError: true } });
    const throwing = await importFrom<typeof sdk>(transpileToDir(files), 'index.js');
    const client = throwing.createClient({ baseUrl: base });
    replies.push(json(404, { message: 'gone' }));
    const error = await client.getItemPart({ path: { itemId: 'a', partId: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(throwing.ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status: 404, message: 'get-item-part failed with HTTP 404', error: { message: 'gone' } });
    replies.push(json(200, { id: 1 }));
    expect(await client.getItemPart({ path: { itemId: 'a', partId: 1 } })).toMatchObject({ ok: true, status: 200, data: { id: 1 } });
  });
});

describe('HTTP API client: $default route, network-error retries, typed response headers', () => {
   
  let http: any;
  const destroySocket: Reply = (res) => res.socket!.destroy();

  beforeAll(async () => {
    const { files } = await generate('test/emit/sdk/specs/http-default.yaml');
    http = await importFrom(transpileToDir(files), 'index.js');
  });

  it('request(method, path, init) calls the $default route with query, headers and a JSON or raw body', async () => {
    const client = http.createClient({ baseUrl: base });
    replies.push(json(200, { route: '$default' }, { 'x-served-by': 'catch-all' }));
    const r = await client.request('PATCH', '/some/where else', { query: { a: ['1', 2], 'b&c': 'd e' }, headers: { 'X-Trace': 't' }, body: { z: [1] } });
    expect(received[0]!.method).toBe('PATCH');
    expect(received[0]!.url).toBe('/prod/some/where%20else?a=1&a=2&b%26c=d%20e');
    expect(received[0]!.headers['x-trace']).toBe('t');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.body.toString()).toBe('{"z":[1]}');
    expect(r).toMatchObject({ ok: true, status: 200, data: { route: '$default' } });

    await client.request('PUT', '/raw', { body: 'a,b', contentType: 'text/csv' });
    expect(received[1]!.headers['content-type']).toBe('text/csv');
    expect(received[1]!.body.toString()).toBe('a,b');
    await client.request('GET', '/');
    expect(received[2]!.url).toBe('/prod/');
    expect(received[2]!.body.length).toBe(0);

    // The path stays below the base URL.
    for (const bad of ['relative', '/a/../../admin', '/a/%2e%2e/x', '/x?y=1', 'https://evil.example/x']) await expect(client.request('GET', bad)).rejects.toThrow(/request path/);
    expect(received).toHaveLength(3);
  });

  it('ANY routes send the method given as a parameter', async () => {
    const client = http.createClient({ baseUrl: base });
    await client.anyProxy({ method: 'OPTIONS', path: { proxy: 'x/y' } });
    expect(received[0]!.method).toBe('OPTIONS');
    expect(received[0]!.url).toBe('/prod/any/x/y');
  });

  it('retries network errors for idempotent methods with backoff, never for POST unless opted in', async () => {
    const events: string[] = [];
    const client = http.createClient({ baseUrl: base, random: () => 0, retry: { baseDelayMs: 1 }, middleware: [{ onError: () => { events.push('error'); } }] });
    replies.push(destroySocket, json(200, { id: 'a' }));
    const got = await client.getThing({ path: { id: 'a' } });
    expect(got).toMatchObject({ ok: true, status: 200, data: { id: 'a' } });
    expect(received.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(events).toEqual(['error']);

    received.length = 0;
    replies.push(destroySocket, json(200, {}));
    expect((await client.putThing({ path: { id: 'a' }, body: { v: 1 } })).status).toBe(200);
    expect(received.map((r) => `${r.method} ${r.body.toString()}`)).toEqual(['PUT {"v":1}', 'PUT {"v":1}']);

    // POST: the first failure is final.
    received.length = 0;
    replies = [destroySocket, json(200, {})];
    await expect(client.postThing({ path: { id: 'a' } })).rejects.toThrow();
    expect(received).toHaveLength(1);
    replies = [];

    // ... unless the caller opts in.
    received.length = 0;
    replies.push(destroySocket, json(200, {}));
    expect((await client.postThing({ path: { id: 'a' } }, { retry: { networkErrors: 'always', baseDelayMs: 1 } })).status).toBe(200);
    expect(received).toHaveLength(2);

    // Retries are bounded, and can be turned off.
    received.length = 0;
    replies.push(destroySocket, destroySocket, destroySocket, json(200, {}));
    await expect(client.getThing({ path: { id: 'a' } })).rejects.toThrow();
    expect(received).toHaveLength(3);
    replies = [];
    received.length = 0;
    replies.push(destroySocket, json(200, {}));
    await expect(client.getThing({ path: { id: 'a' } }, { retry: { networkErrors: 'never' } })).rejects.toThrow();
    expect(received).toHaveLength(1);
    replies = [];
  });

  it('does not retry timeouts or caller aborts', async () => {
    const client = http.createClient({ baseUrl: base, retry: { baseDelayMs: 1 } });
    replies.push((res) => setTimeout(() => res.end('{}'), 300));
    await expect(client.getThing({ path: { id: 'a' } }, { timeoutMs: 50 })).rejects.toThrow(/timed out/);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(1);
  });

  it('exposes declared response headers as typed properties beside the raw Headers', async () => {
    const client = http.createClient({ baseUrl: base });
    replies.push(json(200, { id: 'a' }, { 'x-request-id': 'req-1', 'x-ratelimit-remaining': '9', get: 'not-a-method' }));
    const r = await client.getThing({ path: { id: 'a' } });
    expect(r.headers['X-Request-Id']).toBe('req-1');
    expect(r.headers['X-RateLimit-Remaining']).toBe('9');
    expect(r.headers.get('x-request-id')).toBe('req-1');
    expect(r.headers.get('get')).toBe('not-a-method');
    expect(typeof r.headers.get).toBe('function');
    // Declared but absent: no property.
    expect(Object.prototype.hasOwnProperty.call(r.headers, 'X-Error-Code')).toBe(false);
    replies.push(json(404, { message: 'no' }, { 'x-error-code': 'E42' }));
    const missing = await client.getThing({ path: { id: 'b' } });
    expect(missing).toMatchObject({ ok: false, status: 404, error: { message: 'no' } });
    expect(missing.headers['X-Error-Code']).toBe('E42');
    replies.push(json(200, { route: 'r' }, { 'x-served-by': 'edge' }));
    expect((await client.request('GET', '/z')).headers['X-Served-By']).toBe('edge');
  });
});

describe('Lambda REQUEST authorizers: every identity source reaches API Gateway', () => {
  // API Gateway answers 401 without invoking a REQUEST authorizer when any header/query identity
  // source is missing, so the client must send each one where the authorizer reads it.
   
  let rest: any;
   
  let httpApi: any;

  beforeAll(async () => {
    rest = await importFrom(transpileToDir((await generate('test/emit/sdk/specs/request-authorizers.yaml')).files), 'index.js');
    httpApi = await importFrom(transpileToDir((await generate('fixtures/http-api/openapi.yaml')).files), 'index.js');
  });

  it('a query-string identity source gets the token as ?token=, never a header named after the scheme', async () => {
    const client = rest.createClient({ baseUrl: base, token: 'a b&c' });
    await client.byQuery({ query: { page: 2 } });
    await client.byQuery();
    expect(received[0]!.url).toBe('/prod/by-query?page=2&token=a%20b%26c');
    expect(received[1]!.url).toBe('/prod/by-query?token=a%20b%26c');
    for (const r of received) {
      expect(r.headers['unused']).toBeUndefined();
      expect(r.headers['authorization']).toBeUndefined();
    }
  });

  it('several sources: the token to the first header, the others as required parameters; context/stageVariables ignored', async () => {
    const client = rest.createClient({ baseUrl: base, token: 'Bearer t' });
    await client.multi({ header: { 'x-tenant': 'acme' }, query: { region: 'eu' } });
    const r = received[0]!;
    expect(r.url).toBe('/prod/multi?region=eu');
    expect(r.headers['authorization']).toBe('Bearer t');
    expect(r.headers['x-tenant']).toBe('acme');
    expect(r.headers['unused']).toBeUndefined();
    // An operation that declares the source itself keeps its own parameter (here optional, as declared).
    await client.multiDeclared({ header: { 'X-Tenant': 'beta' }, query: { region: 'us' } });
    expect(received[1]!.headers['x-tenant']).toBe('beta');
    expect(received[1]!.url).toBe('/prod/multi-declared?region=us');
  });

  it('HTTP API partner-authorizer ($request.header.Authorization, $request.header.x-partner-id): both headers sent', async () => {
    replies.push((res) => { res.writeHead(204); res.end(); });
    const client = httpApi.createClient({ baseUrl: base, token: 'partner-token' });
    const result = await client.cancelOrder({ path: { orderId: 'o-1' }, header: { 'x-partner-id': 'p-42' } });
    expect(result).toMatchObject({ ok: true, status: 204 });
    const r = received[0]!;
    expect(r.method).toBe('DELETE');
    expect(r.headers['authorization']).toBe('partner-token');
    expect(r.headers['x-partner-id']).toBe('p-42');
  });

  it('with x-amazon-apigateway-api-key-source: AUTHORIZER the client neither demands nor sends an API key', async () => {
    const client = rest.createClient({ baseUrl: base, token: 't' });
    await expect(client.metered()).resolves.toMatchObject({ ok: true });
    expect(received[0]!.headers['x-api-key']).toBeUndefined();
    expect(received[0]!.url).toBe('/prod/metered?token=t');
  });
});
