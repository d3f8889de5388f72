// The bundled fixtures through the real pipeline (load → normalize): a reviewed JSON snapshot
// of each model, plus the facts each fixture exists to demonstrate.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/model/index.js';
import type { Api, Integration, Route } from '../../src/model/types.js';
import { fixture, loadDocument } from './helpers.js';

const snapshot = (api: Api) => JSON.stringify(api, null, 2) + '\n';

function route(api: Api, key: string): Route {
  const r = api.routes.find((x) => x.key === key);
  if (!r) throw new Error(`no route ${key}; have ${api.routes.map((x) => x.key).join(', ')}`);
  return r;
}

function integration<K extends Integration['kind']>(r: Route, kind: K): Extract<Integration, { kind: K }> {
  expect(r.integration?.kind).toBe(kind);
  return r.integration as Extract<Integration, { kind: K }>;
}

describe('fixtures/petstore (OpenAPI 3.0, REST)', async () => {
  const doc = await loadDocument(fixture('petstore/openapi.yaml'));
  const api = normalize(doc);

  it('matches the reviewed snapshot', async () => {
    await expect(snapshot(api)).toMatchFileSnapshot('__snapshots__/petstore.model.json');
  });

  it('is a REST API with every route', () => {
    expect(api.kind).toBe('rest');
    expect(api.kindReason).toMatch(/^integration type aws at \/paths\/.*\/type, which only a REST API runs$/);
    expect(api.routes.map((r) => r.key)).toEqual([
      'GET /pets',
      'POST /pets',
      'OPTIONS /pets',
      'GET /pets/{petId}',
      'DELETE /pets/{petId}',
      'GET /pets/{petId}/photo',
      'POST /store/orders',
      'GET /health',
    ]);
    expect(api.basePath).toBe('/prod');
  });

  it('classifies each integration and finds the functions', () => {
    const list = integration(route(api, 'GET /pets'), 'lambda-proxy');
    expect(list.function).toMatchObject({ name: 'petstore-list-pets', region: 'us-east-1', account: '123456789012' });
    expect(list.streaming).toBe(false);
    expect(list.timeoutInMillis).toBe(10000);

    const create = integration(route(api, 'POST /pets'), 'lambda');
    expect(create.function).toMatchObject({ name: 'petstore-create-pet', alias: 'live', key: 'arn:arn:aws:lambda:us-east-1:123456789012:function:petstore-create-pet' });
    expect(create.responses.map((r) => [r.selectionPattern, r.statusCode])).toEqual([
      ['default', '201'],
      ['.*\\[BadRequest\\].*', '400'],
      ['.*\\[InternalError\\].*', '500'],
    ]);
    expect(create.responses[0]!.responseParameters['method.response.header.Location']).toBe('integration.response.body.location');
    expect(create.requestTemplates['application/json']).toContain("$input.json('$')");

    const del = integration(route(api, 'DELETE /pets/{petId}'), 'aws-service');
    expect(del).toMatchObject({ service: 'dynamodb', action: 'DeleteItem', region: 'us-east-1', credentials: 'arn:aws:iam::123456789012:role/petstore-apigateway-dynamodb' });
    const order = integration(route(api, 'POST /store/orders'), 'aws-service');
    expect(order).toMatchObject({ service: 'sqs', path: '123456789012/petstore-orders' });
    expect(order.requestParameters['integration.request.header.Content-Type']).toBe("'application/x-www-form-urlencoded'");

    const photo = integration(route(api, 'GET /pets/{petId}/photo'), 'http-proxy');
    expect(photo.cacheKeyParameters).toEqual(['method.request.path.petId']);
    expect(photo.cacheNamespace).toBe('pet-photos');

    const health = integration(route(api, 'GET /health'), 'mock');
    expect(health.requestTemplates['application/json']).toBe('{"statusCode": 200}');
    expect(health.responses[0]!.responseTemplates['application/json']).toContain('$context.requestTime');
  });

  it('resolves authorizers, API keys and validators per route', () => {
    expect(route(api, 'GET /pets').auth).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: true });
    expect(route(api, 'POST /pets').auth).toEqual({ type: 'COGNITO_USER_POOLS', authorizer: 'petstore-cognito', scopes: ['petstore/pets.write'], apiKeyRequired: false });
    expect(route(api, 'GET /pets/{petId}').auth).toEqual({ type: 'CUSTOM', authorizer: 'petstore-token', scopes: [], apiKeyRequired: false });
    // Cognito and the API key in one requirement object: both enforced.
    expect(route(api, 'DELETE /pets/{petId}').auth).toMatchObject({ type: 'COGNITO_USER_POOLS', apiKeyRequired: true });
    expect(route(api, 'GET /health').auth.type).toBe('NONE');

    const token = api.securitySchemes['petstore-token'];
    expect(token?.kind).toBe('authorizer');
    if (token?.kind === 'authorizer' && token.authorizer.type === 'token') {
      expect(token.authorizer.function?.name).toBe('petstore-token-authorizer');
      expect(token.authorizer.identitySource).toBe('method.request.header.Authorization');
      expect(token.authorizer.resultTtlInSeconds).toBe(300);
      expect(token.authorizer.credentials).toBe('arn:aws:iam::123456789012:role/petstore-authorizer-invoke');
    } else throw new Error('petstore-token is not a token authorizer');
    const cognito = api.securitySchemes['petstore-cognito'];
    expect(cognito?.kind === 'authorizer' && cognito.authorizer).toMatchObject({
      type: 'cognito',
      providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_PetStore1'],
      identitySource: 'method.request.header.Authorization',
    });
    expect(api.securitySchemes.api_key).toMatchObject({ kind: 'api-key', in: 'header', headerName: 'x-api-key' });

    expect(api.defaultValidator).toBe('params-only');
    expect(route(api, 'POST /pets').validator).toBe('all');
    expect(route(api, 'GET /pets').validator).toBe('params-only');
    expect(api.validators.map((v) => [v.name, v.validateRequestBody, v.validateRequestParameters])).toEqual([
      ['all', true, true],
      ['params-only', false, true],
    ]);
  });

  it('keeps the API-level settings', () => {
    expect(api.apiKeySource).toBe('HEADER');
    expect(api.binaryMediaTypes).toEqual(['image/png', 'image/jpeg']);
    expect(api.minimumCompressionSize).toBe(1024);
    expect(api.gatewayResponses.map((g) => [g.type, g.statusCode])).toEqual([
      ['DEFAULT_4XX', undefined],
      ['DEFAULT_5XX', undefined],
      ['UNAUTHORIZED', '401'],
      ['BAD_REQUEST_BODY', '400'],
    ]);
    expect(api.endpointConfiguration).toEqual({ disableExecuteApiEndpoint: false, pointer: '/servers/0/x-amazon-apigateway-endpoint-configuration' });
    expect(api.models.map((m) => m.name)).toEqual(['PetType', 'NewPet', 'Pet', 'Pets', 'Tag', 'Order', 'OrderReceipt', 'Health', 'Error']);
    expect(api.tags.map((t) => t.name)).toEqual(['pets', 'store']);
    expect(api.stageVariableRefs).toEqual([]);
  });

  it('merges the path-level parameter into each operation', () => {
    const get = route(api, 'GET /pets/{petId}');
    expect(get.parameters).toHaveLength(1);
    expect(get.parameters[0]).toMatchObject({ name: 'petId', in: 'path', required: true, style: 'simple', explode: false, pointer: '/paths/~1pets~1{petId}/parameters/0' });
    // The photo operation redeclares it: the operation's own wins.
    expect(route(api, 'GET /pets/{petId}/photo').parameters.map((p) => p.pointer)).toEqual([
      '/paths/~1pets~1{petId}~1photo/get/parameters/0',
      '/paths/~1pets~1{petId}~1photo/get/parameters/1',
    ]);
  });

  it('gives pointers the source map resolves to the right lines', () => {
    const text = doc.sourceMap.lookup(route(api, 'GET /pets/{petId}').pointer);
    expect(text?.file).toBe(fixture('petstore/openapi.yaml'));
    const lines = readFileSync(fixture('petstore/openapi.yaml'), 'utf8').split('\n');
    const lineOf = (pointer: string) => lines[(doc.sourceMap.lookup(pointer)?.line ?? 0) - 1] ?? '';
    expect(lineOf(route(api, 'GET /pets/{petId}').pointer)).toMatch(/^\s+get:/);
    expect(lineOf(route(api, 'POST /pets').integration!.pointer)).toMatch(/x-amazon-apigateway-integration:/);
    expect(lineOf(route(api, 'POST /pets').integration!.responses[1]!.pointer)).toMatch(/BadRequest/);
    expect(lineOf(api.models.find((m) => m.name === 'Order')!.pointer)).toMatch(/^\s+Order:/);
  });
});

