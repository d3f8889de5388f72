// Messy real-world input: wrong types, unknown values, broken refs, intrinsics where strings
// belong, `__proto__`-style keys — normalize records what it sees and never throws.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/model/index.js';
import { documentOf, loadDocument } from './helpers.js';

describe('__proto__ and other prototype keys are data', () => {
  // JSON.parse makes `__proto__` an own property, as a YAML/JSON loader must.
  const document = JSON.parse(`{
    "openapi": "3.0.1", "info": {"title": "t", "version": "1"},
    "paths": {
      "/__proto__": {
        "get": {
          "parameters": [{"name": "__proto__", "in": "query", "schema": {"type": "string"}}],
          "responses": {"200": {"description": "ok",
            "headers": {"__proto__": {"schema": {"type": "string"}}, "constructor": {"schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/__proto__"}}}}},
          "x-amazon-apigateway-integration": {"type": "mock",
            "requestTemplates": {"__proto__": "{\\"statusCode\\": 200}"},
            "requestParameters": {"__proto__": "'x'"},
            "responses": {"__proto__": {"statusCode": "200"}}}
        }
      }
    },
    "components": {
      "schemas": {"__proto__": {"type": "object", "properties": {"__proto__": {"type": "string"}}}},
      "securitySchemes": {"__proto__": {"type": "apiKey", "name": "x-api-key", "in": "header"}}
    },
    "x-amazon-apigateway-request-validators": {"__proto__": {"validateRequestBody": true}},
    "x-amazon-apigateway-gateway-responses": {"__proto__": {"statusCode": "400"}}
  }`);
  const api = normalize(documentOf(document));

  it('keeps the keys as own data without touching any prototype', () => {
    const route = api.routes[0]!;
    expect(route.key).toBe('GET /__proto__');
    expect(route.parameters[0]!.name).toBe('__proto__');
    const headers = route.responses[0]!.headers;
    expect(Object.keys(headers)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toEqual({ schema: { type: 'string' }, required: false });
    const integration = route.integration!;
    expect(Object.keys(integration.requestTemplates)).toEqual(['__proto__']);
    expect(Object.keys(integration.requestParameters)).toEqual(['__proto__']);
    expect(integration.responses[0]!.selectionPattern).toBe('__proto__');
    expect(api.models.map((m) => m.name)).toEqual(['__proto__']);
    expect(Object.keys(api.securitySchemes)).toEqual(['__proto__']);
    expect(api.validators[0]!.name).toBe('__proto__');
    expect(api.gatewayResponses[0]!.type).toBe('__proto__');
    expect(({} as Record<string, unknown>).statusCode).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('validateRequestBody');
  });

  it('does not resolve a security requirement to an inherited property', () => {
    const doc = documentOf({ openapi: '3.0.1', info: {}, paths: { '/a': { get: { security: [{ toString: [] }, { constructor: [] }] } } } });
    expect(normalize(doc).routes[0]!.auth).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: false });
  });
});

