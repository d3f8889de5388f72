// Lambda proxy events and results, as AWS shapes them (AWS docs "Set up Lambda proxy
// integrations in API Gateway" and "Create AWS Lambda proxy integrations for HTTP APIs";
// shapes as in @types/aws-lambda APIGatewayProxyEvent / APIGatewayProxyEventV2).
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, httpSpec, proxyTo, restSpec, serveSpec, type Served } from './helpers.js';

const REQUEST_TIME = /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/;

describe('payload 1.0 (REST)', () => {
  let s: Served;
  let result: unknown = { statusCode: 200, body: 'ok' };
  beforeAll(async () => {
    s = await serveSpec(
      restSpec({ '/pets/{id}': { post: proxyTo('Fn') } }, { 'x-amazon-apigateway-binary-media-types': ['image/png'] }),
      { handlers: { Fn: () => (typeof result === 'function' ? (result as () => unknown)() : result) }, config: { stages: { prod: { variables: { table: 'pets' } } } } },
    );
  });
  afterAll(() => s.close());
  const lastEvent = () => s.runtime.events.Fn!.at(-1) as APIGatewayProxyEvent;

  // AWS docs "Set up Lambda proxy integrations in API Gateway" (input format), @types/aws-lambda APIGatewayProxyEvent.
  it('builds the event with multi-value headers and query strings and a real requestContext', async () => {
    result = { statusCode: 200, body: 'ok' };
    const before = Date.now();
    await call(`${s.url}/prod/pets/7?a=1&a=2&b=x%20y`, { method: 'POST', headers: { 'X-Tag': ['one', 'two'], 'Content-Type': 'application/json' }, body: '{"n":1}' });
    const e = lastEvent();
    expect(e.resource).toBe('/pets/{id}');
    expect(e.path).toBe('/pets/7');
    expect(e.httpMethod).toBe('POST');
    expect(e.headers['X-Tag']).toBe('two');
    expect(e.multiValueHeaders['X-Tag']).toEqual(['one', 'two']);
    expect(e.queryStringParameters).toEqual({ a: '2', b: 'x y' });
    expect(e.multiValueQueryStringParameters).toEqual({ a: ['1', '2'], b: ['x y'] });
    expect(e.pathParameters).toEqual({ id: '7' });
    expect(e.stageVariables).toEqual({ table: 'pets' });
    expect(e.body).toBe('{"n":1}');
    expect(e.isBase64Encoded).toBe(false);
    const rc = e.requestContext;
    expect(rc.stage).toBe('prod');
    expect(rc.resourcePath).toBe('/pets/{id}');
    expect(rc.path).toBe('/prod/pets/7');
    expect(rc.httpMethod).toBe('POST');
    expect(rc.identity.sourceIp).toBe('127.0.0.1');
    expect(rc.requestTimeEpoch).toBeGreaterThanOrEqual(before);
    expect(rc.requestTime).toMatch(REQUEST_TIME);
    expect(rc.domainName).toBe(s.url.replace('http://', ''));
    expect(rc.apiId).toMatch(/^[0-9a-f]{10}$/);
  });

  // AWS docs "Variables for data transformations": $context.requestId is per request and is returned as x-amzn-RequestId.
  it('gives every request a fresh requestId, the one in x-amzn-RequestId', async () => {
    const a = await call(`${s.url}/prod/pets/1`, { method: 'POST' });
    const idA = lastEvent().requestContext.requestId;
    const b = await call(`${s.url}/prod/pets/1`, { method: 'POST' });
    expect(idA).toBe(a.headers['x-amzn-requestid']);
    expect(lastEvent().requestContext.requestId).toBe(b.headers['x-amzn-requestid']);
    expect(idA).not.toBe(lastEvent().requestContext.requestId);
    expect(lastEvent().body).toBeNull();
    expect(lastEvent().queryStringParameters).toBeNull();
  });

  // AWS docs "Working with binary media types for REST APIs".
  it('base64-encodes a body whose type is a binary media type', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    await call(`${s.url}/prod/pets/1`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: png });
    expect(lastEvent().isBase64Encoded).toBe(true);
    expect(Buffer.from(lastEvent().body!, 'base64')).toEqual(png);
  });

  // AWS docs "Set up Lambda proxy integrations in API Gateway": a header in both appears only with its multiValueHeaders values.
  it('merges headers and multiValueHeaders, multiValueHeaders winning', async () => {
    result = { statusCode: 201, headers: { 'X-One': 'a', 'X-Both': 'single' }, multiValueHeaders: { 'X-Both': ['m1', 'm2'] }, body: 'made' };
    const r = await call(`${s.url}/prod/pets/1`, { method: 'POST' });
    expect(r.status).toBe(201);
    expect(r.body).toBe('made');
    expect(r.headers['x-one']).toBe('a');
    expect(r.rawHeaders.filter(([k]) => k === 'X-Both').map(([, v]) => v)).toEqual(['m1', 'm2']);
  });

  // AWS docs "Working with binary media types for REST APIs": decoded when Accept names a binary type.
  it('decodes an isBase64Encoded body when the client accepts a binary media type', async () => {
    result = { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: Buffer.from([1, 2, 3, 250]).toString('base64'), isBase64Encoded: true };
    const binary = await call(`${s.url}/prod/pets/1`, { method: 'POST', headers: { Accept: 'image/png' } });
    expect([...binary.bytes]).toEqual([1, 2, 3, 250]);
    const text = await call(`${s.url}/prod/pets/1`, { method: 'POST', headers: { Accept: 'application/json' } });
    expect(text.body).toBe(Buffer.from([1, 2, 3, 250]).toString('base64'));
  });

  // AWS docs "Output format of a Lambda function for proxy integration": anything else is 502.
  it('answers 502 for a malformed proxy response and logs why', async () => {
    for (const bad of [{ statusCode: 200, body: { not: 'a string' } }, { statusCode: 200, extra: 1 }, 'just a string', { statusCode: 'abc' }]) {
      result = bad;
      const r = await call(`${s.url}/prod/pets/1`, { method: 'POST' });
      expect(r.status).toBe(502);
      expect(r.json()).toEqual({ message: 'Internal server error' });
      expect(r.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    }
    expect(s.logs.some((l) => l.includes('malformed Lambda proxy response: unexpected key "extra"'))).toBe(true);
  });

  // AWS docs "Handle Lambda errors in API Gateway": an unhandled function error under a proxy integration is 502.
  it('answers 502 when the handler throws, and the next request works', async () => {
    result = () => {
      throw new TypeError('cannot read x of undefined');
    };
    const r = await call(`${s.url}/prod/pets/1`, { method: 'POST' });
    expect(r.status).toBe(502);
    expect(r.json()).toEqual({ message: 'Internal server error' });
    expect(s.logs.some((l) => l.includes('TypeError: cannot read x of undefined'))).toBe(true);
    result = { statusCode: 200, body: 'fine' };
    expect((await call(`${s.url}/prod/pets/1`, { method: 'POST' })).body).toBe('fine');
  });

  // LocalStack's next-gen provider, checked against AWS (aws.py): a proxy response without statusCode is 200.
  it('takes a missing statusCode as 200', async () => {
    result = { body: 'no status' };
    const r = await call(`${s.url}/prod/pets/1`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('no status');
  });
});

