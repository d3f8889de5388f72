import { describe, it, expect } from 'vitest';
import { formatRoutesJson, formatRoutesTable, routeRows } from '../../src/report/routes.js';
import { normalize } from '../../src/model/index.js';
import type { Api, Integration, Route, RouteAuth } from '../../src/model/types.js';

// A hand-built model: exercises each integration kind and authorizer kind without the loader.
const base = { rawType: '', requestParameters: {}, requestTemplates: {}, responses: [], responseParameters: {}, cacheKeyParameters: [], pointer: '/x' };
const noAuth: RouteAuth = { type: 'NONE', scopes: [], apiKeyRequired: false };

function route(method: Route['method'], path: string, integration: Integration | undefined, auth: RouteAuth = noAuth, validator?: string): Route {
  return {
    key: `${method} ${path}`, method, path, isDefaultRoute: path === '$default', tags: [], deprecated: false, parameters: [], responses: [],
    security: [], auth, ...(integration ? { integration } : {}), ...(validator ? { validator } : {}), pointer: `/paths/${path}`,
  };
}

const api: Api = {
  kind: 'rest', kindReason: 'default', version: '3.0', info: { title: 't', version: '1' }, servers: [], models: [], validators: [],
  gatewayResponses: [], binaryMediaTypes: [], tags: [], stageVariableRefs: [],
  securitySchemes: {
    tokenAuth: { kind: 'authorizer', name: 'tokenAuth', scheme: {}, pointer: '/s', authorizer: { type: 'token', identitySource: 'method.request.header.Authorization', pointer: '/s' } },
    pool: { kind: 'authorizer', name: 'pool', scheme: {}, pointer: '/s', authorizer: { type: 'cognito', providerArns: [], identitySource: 'x', pointer: '/s' } },
  },
  routes: [
    route('GET', '/pets', { ...base, kind: 'lambda-proxy', streaming: false, function: { key: 'cfn:ListPets', name: 'ListPetsFunction', logicalId: 'ListPetsFunction' } },
      { type: 'CUSTOM', authorizer: 'tokenAuth', scopes: [], apiKeyRequired: true }, 'all'),
    route('POST', '/pets', { ...base, kind: 'lambda', function: { key: 'arn:x', name: 'create-pet', alias: 'live' } },
      { type: 'COGNITO_USER_POOLS', authorizer: 'pool', scopes: ['pets/write'], apiKeyRequired: false }),
    route('GET', '/pets/{id}', { ...base, kind: 'http-proxy', uri: 'https://backend.example.com/pets/{id}' }, { type: 'AWS_IAM', scopes: [], apiKeyRequired: false }),
    route('POST', '/orders', { ...base, kind: 'aws-service', service: 'sqs', action: 'SendMessage', uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage' }),
    route('PUT', '/files/{key}', { ...base, kind: 'aws-service', service: 's3', path: 'bucket/{key}' }),
    route('GET', '/health', { ...base, kind: 'mock' }),
    route('GET', '/sub', { ...base, kind: 'http', uri: { intrinsic: true, fn: 'Fn::Sub', args: 'https://${Host}/sub' } }),
    route('GET', '/if', { ...base, kind: 'http', uri: { intrinsic: true, fn: 'Fn::If', args: ['C', 'a', 'b'] } }),
    route('ANY', '/bad\u001b[31m', undefined),
  ],
};

describe('routeRows', () => {
  const rows = routeRows(api);

  it('names each integration target the way the spec means it', () => {
    expect(rows.map((r) => [r.method, r.path, r.integration, r.target])).toEqual([
      ['GET', '/pets', 'lambda-proxy', 'ListPetsFunction'],
      ['POST', '/pets', 'lambda', 'create-pet:live'],
      ['GET', '/pets/{id}', 'http-proxy', 'https://backend.example.com/pets/{id}'],
      ['POST', '/orders', 'aws-service', 'sqs:SendMessage'],
      ['PUT', '/files/{key}', 'aws-service', 's3:path/bucket/{key}'],
      ['GET', '/health', 'mock', ''],
      ['GET', '/sub', 'http', 'https://${Host}/sub'],
      ['GET', '/if', 'http', '!If ["C","a","b"]'],
      ['ANY', '/bad\u001b[31m', 'none', ''],
    ]);
  });

  it('describes authorizers, API keys and validators', () => {
    expect(rows.slice(0, 4).map((r) => [r.authorizer, r.apiKeyRequired, r.validator])).toEqual([
      ['tokenAuth (token)', true, 'all'],
      ['pool (cognito) [pets/write]', false, ''],
      ['IAM', false, ''],
      ['none', false, ''],
    ]);
  });

  it('prints an aligned table with escaped control characters', () => {
    const lines = formatRoutesTable(rows).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+INTEGRATION\s+TARGET\s+AUTHORIZER\s+API KEY\s+VALIDATOR$/);
    expect(lines).toHaveLength(rows.length + 1);
    // Every column starts at the same offset on every line.
    const pathColumn = lines[0]!.indexOf('PATH');
    for (const line of lines.slice(1)) expect(line[pathColumn - 1]).toBe(' ');
    expect(lines[1]).toMatch(/^GET\s+\/pets\s+lambda-proxy\s+ListPetsFunction\s+tokenAuth \(token\)\s+required\s+all$/);
    expect(lines.at(-1)).toContain('/bad\\u001b[31m');
    expect(formatRoutesTable(rows)).not.toContain('\u001b');
  });

  it('prints JSON rows', () => {
    expect(JSON.parse(formatRoutesJson(rows))[3]).toEqual({
      method: 'POST', path: '/orders', integration: 'aws-service', target: 'sqs:SendMessage', authorizer: 'none', apiKeyRequired: false, validator: '',
    });
  });
});

describe('stage-variable function names', () => {
  // Through the real normalize: the target shows the expression, not just the variable's name.
  const lambda = (fn: string) => ({
    responses: { 200: { description: 'ok' } },
    'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations` },
  });
  const doc = {
    openapi: '3.0.1', info: { title: 't', version: '1' },
    paths: {
      '/pets': { get: lambda('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.prefix}-getPet') },
      '/pets/{id}': { get: lambda('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.prefix}-getPet:${stageVariables.alias}') },
      '/whole': { get: lambda('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}') },
      '/plain': { get: lambda('arn:aws:lambda:us-east-1:123456789012:function:list-pets') },
    },
  };
  const modelApi = normalize({ entry: '/virtual/openapi.yaml', files: ['/virtual/openapi.yaml'], version: '3.0', document: doc, sourceMap: { lookup: () => undefined } });
  const targets = Object.fromEntries(routeRows(modelApi).map((r) => [r.path, r.target]));

  it('prints the function-name expression with its stage variables', () => {
    expect(targets['/pets']).toBe('${stageVariables.prefix}-getPet');
    expect(targets['/pets/{id}']).toBe('${stageVariables.prefix}-getPet:${stageVariables.alias}');
    expect(targets['/whole']).toBe('${stageVariables.fn}');
    expect(targets['/plain']).toBe('list-pets');
    expect(formatRoutesTable(routeRows(modelApi))).toContain('${stageVariables.prefix}-getPet');
  });
});
