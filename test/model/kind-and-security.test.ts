// API kind inference and the resolution of security requirements to what API Gateway enforces.

import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/model/index.js';
import { documentOf } from './helpers.js';

const base = (extra: Record<string, unknown> = {}) => ({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {}, ...extra });
const lambda = { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:aws:lambda:us-east-1:123456789012:function:f' };

describe('API kind', () => {
  it('defaults to REST', () => {
    expect(normalize(documentOf(base()))).toMatchObject({ kind: 'rest', kindReason: 'default: no HTTP API extension found' });
  });

  it('follows the option over any inference', () => {
    const doc = documentOf(base({ 'x-amazon-apigateway-cors': { allowOrigins: ['*'] } }));
    expect(normalize(doc, { apiType: 'rest' })).toMatchObject({ kind: 'rest', kindReason: 'apiType option: rest' });
    expect(normalize(documentOf(base()), { apiType: 'http' }).kind).toBe('http');
  });

  it.each([
    ['x-amazon-apigateway-cors', base({ 'x-amazon-apigateway-cors': { allowOrigins: ['*'] } }), 'x-amazon-apigateway-cors at /x-amazon-apigateway-cors'],
    ['importexport-version', base({ 'x-amazon-apigateway-importexport-version': '1.0' }), 'x-amazon-apigateway-importexport-version at /x-amazon-apigateway-importexport-version'],
    ['components integrations', base({ components: { 'x-amazon-apigateway-integrations': { a: lambda } } }), 'x-amazon-apigateway-integrations at /components/x-amazon-apigateway-integrations'],
    [
      'payloadFormatVersion',
      base({ paths: { '/a': { get: { 'x-amazon-apigateway-integration': { ...lambda, payloadFormatVersion: '2.0' } } } } }),
      'payloadFormatVersion at /paths/~1a/get/x-amazon-apigateway-integration/payloadFormatVersion',
    ],
    [
      'isDefaultRoute',
      base({ paths: { '/$default': { 'x-amazon-apigateway-any-method': { isDefaultRoute: true, 'x-amazon-apigateway-integration': lambda } } } }),
      'isDefaultRoute at /paths/~1$default/x-amazon-apigateway-any-method/isDefaultRoute',
    ],
  ])('infers HTTP from %s', (_name, document, reason) => {
    const api = normalize(documentOf(document));
    expect(api).toMatchObject({ kind: 'http', kindReason: reason });
    expect(api.kindConflict).toBeUndefined();
  });

  // Content signals both ways: an integration HTTP APIs cannot run decides REST, also against
  // HTTP-only content (then the conflict is kept, for APIGW-API-019 to report where it is).
  const mock = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } };
  const awsSqs = { type: 'aws', httpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:sqs:path/1/q', requestTemplates: { 'application/json': 'Action=SendMessage' } };
  const httpIntegration = { type: 'HTTP', httpMethod: 'GET', uri: 'https://example.com/x' };
  const op = (integration: unknown) => ({ responses: { 200: { description: 'ok' } }, 'x-amazon-apigateway-integration': integration });
  const cors = { 'x-amazon-apigateway-cors': { allowOrigins: ['https://example.com'] } };
  const at = (path: string, method: string) => `/paths/${path.replace(/\//g, '~1')}/${method}/x-amazon-apigateway-integration/type`;
  it.each([
    { name: 'aws with request templates', doc: base({ paths: { '/q': { post: op(awsSqs) } } }), kind: 'rest', chosen: `integration type aws at ${at('/q', 'post')}`, overruled: undefined },
    { name: 'mock OPTIONS', doc: base({ paths: { '/p': { options: op(mock) } } }), kind: 'rest', chosen: `integration type mock at ${at('/p', 'options')}`, overruled: undefined },
    { name: 'HTTP (any case)', doc: base({ paths: { '/h': { get: op(httpIntegration) } } }), kind: 'rest', chosen: `integration type HTTP at ${at('/h', 'get')}`, overruled: undefined },
    { name: 'proxies only', doc: base({ paths: { '/l': { get: op(lambda) }, '/h': { get: op({ type: 'http_proxy', httpMethod: 'GET', uri: 'https://e.com' }) } } }), kind: 'rest', chosen: undefined, overruled: undefined },
    { name: 'proxies and cors', doc: base({ ...cors, paths: { '/l': { get: op(lambda) } } }), kind: 'http', chosen: 'x-amazon-apigateway-cors at /x-amazon-apigateway-cors', overruled: undefined },
    {
      name: 'cors and a mock OPTIONS',
      doc: base({ ...cors, paths: { '/l': { get: op(lambda) }, '/p': { options: op(mock) } } }),
      kind: 'rest', chosen: `integration type mock at ${at('/p', 'options')}`, overruled: 'x-amazon-apigateway-cors at /x-amazon-apigateway-cors',
    },
    {
      name: 'payloadFormatVersion and an aws integration',
      doc: base({ paths: { '/l': { get: op({ ...lambda, payloadFormatVersion: '2.0' }) }, '/q': { post: op(awsSqs) } } }),
      kind: 'rest', chosen: `integration type aws at ${at('/q', 'post')}`, overruled: 'payloadFormatVersion at /paths/~1l/get/x-amazon-apigateway-integration/payloadFormatVersion',
    },
    {
      name: 'a shared mock integration by $ref, and isDefaultRoute',
      doc: base({
        components: { schemas: {} },
        'x-integrations': { preflight: mock },
        paths: {
          '/$default': { 'x-amazon-apigateway-any-method': { isDefaultRoute: true, 'x-amazon-apigateway-integration': lambda } },
          '/p': { options: op({ $ref: '#/x-integrations/preflight' }) },
        },
      }),
      kind: 'rest', chosen: 'integration type mock at /x-integrations/preflight/type', overruled: 'isDefaultRoute at /paths/~1$default/x-amazon-apigateway-any-method/isDefaultRoute',
    },
  ])('content signals: $name → $kind', ({ doc, kind, chosen, overruled }) => {
    const api = normalize(documentOf(doc));
    expect(api.kind).toBe(kind);
    if (chosen === undefined) expect(api.kindReason).toBe('default: no HTTP API extension found');
    else expect(api.kindReason.startsWith(chosen)).toBe(true);
    if (overruled === undefined) expect(api.kindConflict).toBeUndefined();
    else {
      expect(`${api.kindConflict?.overruled.what} at ${api.kindConflict?.overruled.pointer}`).toBe(overruled);
      expect(api.kindReason).toContain(`it outweighs ${overruled}`);
    }
    // The option still wins, and then there is nothing to report.
    const other = kind === 'rest' ? 'http' : 'rest';
    expect(normalize(documentOf(doc), { apiType: other })).toMatchObject({ kind: other, kindReason: `apiType option: ${other}` });
    expect(normalize(documentOf(doc), { apiType: other }).kindConflict).toBeUndefined();
  });
});