describe('payload 2.0 (HTTP API)', () => {
  let s: Served;
  let result: unknown = { statusCode: 200, body: 'ok' };
  beforeAll(async () => {
    s = await serveSpec(httpSpec({ '/items/{id}': { put: proxyTo('Fn', { payloadFormatVersion: '2.0' }) }, '/v1': { get: proxyTo('Fn', { payloadFormatVersion: '1.0' }) } }), {
      handlers: { Fn: () => result },
    });
  });
  afterAll(() => s.close());
  const lastEvent = () => s.runtime.events.Fn!.at(-1) as APIGatewayProxyEventV2;

  // AWS docs "Create AWS Lambda proxy integrations for HTTP APIs" (payload format 2.0).
  it('lowercases headers, comma-joins duplicates, keeps rawQueryString and splits cookies', async () => {
    await call(`${s.url}/items/9?b=2&a=1&a=3`, { method: 'PUT', headers: { 'X-Multi': ['p', 'q'], Cookie: 'c1=v1; c2=v2', 'Content-Type': 'text/plain' }, body: 'hello' });
    const e = lastEvent();
    expect(e.version).toBe('2.0');
    expect(e.routeKey).toBe('PUT /items/{id}');
    expect(e.rawPath).toBe('/items/9');
    expect(e.rawQueryString).toBe('b=2&a=1&a=3');
    expect(e.queryStringParameters).toEqual({ b: '2', a: '1,3' });
    expect(e.headers['x-multi']).toBe('p,q');
    expect(e.headers.cookie).toBeUndefined();
    expect(e.cookies).toEqual(['c1=v1', 'c2=v2']);
    expect(e.pathParameters).toEqual({ id: '9' });
    expect(e.body).toBe('hello');
    expect(e.isBase64Encoded).toBe(false);
    expect(e.requestContext.http).toMatchObject({ method: 'PUT', path: '/items/9', sourceIp: '127.0.0.1' });
    expect(e.requestContext.time).toMatch(REQUEST_TIME);
    expect(e.requestContext.stage).toBe('$default');
  });

  // "Create AWS Lambda proxy integrations for HTTP APIs": the 2.0 response inference rules.
  it('infers 200 application/json for results without statusCode', async () => {
    result = { hello: 'world' };
    let r = await call(`${s.url}/items/1`, { method: 'PUT' });
    expect([r.status, r.headers['content-type'], r.body]).toEqual([200, 'application/json', '{"hello":"world"}']);
    result = 'Hello';
    r = await call(`${s.url}/items/1`, { method: 'PUT' });
    expect([r.status, r.body]).toEqual([200, 'Hello']);
  });

  // AWS docs "Create AWS Lambda proxy integrations for HTTP APIs": cookies and isBase64Encoded in the 2.0 response.
  it('turns cookies into Set-Cookie headers and decodes base64 bodies', async () => {
    result = { statusCode: 202, cookies: ['a=1', 'b=2'], body: Buffer.from('bin').toString('base64'), isBase64Encoded: true, headers: { 'content-type': 'application/octet-stream' } };
    const r = await call(`${s.url}/items/1`, { method: 'PUT' });
    expect(r.status).toBe(202);
    expect(r.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(r.body).toBe('bin');
  });

  // AWS docs "Troubleshoot issues with HTTP API Lambda integrations": a function error is 500 {"message":"Internal Server Error"}.
  it('answers 500 Internal Server Error when the function throws', async () => {
    result = undefined;
    const s2 = await serveSpec(httpSpec({ '/x': { get: proxyTo('Boom', { payloadFormatVersion: '2.0' }) } }), { handlers: { Boom: () => { throw new Error('kaput'); } } });
    try {
      const r = await call(`${s2.url}/x`);
      expect(r.status).toBe(500);
      expect(r.body).toBe('{"message":"Internal Server Error"}');
    } finally {
      await s2.close();
    }
  });

  // AWS docs "Create AWS Lambda proxy integrations for HTTP APIs": payloadFormatVersion 1.0 sends the REST-style event with version "1.0".
  it('sends payload 1.0 when the integration asks for it', async () => {
    result = { statusCode: 200, body: 'v1' };
    await call(`${s.url}/v1?x=1`);
    const e = s.runtime.events.Fn!.at(-1) as APIGatewayProxyEvent & { version: string };
    expect(e.version).toBe('1.0');
    expect(e.multiValueQueryStringParameters).toEqual({ x: ['1'] });
    expect(e.requestContext.routeKey).toBe('GET /v1');
  });
});

describe('a function without code', () => {
  // AWS answers a call to a function that does not exist as a configuration error: 500 Internal server error.
  it('answers 500 and says which function and setting', async () => {
    const s = await serveSpec(restSpec({ '/x': { get: proxyTo('Nowhere') } }), { handlers: {} });
    try {
      const r = await call(`${s.url}/local/x`);
      expect(r.status).toBe(500);
      expect(r.json()).toEqual({ message: 'Internal server error' });
      expect(s.logs.join('\n')).toContain('function Nowhere has no code: add serve.functions.Nowhere');
    } finally {
      await s.close();
    }
  });
});
