// Routes with authorizers, IAM or API keys, which serve does not verify yet: they must answer as
// AWS answers a caller without credentials, never reach the integration, and be served as if open
// only when the config asks for it (AWS docs "Gateway response types for API Gateway").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, httpSpec, proxyTo, restSpec, serveSpec, type Served } from './helpers.js';

const schemes = {
  securitySchemes: {
    api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    tokenAuth: {
      type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Auth/invocations' },
    },
    sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
  },
};

const paths = {
  '/open': { get: proxyTo('Fn') },
  '/keyed': { get: { ...proxyTo('Fn'), security: [{ api_key: [] }] } },
  '/custom': { get: { ...proxyTo('Fn'), security: [{ tokenAuth: [] }] } },
  '/iam': { get: { ...proxyTo('Fn'), security: [{ sigv4: [] }] } },
  '/both': { get: { ...proxyTo('Fn'), security: [{ tokenAuth: [], api_key: [] }] } },
};

describe('guarded routes fail closed (REST)', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(restSpec(paths, { components: schemes }), { handlers: { Fn: () => ({ statusCode: 200, body: 'reached' }) } });
  });
  afterAll(() => s.close());

  it.each([
    ['/keyed', 403, '{"message":"Forbidden"}', 'ForbiddenException'],
    ['/custom', 401, '{"message":"Unauthorized"}', 'UnauthorizedException'],
    ['/iam', 403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException'],
    ['/both', 401, '{"message":"Unauthorized"}', 'UnauthorizedException'],
  ])('%s answers %i without calling the integration, whatever the client sends', async (path, status, body, errorType) => {
    const before = s.runtime.events.Fn?.length ?? 0;
    const r = await call(`${s.url}/local${path}`, { headers: { 'x-api-key': 'any', Authorization: 'Bearer any' } });
    expect([r.status, r.body, r.headers['x-amzn-errortype']]).toEqual([status, body, errorType]);
    expect(s.runtime.events.Fn?.length ?? 0).toBe(before);
    expect(s.logs.some((l) => l.includes(`GET ${path}`) && l.includes('not verified by serve yet'))).toBe(true);
  });

  it('an open route still reaches its integration', async () => {
    const r = await call(`${s.url}/local/open`);
    expect([r.status, r.body]).toEqual([200, 'reached']);
  });
});

describe('guarded routes fail closed (HTTP API)', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(httpSpec({ '/iam': paths['/iam'] }, { components: schemes }), { handlers: { Fn: () => ({ statusCode: 200, body: 'reached' }) }, apiType: 'http' });
  });
  afterAll(() => s.close());

  it('an IAM route answers 403 Forbidden to an unverified request', async () => {
    const r = await call(`${s.url}/iam`);
    expect([r.status, r.body]).toEqual([403, '{"message":"Forbidden"}']);
  });
});

describe('serve.openGuardedRoutes: true', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(restSpec(paths, { components: schemes }), { handlers: { Fn: () => ({ statusCode: 200, body: 'reached' }) }, config: { serve: { openGuardedRoutes: true } } });
  });
  afterAll(() => s.close());

  it.each(['/keyed', '/custom', '/iam', '/both'])('%s reaches the integration', async (path) => {
    const r = await call(`${s.url}/local${path}`);
    expect([r.status, r.body]).toEqual([200, 'reached']);
  });
});
