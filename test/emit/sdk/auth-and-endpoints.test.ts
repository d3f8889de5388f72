// Operation auth as the SDK decides it (API key source, authorizer identity sources) and the
// per-stage URLs with a custom domain, checked on the operations and on the running client.
import { describe, it, expect } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { collectOperations, identityLocationOf, tokenLocationOf } from '../../../src/emit/sdk/operations.js';
import { customDomainUrl, sdkEndpoints } from '../../../src/emit/sdk/endpoints.js';
import { generate, REPO_ROOT } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { resolve } from 'node:path';

async function apiOf(spec: string) {
  return normalize(await load(resolve(REPO_ROOT, spec)));
}

describe('API key source', () => {
  it('AUTHORIZER (any case): routes requiring a key do not demand apiKey; HEADER or unset: they do', async () => {
    const api = await apiOf('test/emit/sdk/specs/request-authorizers.yaml');
    const metered = api.routes.find((r) => r.operationId === 'metered')!;
    expect(metered.auth.apiKeyRequired).toBe(true);
    const apiKeyOf = () => collectOperations(api).find((o) => o.route === metered)!.auth.apiKey;
    expect(apiKeyOf()).toBe(false);
    api.apiKeySource = 'authorizer';
    expect(apiKeyOf()).toBe(false);
    api.apiKeySource = 'HEADER';
    expect(apiKeyOf()).toBe(true);
    delete api.apiKeySource;
    expect(apiKeyOf()).toBe(true);
  });
});

describe('authorizer identity sources', () => {
  it('maps header and query sources of REST and HTTP APIs; context and stage variables are not the client\'s', () => {
    expect(identityLocationOf('method.request.header.X-Token')).toEqual({ in: 'header', name: 'x-token' });
    expect(identityLocationOf(' method.request.querystring.Token ')).toEqual({ in: 'query', name: 'Token' });
    expect(identityLocationOf('$request.header.Authorization')).toEqual({ in: 'header', name: 'authorization' });
    expect(identityLocationOf('$request.querystring.sig')).toEqual({ in: 'query', name: 'sig' });
    expect(identityLocationOf('context.sourceIp')).toBeUndefined();
    expect(identityLocationOf('$context.routeKey')).toBeUndefined();
    expect(identityLocationOf('stageVariables.realm')).toBeUndefined();
    expect(identityLocationOf('$stageVariables.realm')).toBeUndefined();
  });

  it('a REQUEST authorizer never falls back to the scheme name; others still do', async () => {
    const api = await apiOf('test/emit/sdk/specs/request-authorizers.yaml');
    expect(tokenLocationOf(api.securitySchemes['query-auth'])).toEqual({ in: 'query', name: 'token' });
    expect(tokenLocationOf(api.securitySchemes['multi-auth'])).toEqual({ in: 'header', name: 'authorization' });
    const onlyContext = { ...api.securitySchemes['multi-auth']!, authorizer: { type: 'request' as const, identitySource: ['context.sourceIp'], pointer: '/x' } };
    expect(tokenLocationOf(onlyContext as never)).toBeUndefined(); // → the authorization header, not `unused`
    expect(tokenLocationOf(api.securitySchemes.api_key)).toEqual({ in: 'header', name: 'x-api-key' });
    const ops = collectOperations(api);
    const multi = ops.find((o) => o.name === 'multi')!;
    expect(multi.params.map((p) => [p.in, p.name, p.required])).toEqual([['header', 'x-tenant', true], ['query', 'region', true]]);
    expect(multi.auth.tokenHeader).toBeUndefined(); // the default `authorization`
    expect(ops.find((o) => o.name === 'byQuery')!.auth).toMatchObject({ tokenQuery: 'token' });
    expect(ops.find((o) => o.name === 'byQuery')!.params.map((p) => p.name)).toEqual(['page']);
  });
});

describe('custom domain in the SDK stage URLs', () => {
  it('the mapped stage is called through https://<domain>/<basePath>; other stages keep the execute-api URL', async () => {
    const domain = { name: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', basePath: 'v1' };
    const api = await apiOf('fixtures/petstore/openapi.yaml');
    expect(sdkEndpoints(api, { stages: { prod: {}, dev: {} }, gateway: { domain } }).stages).toEqual([['dev', undefined], ['prod', 'https://api.example.com/v1']]);
    expect(sdkEndpoints(api, { stages: { prod: {}, dev: {} }, gateway: { domain: { ...domain, stage: 'dev' } } }).stages).toEqual([['dev', 'https://api.example.com/v1'], ['prod', undefined]]);
    // An explicit stage baseUrl wins; no stages configured → the gateway's default stage prod.
    expect(sdkEndpoints(api, { stages: { prod: { baseUrl: 'https://x.test' } }, gateway: { domain } }).stages).toEqual([['prod', 'https://x.test']]);
    expect(sdkEndpoints(api, { gateway: { domain } }).stages).toEqual([['prod', 'https://api.example.com/v1']]);
    expect(sdkEndpoints(api, { stages: { prod: {} } }).stages).toEqual([['prod', undefined]]);
  });

  it('customDomainUrl: no base path, (none), nested and odd base paths', () => {
    expect(customDomainUrl('api.example.com', undefined)).toBe('https://api.example.com');
    expect(customDomainUrl('api.example.com', '(none)')).toBe('https://api.example.com');
    expect(customDomainUrl('API.Example.com.', '/orders/v2/')).toBe('https://api.example.com/orders/v2');
    expect(customDomainUrl('api.example.com', 'a b{c}')).toBe('https://api.example.com/a%20b%7Bc%7D');
  });

  it('the generated client calls the custom domain for stage prod', async () => {
    const { files } = await generate('fixtures/petstore/openapi.yaml', {
      stages: { prod: {}, dev: {} },
      gateway: { domain: { name: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', basePath: 'v1' } },
    });
    expect(files.get('client.ts')).toContain('["prod", "https://api.example.com/v1"]');
    const sdk = await importFrom<{ createClient(o: object): { listPets(): Promise<unknown> } }>(transpileToDir(files), 'index.js');
    const urls: string[] = [];
    const fetch = async (url: URL) => { urls.push(url.href); return new Response('[]', { headers: { 'content-type': 'application/json' } }); };
    await sdk.createClient({ stage: 'prod', apiKey: 'k', token: 't', fetch }).listPets();
    await sdk.createClient({ stage: 'dev', restApiId: 'abc', region: 'eu-west-1', apiKey: 'k', token: 't', fetch }).listPets();
    expect(urls).toEqual(['https://api.example.com/v1/pets', 'https://abc.execute-api.eu-west-1.amazonaws.com/dev/pets']);
  });
});