describe('malformed documents', () => {
  it('records wrong types and unknown values instead of throwing', () => {
    const api = normalize(
      documentOf({
        openapi: '3.0.1',
        info: 'not an object',
        servers: 'nope',
        tags: [null, 3, { name: 'ok' }],
        paths: {
          '/x': {
            get: {
              parameters: 'oops',
              responses: [],
              security: { not: 'an array' },
              'x-amazon-apigateway-integration': {
                type: 'LAMBDA',
                uri: ['not', 'a', 'string'],
                timeoutInMillis: '29000',
                payloadFormatVersion: 2,
                requestParameters: { 'integration.request.header.a': true },
                requestTemplates: { 'application/json': 42 },
                responses: { default: 'nope', '5\\d{2}': { statusCode: 500 } },
                cacheKeyParameters: 'method.request.path.id',
                tlsConfig: { insecureSkipVerification: 'true' },
              },
            },
            post: 'not an operation',
            put: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/missing' } },
            delete: { requestBody: { $ref: '#/nope' }, parameters: [{ $ref: '#/components/parameters/A' }] },
          },
          '/cycle': { $ref: '#/paths/~1cycle' },
          '/sam-condition': { 'Fn::If': ['IsProd', { get: {} }, { Ref: 'AWS::NoValue' }] },
        },
        components: {
          parameters: { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } },
          schemas: { Good: { type: 'string' }, Bad: 'string' },
          securitySchemes: { s: { type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'custom-thing' } }, t: 5 },
        },
        'x-amazon-apigateway-binary-media-types': ['image/png', 7],
        'x-amazon-apigateway-minimum-compression-size': 'big',
        'x-amazon-apigateway-cors': { allowOrigins: '*', maxAge: 'long' },
      }),
    );
    expect(api.info).toEqual({ title: '', version: '' });
    expect(api.servers).toEqual([]);
    expect(api.tags.map((t) => t.name)).toEqual(['ok']);
    expect(api.routes.map((r) => r.key)).toEqual(['GET /x', 'PUT /x', 'DELETE /x']);
    const [get, put, del] = api.routes;
    expect(get!.integration).toMatchObject({
      kind: 'unknown',
      rawType: 'LAMBDA',
      timeoutInMillis: 29000,
      payloadFormatVersion: '2.0',
      requestParameters: { 'integration.request.header.a': true },
      requestTemplates: {},
      cacheKeyParameters: ['method.request.path.id'],
      tlsConfig: { insecureSkipVerification: true },
    });
    expect(get!.integration!.uri).toBeUndefined();
    expect(get!.integration!.responses.map((r) => [r.selectionPattern, r.statusCode])).toEqual([
      ['default', undefined],
      ['5\\d{2}', '500'],
    ]);
    expect(get!.parameters).toEqual([]);
    expect(get!.responses).toEqual([]);
    expect(get!.security).toEqual([]);
    // A broken integration $ref: kept, with no type, pointing at the reference.
    expect(put!.integration).toMatchObject({ kind: 'unknown', rawType: '', refName: 'missing', pointer: '/paths/~1x/put/x-amazon-apigateway-integration' });
    expect(del!.requestBody).toBeUndefined();
    expect(del!.parameters).toEqual([]);
    expect(api.models.map((m) => m.name)).toEqual(['Good']);
    expect(api.securitySchemes.s).toMatchObject({ kind: 'authorizer', authorizer: { type: 'unknown', rawType: 'custom-thing' } });
    expect(api.securitySchemes.t).toBeUndefined();
    expect(api.binaryMediaTypes).toEqual(['image/png']);
    expect(api.minimumCompressionSize).toBeUndefined();
    expect(api.cors).toMatchObject({ allowOrigins: ['*'], allowMethods: [] });
    expect(api.cors!.maxAge).toBeUndefined();
  });

  it('copes with a document that is nothing but a version', () => {
    const api = normalize(documentOf({ swagger: 2, 'x-amazon-apigateway-policy': { Version: '2012-10-17' } }, '2.0'));
    expect(api).toMatchObject({ kind: 'rest', routes: [], models: [], policy: { Version: '2012-10-17' } });
  });
});

