// Routing and the Lambda proxy (payload 1.0 / 2.0) over a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, httpSpec, proxyTo, restSpec, serveSpec, type Served } from './helpers.js';

const echo = (event: any) => ({ statusCode: 200, body: JSON.stringify({ resource: event.resource ?? event.routeKey, pathParameters: event.pathParameters ?? null }) });

describe('REST API routing', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(
      restSpec({
        '/pets': { get: proxyTo('Echo') },
        '/pets/{id}': { get: proxyTo('Echo'), 'x-amazon-apigateway-any-method': proxyTo('Any') },
        '/pets/mine': { get: proxyTo('Echo') },
        '/files/{proxy+}': { 'x-amazon-apigateway-any-method': proxyTo('Echo') },
      }),
      { handlers: { Echo: echo, Any: (e: { httpMethod: string }) => ({ statusCode: 200, body: JSON.stringify({ any: e.httpMethod }) }) }, config: { stages: { prod: {} } } },
    );
  });
  afterAll(() => s.close());

  // AWS docs "Set up a method using the API Gateway console": an explicit method wins over ANY on the same resource.
  it('prefers an explicit method over ANY', async () => {
    expect((await call(`${s.url}/prod/pets/1`)).json().resource).toBe('/pets/{id}');
    expect((await call(`${s.url}/prod/pets/1`, { method: 'PUT' })).json()).toEqual({ any: 'PUT' });
  });

  // AWS docs "Invoke REST APIs in API Gateway": https://{id}.execute-api.{region}.amazonaws.com/{stage}/{path}
  it('serves routes below /<stage>', async () => {
    const r = await call(`${s.url}/prod/pets`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ resource: '/pets', pathParameters: null });
    expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['x-amz-apigw-id']).toMatch(/^.{15}=$/);
  });

  // AWS docs "Set up a proxy integration with a proxy resource": a literal segment wins over {param}.
  it('prefers a literal segment over a parameter', async () => {
    expect((await call(`${s.url}/prod/pets/mine`)).json().resource).toBe('/pets/mine');
    expect((await call(`${s.url}/prod/pets/7`)).json()).toEqual({ resource: '/pets/{id}', pathParameters: { id: '7' } });
  });

  // serverless-offline#265/#638 (path params as AWS passes them): the value is not decoded twice.
  it('passes path parameters as sent', async () => {
    expect((await call(`${s.url}/prod/pets/a%2520b`)).json().pathParameters).toEqual({ id: 'a%2520b' });
  });

  // AWS docs "Set up a proxy integration with a proxy resource": {proxy+} takes the rest of the path, ANY any method.
  it('matches a greedy {proxy+} with ANY', async () => {
    const r = await call(`${s.url}/prod/files/a/b/c.txt`, { method: 'DELETE' });
    expect(r.json()).toEqual({ resource: '/files/{proxy+}', pathParameters: { proxy: 'a/b/c.txt' } });
  });

  // AWS docs "Gateway response types": MISSING_AUTHENTICATION_TOKEN 403 for an unknown resource or method.
  it('answers 403 Missing Authentication Token for no route', async () => {
    for (const [method, path] of [['GET', '/prod/nothing'], ['POST', '/prod/pets'], ['GET', '/prod/files']] as const) {
      const r = await call(`${s.url}${path}`, { method });
      expect(r.status).toBe(403);
      expect(r.body).toBe('{"message":"Missing Authentication Token"}');
      expect(r.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-amzn-requestid']).toBeDefined();
    }
  });

  // A stage that does not exist answers 403 {"message":"Forbidden"} on AWS (recorded behaviour of execute-api).
  it('answers 403 Forbidden outside the stage', async () => {
    const r = await call(`${s.url}/dev/pets`);
    expect(r.status).toBe(403);
    expect(r.body).toBe('{"message":"Forbidden"}');
  });
});

describe('HTTP API routing', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(
      httpSpec({
        '/pets': { get: proxyTo('Echo', { payloadFormatVersion: '2.0' }) },
        '/pets/{id}': { 'x-amazon-apigateway-any-method': proxyTo('Echo', { payloadFormatVersion: '2.0' }) },
      }),
      { handlers: { Echo: echo } },
    );
  });
  afterAll(() => s.close());

  // AWS docs "Working with stages for HTTP APIs": the $default stage is served at the root.
  it('serves the $default stage without a prefix and routes by route key', async () => {
    const r = await call(`${s.url}/pets/3`, { method: 'PATCH' });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ resource: 'ANY /pets/{id}', pathParameters: { id: '3' } });
    expect(r.headers['apigw-requestid']).toBeDefined();
  });

  // AWS docs "Working with routes for HTTP APIs": no matching route is 404 {"message":"Not Found"}.
  it('answers 404 Not Found for no route', async () => {
    const r = await call(`${s.url}/nothing`);
    expect(r.status).toBe(404);
    expect(r.body).toBe('{"message":"Not Found"}');
  });
});

describe('HTTP API $default route', () => {
  // AWS docs "Working with routes for HTTP APIs": $default catches requests no other route matches.
  it('catches what no other route matches', async () => {
    const s = await serveSpec(
      httpSpec({
        '/pets': { get: proxyTo('Echo', { payloadFormatVersion: '2.0' }) },
        '$default': { 'x-amazon-apigateway-any-method': { isDefaultRoute: true, ...proxyTo('Echo', { payloadFormatVersion: '2.0' }) } },
      }),
      { handlers: { Echo: echo } },
    );
    try {
      expect((await call(`${s.url}/anything/else`, { method: 'POST' })).json().resource).toBe('$default');
      expect((await call(`${s.url}/pets`)).json().resource).toBe('GET /pets');
    } finally {
      await s.close();
    }
  });
});