describe('route auth', () => {
  const schemes = {
    api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    other_key: { type: 'apiKey', name: 'X-Partner-Key', in: 'header' },
    tokenAuth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'TOKEN', authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations' } },
    requestAuth: { type: 'apiKey', name: 'Unused', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'request', identitySource: 'method.request.header.A, method.request.querystring.b' } },
    sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    weird: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'saml' } },
    oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://issuer.example.com/.well-known/openid-configuration', 'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: { audience: ['a'] }, identitySource: '$request.header.Authorization' } },
    basic: { type: 'http', scheme: 'basic' },
  };
  const op = (extra: Record<string, unknown>) => ({ responses: {}, 'x-amazon-apigateway-integration': lambda, ...extra });
  const doc = (kind: 'rest' | 'http') =>
    normalize(
      documentOf(
        base({
          security: [{ tokenAuth: [] }],
          components: { securitySchemes: schemes },
          paths: {
            '/inherit': { get: op({}) },
            '/none': { get: op({ security: [] }) },
            '/key-and-token': { get: op({ security: [{ tokenAuth: [], api_key: [] }] }) },
            '/other-key': { get: op({ security: [{ other_key: [] }] }) },
            '/iam-scheme': { get: op({ security: [{ sigv4: [] }] }) },
            '/iam-ext': { get: op({ security: [], 'x-amazon-apigateway-auth': { type: 'aws_iam' } }) },
            '/first-authorizer': { get: op({ security: [{ api_key: [] }, { weird: [] }, { requestAuth: [] }, { tokenAuth: [] }] }) },
            '/undeclared': { get: op({ security: [{ nowhere: [] }] }) },
          },
        }),
      ),
      { apiType: kind },
    );
  const rest = doc('rest');
  const auth = (path: string) => rest.routes.find((r) => r.path === path)!.auth;

  it('uses the root requirements unless the operation has its own', () => {
    expect(auth('/inherit')).toEqual({ type: 'CUSTOM', authorizer: 'tokenAuth', scopes: [], apiKeyRequired: false });
    expect(auth('/none')).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: false });
    expect(rest.routes.find((r) => r.path === '/none')!.security).toEqual([]);
  });

  it('requires an API key only for the x-api-key header scheme', () => {
    expect(auth('/key-and-token')).toEqual({ type: 'CUSTOM', authorizer: 'tokenAuth', scopes: [], apiKeyRequired: true });
    expect(auth('/other-key')).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: false });
  });

  it('resolves IAM from an awsSigv4 scheme or x-amazon-apigateway-auth', () => {
    expect(auth('/iam-scheme').type).toBe('AWS_IAM');
    expect(auth('/iam-ext').type).toBe('AWS_IAM');
  });

  it('takes the first requirement with a known authorizer', () => {
    expect(auth('/first-authorizer')).toEqual({ type: 'CUSTOM', authorizer: 'requestAuth', scopes: [], apiKeyRequired: true });
    expect(auth('/undeclared')).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: false });
  });

  it('does not require API keys on HTTP APIs', () => {
    const http = doc('http');
    expect(http.routes.find((r) => r.path === '/key-and-token')!.auth.apiKeyRequired).toBe(false);
  });

  it('normalizes every scheme kind and authorizer type', () => {
    const s = rest.securitySchemes;
    expect(s.tokenAuth).toMatchObject({ kind: 'authorizer', authorizer: { type: 'token', identitySource: 'method.request.header.Authorization', function: { name: 'auth' } } });
    expect(s.requestAuth).toMatchObject({ kind: 'authorizer', authorizer: { type: 'request', identitySource: ['method.request.header.A', 'method.request.querystring.b'] } });
    expect(s.weird).toMatchObject({ kind: 'authorizer', authorizer: { type: 'unknown', rawType: 'saml' } });
    expect(s.oidc).toMatchObject({ kind: 'authorizer', authorizer: { type: 'jwt', issuer: 'https://issuer.example.com', audience: ['a'] } });
    expect(s.sigv4).toMatchObject({ kind: 'iam', scheme: { authType: 'awsSigv4' } });
    expect(s.basic).toMatchObject({ kind: 'other', scheme: { type: 'http' } });
    expect(s.other_key).toMatchObject({ kind: 'api-key', in: 'header', headerName: 'X-Partner-Key' });
  });
});