describe('API-level extensions', () => {
  const api = normalize(
    documentOf({
      openapi: '3.0.1',
      info: { title: { 'Fn::Sub': '${AWS::StackName}-api' }, version: 1.0 },
      servers: [{ url: 'https://api.example.com/v2/{stage}', variables: { stage: { default: 'beta', enum: ['beta', 'prod'] } } }],
      paths: {},
      'x-amazon-apigateway-endpoint-configuration': { vpcEndpointIds: ['vpce-0123', { Ref: 'Endpoint' }], ipAddressType: 'dualstack' },
      'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] },
      'x-amazon-apigateway-security-policy': 'SecurityPolicy_TLS13_1_3_2025_09',
      'x-amazon-apigateway-endpoint-access-mode': 'STRICT',
      'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
      'x-amazon-apigateway-minimum-compression-size': 0,
      'x-amazon-apigateway-documentation': {
        version: '1.0.0',
        documentationParts: [
          { location: { type: 'API' }, properties: { description: 'The API' } },
          { location: { type: 'METHOD', path: '/pets', method: 'GET' }, properties: { summary: 'List' } },
        ],
      },
    }),
  );

  it('keeps each one, with pointers', () => {
    expect(api.info).toEqual({ title: '${AWS::StackName}-api', version: '1.0' });
    expect(api.basePath).toBe('/v2/beta');
    expect(api.servers[0]!.variables.stage).toEqual({ default: 'beta', enum: ['beta', 'prod'] });
    // At the OAS3 root (where AWS ignores it) it is still recorded, for lint to flag.
    expect(api.endpointConfiguration).toEqual({
      vpcEndpointIds: ['vpce-0123', { intrinsic: true, fn: 'Ref', args: 'Endpoint' }],
      ipAddressType: 'dualstack',
      pointer: '/x-amazon-apigateway-endpoint-configuration',
    });
    expect(api.policy).toMatchObject({ Version: '2012-10-17' });
    expect(api.securityPolicy).toBe('SecurityPolicy_TLS13_1_3_2025_09');
    expect(api.endpointAccessMode).toBe('STRICT');
    expect(api.apiKeySource).toBe('AUTHORIZER');
    expect(api.minimumCompressionSize).toBe(0);
    expect(api.documentation).toEqual({
      version: '1.0.0',
      parts: [
        { location: { type: 'API' }, properties: { description: 'The API' }, pointer: '/x-amazon-apigateway-documentation/documentationParts/0' },
        { location: { type: 'METHOD', path: '/pets', method: 'GET' }, properties: { summary: 'List' }, pointer: '/x-amazon-apigateway-documentation/documentationParts/1' },
      ],
      pointer: '/x-amazon-apigateway-documentation',
    });
  });
});

describe('CloudFormation short-form tags through load', () => {
  it('yields function references from !Sub, !GetAtt and !Join', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-model-'));
    const file = path.join(dir, 'openapi.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.0.1',
        'info: { title: sam, version: "1" }',
        'paths:',
        '  /sub:',
        '    get:',
        '      x-amazon-apigateway-integration:',
        '        type: aws_proxy',
        '        httpMethod: POST',
        '        uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${SubFunction.Arn}/invocations',
        '  /getatt:',
        '    get:',
        '      x-amazon-apigateway-integration:',
        '        type: aws_proxy',
        '        httpMethod: POST',
        '        payloadFormatVersion: "2.0"',
        '        uri: !GetAtt GetAttFunction.Arn',
        '  /join:',
        '    get:',
        '      x-amazon-apigateway-integration:',
        '        type: aws',
        '        httpMethod: POST',
        '        uri: !Join ["", ["arn:aws:apigateway:", !Ref "AWS::Region", ":lambda:path/2015-03-31/functions/", !GetAtt JoinFunction.Arn, "/invocations"]]',
        '        responses: { default: { statusCode: "200" } }',
      ].join('\n'),
    );
    const api = normalize(await loadDocument(file));
    expect(api.routes.map((r) => [r.key, r.integration?.kind, r.integration && 'function' in r.integration ? r.integration.function?.key : undefined])).toEqual([
      ['GET /sub', 'lambda-proxy', 'cfn:SubFunction'],
      ['GET /getatt', 'lambda-proxy', 'cfn:GetAttFunction'],
      ['GET /join', 'lambda', 'cfn:JoinFunction'],
    ]);
    expect(api.routes[1]!.integration!.uri).toEqual({ intrinsic: true, fn: 'Fn::GetAtt', args: ['GetAttFunction', 'Arn'] });
  });
});

describe('deep documents', () => {
  it('normalizes a 2.0 schema nested 50000 levels deep without overflowing the stack', () => {
    let schema: Record<string, unknown> = { $ref: '#/definitions/Leaf' };
    for (let i = 0; i < 50000; i++) schema = { type: 'array', items: schema };
    const api = normalize(documentOf({ swagger: '2.0', info: {}, paths: {}, definitions: { Deep: schema, Leaf: { type: 'string' } } }));
    expect(api.models.map((m) => m.name)).toEqual(['Deep', 'Leaf']);
    // Shallow refs are still rewritten.
    const shallow = normalize(documentOf({ swagger: '2.0', info: {}, paths: {}, definitions: { A: { items: { $ref: '#/definitions/Leaf' } } } }));
    expect(shallow.models[0]!.schema).toEqual({ items: { $ref: '#/components/schemas/Leaf' } });
  });
});