describe('fixtures/http-api (OpenAPI 3.0, HTTP API)', async () => {
  const doc = await loadDocument(fixture('http-api/openapi.yaml'));
  const api = normalize(doc);

  it('matches the reviewed snapshot', async () => {
    await expect(snapshot(api)).toMatchFileSnapshot('__snapshots__/http-api.model.json');
  });

  it('is an HTTP API with a $default route', () => {
    expect(api.kind).toBe('http');
    expect(api.kindReason).toBe('x-amazon-apigateway-cors at /x-amazon-apigateway-cors');
    expect(api.importExportVersion).toBe('1.0');
    expect(api.routes.map((r) => r.key)).toEqual(['GET /orders', 'POST /orders', 'GET /orders/{orderId}', 'DELETE /orders/{orderId}', 'ANY /legacy/{proxy+}', '$default']);
    const def = route(api, '$default');
    expect(def).toMatchObject({ method: 'ANY', path: '/$default', isDefaultRoute: true });
    expect(api.basePath).toBeUndefined();
  });

  it('follows integration $refs and records their names', () => {
    const list = integration(route(api, 'GET /orders'), 'lambda-proxy');
    expect(list.refName).toBe('ordersFunction');
    expect(list.pointer).toBe('/components/x-amazon-apigateway-integrations/ordersFunction');
    expect(list.payloadFormatVersion).toBe('2.0');
    expect(list.function?.key).toBe(integration(route(api, 'GET /orders/{orderId}'), 'lambda-proxy').function?.key);
    const fallback = integration(route(api, '$default'), 'lambda-proxy');
    expect(fallback.refName).toBe('fallbackFunction');
    expect(fallback.function).toMatchObject({ name: 'orders-not-found', arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-not-found' });
  });

  it('reads a bare function ARN, a first-class subtype and an HTTP proxy', () => {
    expect(integration(route(api, 'DELETE /orders/{orderId}'), 'lambda-proxy').function?.name).toBe('orders-cancel');
    const sqs = integration(route(api, 'POST /orders'), 'aws-service');
    expect(sqs.subtype).toBe('SQS-SendMessage');
    expect(sqs.credentials).toBe('arn:aws:iam::123456789012:role/orders-http-api-sqs');
    expect(sqs.requestParameters.MessageBody).toBe('$request.body');
    const legacy = integration(route(api, 'ANY /legacy/{proxy+}'), 'http-proxy');
    expect(legacy).toMatchObject({ httpMethod: 'ANY', uri: 'https://legacy.example.com/{proxy}', payloadFormatVersion: '1.0' });
    expect(legacy.responseParameters['500']).toEqual({ 'overwrite:statuscode': '502' });
  });

  it('resolves the JWT and Lambda request authorizers', () => {
    expect(route(api, 'GET /orders').auth).toEqual({ type: 'JWT', authorizer: 'orders-jwt', scopes: ['orders/read'], apiKeyRequired: false });
    expect(route(api, 'DELETE /orders/{orderId}').auth).toEqual({ type: 'CUSTOM', authorizer: 'partner-authorizer', scopes: [], apiKeyRequired: false });
    const jwt = api.securitySchemes['orders-jwt'];
    expect(jwt?.kind === 'authorizer' && jwt.authorizer).toEqual({
      type: 'jwt',
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Orders01',
      audience: ['4n2vq0example7clientid'],
      identitySource: ['$request.header.Authorization'],
      pointer: '/components/securitySchemes/orders-jwt/x-amazon-apigateway-authorizer',
    });
    const partner = api.securitySchemes['partner-authorizer'];
    expect(partner?.kind === 'authorizer' && partner.authorizer).toMatchObject({
      type: 'request',
      identitySource: ['$request.header.Authorization', '$request.header.x-partner-id'],
      payloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      resultTtlInSeconds: 300,
      function: { name: 'orders-partner-authorizer' },
    });
  });

  it('keeps CORS, tags and the endpoint configuration', () => {
    expect(api.cors).toEqual({
      allowOrigins: ['https://app.example.com'],
      allowCredentials: true,
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['authorization', 'content-type'],
      exposeHeaders: ['x-request-id'],
      maxAge: 600,
      pointer: '/x-amazon-apigateway-cors',
    });
    expect(api.tags.map((t) => [t.name, t.value])).toEqual([
      ['team', 'orders'],
      ['cost-center', '4711'],
    ]);
    expect(api.endpointConfiguration?.ipAddressType).toBe('dualstack');
  });
});

describe('fixtures/swagger2 (Swagger 2.0, REST)', async () => {
  const doc = await loadDocument(fixture('swagger2/swagger.yaml'));
  const before = JSON.stringify(doc.document);
  const api = normalize(doc);

  it('matches the reviewed snapshot', async () => {
    await expect(snapshot(api)).toMatchFileSnapshot('__snapshots__/swagger2.model.json');
  });

  it('does not mutate the loaded document', () => {
    expect(JSON.stringify(doc.document)).toBe(before);
  });

  it('lists routes, the ANY method and the greedy proxy', () => {
    expect(api.version).toBe('2.0');
    expect(api.kind).toBe('rest');
    expect(api.routes.map((r) => r.key)).toEqual(['GET /calc', 'POST /calc', 'GET /history', 'POST /uploads', 'ANY /{proxy+}']);
    expect(integration(route(api, 'ANY /{proxy+}'), 'lambda-proxy').function?.name).toBe('CalcRouter');
    expect(api.servers).toEqual([{ url: 'https://calc.example.com/v1', variables: {}, pointer: '/host' }]);
    expect(api.basePath).toBe('/v1');
  });

  it('turns 2.0 parameter forms into schemas, style and explode', () => {
    const [a, , op] = route(api, 'GET /calc').parameters;
    expect(a).toMatchObject({ name: 'a', in: 'query', required: true, schema: { type: 'number' }, style: 'form', explode: true });
    expect(op?.schema).toEqual({ type: 'string', enum: ['add', 'sub', 'mul', 'div'] });
    const [opMulti, ids, fields] = route(api, 'GET /history').parameters;
    expect(opMulti).toMatchObject({ style: 'form', explode: true, schema: { type: 'array', items: { type: 'string', enum: ['add', 'sub', 'mul', 'div'] } } });
    expect(ids).toMatchObject({ style: 'form', explode: false, schema: { type: 'array', items: { type: 'integer' } } });
    expect(fields).toMatchObject({ in: 'header', style: 'pipeDelimited', explode: false });
  });

  it('turns `in: body` into a request body per consumes type, with component refs', () => {
    const body = route(api, 'POST /calc').requestBody;
    expect(body).toEqual({
      required: true,
      description: 'The operands and the operator',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Input' } } },
      pointer: '/paths/~1calc/post/parameters/0',
    });
  });

  it('turns `in: formData` into a multipart object schema', () => {
    const body = route(api, 'POST /uploads').requestBody;
    expect(body?.required).toBe(true);
    expect(Object.keys(body!.content)).toEqual(['multipart/form-data']);
    expect(body!.content['multipart/form-data']!.schema).toEqual({
      type: 'object',
      properties: {
        worksheet: { type: 'string', format: 'binary', description: 'The worksheet file' },
        label: { type: 'string', maxLength: 100 },
      },
      required: ['worksheet'],
    });
  });

  it('puts response schemas under produces and rewrites definition refs', () => {
    const ok = route(api, 'GET /calc').responses[0]!;
    expect(ok.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Result' } } });
    expect(ok.headers['X-Calc-Duration']).toEqual({ schema: { type: 'integer' }, required: false, description: 'Milliseconds spent computing' });
    const history = route(api, 'GET /history').responses[0]!;
    expect(history.content['application/json']!.schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Result' } });
    const result = api.models.find((m) => m.name === 'Result')!;
    expect(result.schema.properties).toEqual({ input: { $ref: '#/components/schemas/Input' }, output: { $ref: '#/components/schemas/Output' } });
    expect(result.pointer).toBe('/definitions/Result');
    // Models without refs are not copied.
    expect(api.models.find((m) => m.name === 'Input')!.schema).toBe((doc.document.definitions as Record<string, unknown>).Input);
  });

  it('resolves IAM and API-key security from securityDefinitions', () => {
    expect(route(api, 'GET /history').auth).toEqual({ type: 'AWS_IAM', scopes: [], apiKeyRequired: false });
    expect(route(api, 'POST /uploads').auth).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: true });
    expect(api.securitySchemes.sigv4?.kind).toBe('iam');
  });
});
