// The generated handlers run: generate from a spec through the real pipeline, write user
// implementations, type-check them, transpile and import everything, and invoke the handlers with
// real-shaped events (REST v1, HTTP v2, authorizer events).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers } from '../../../src/emit/handlers/index.js';
import { formatErrors, importModule, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { httpEventV2, lambdaContext, restEvent } from './events.js';

const fnUri = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;
const proxy = (name: string) => `{ type: aws_proxy, httpMethod: POST, uri: "${fnUri(name)}" }`;

const REST_SPEC = `openapi: 3.0.1
info: { title: Shop, version: "1" }
x-amazon-apigateway-binary-media-types: [image/png]
paths:
  /items:
    options:
      responses: { "200": { description: cors } }
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: { application/json: '{"statusCode": 200}' }
        responses:
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.Access-Control-Allow-Origin: "'https://app.example.com'"
    post:
      operationId: createItem
      security: [{ shop-token: [] }]
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/NewItem" } } } }
      responses:
        "201": { description: created, content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } } }
      x-amazon-apigateway-integration: ${proxy('shop-fn')}
  /items/{id}:
    get:
      operationId: getItem
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: X-Tenant, in: header, required: true, schema: { type: string } }
        - { name: verbose, in: query, schema: { type: string } }
      responses:
        "200":
          description: ok
          headers: { X-Item-Version: { required: true, schema: { type: string } } }
          content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } }
        "404": { description: missing }
      x-amazon-apigateway-integration: ${proxy('shop-fn')}
  /items/{id}/image:
    get:
      operationId: getItemImage
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: png, content: { image/png: { schema: { type: string, format: binary } } } }
      x-amazon-apigateway-integration: ${proxy('shop-fn')}
  /todo:
    get:
      operationId: notYet
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration: ${proxy('shop-fn')}
  /orders:
    post:
      operationId: placeOrder
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/NewItem" } } } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } } }
        "400": { description: bad }
        "404": { description: none }
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: "${fnUri('legacy-fn')}"
        requestTemplates:
          application/json: |
            {
              "item": $input.json('$'),
              "method": "$context.httpMethod",
              "resource": "$context.resourcePath",
              "tenant": "$input.params('x-tenant')"
            }
        responses:
          default: { statusCode: "200" }
          ".*\\\\[NotFound\\\\].*": { statusCode: "404" }
          "^Invalid: .+": { statusCode: "400" }
components:
  securitySchemes:
    shop-token:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
        authorizerUri: "${fnUri('shop-auth')}"
        authorizerResultTtlInSeconds: 300
  schemas:
    NewItem:
      type: object
      required: [name, price]
      additionalProperties: false
      properties:
        name: { type: string, minLength: 1 }
        price: { type: number, minimum: 0 }
        __proto__: { type: string }
    Item:
      type: object
      required: [id, name, price]
      properties:
        id: { type: string }
        name: { type: string }
        price: { type: number }
`;

const SHOP_IMPL = `import { createHandler, json, binary, notImplemented, type ShopFnImplementation } from './shop-fn.generated.js';

export const createItem: ShopFnImplementation['createItem'] = async (event) =>
  json(201, { id: 'i-1', name: event.body.name, price: event.body.price });

export const getItem: ShopFnImplementation['getItem'] = async (event) => {
  if (event.pathParameters.id === 'missing') return { statusCode: 404 };
  const tenant: string = event.headers['x-tenant'];
  return { statusCode: 200, headers: { 'X-Item-Version': '3' }, body: { id: event.pathParameters.id, name: tenant, price: event.queryStringParameters.verbose === undefined ? 0 : 1 } };
};

export const getItemImage: ShopFnImplementation['getItemImage'] = async () => binary(200, new Uint8Array([137, 80, 78, 71]), 'image/png');

export const notYet: ShopFnImplementation['notYet'] = async () => notImplemented('GET /todo');

export const handler = createHandler({ createItem, getItem, getItemImage, notYet });
`;

const LEGACY_IMPL = `import { createHandler, placeOrderErrors, type LegacyFnImplementation } from './legacy-fn.generated.js';

export const placeOrder: LegacyFnImplementation['placeOrder'] = async (event) => {
  if (event.item.name === 'ghost') throw placeOrderErrors.notFound('no item named ' + event.item.name);
  if (event.item.price > 1000) throw placeOrderErrors.invalid('price\\ntoo high');
  return { id: 'o-1', name: event.item.name + '@' + event.tenant + ' via ' + event.method + ' ' + event.resource, price: event.item.price };
};

export const handler = createHandler({ placeOrder });
`;

const AUTH_IMPL = `import { defineShopAuth, allowStage, allowRoutes, unauthorized } from './shop-auth.generated.js';

export const handler = defineShopAuth(async (event) => {
  if (event.authorizationToken === 'Bearer admin') return allowStage(event.methodArn, 'admin', { role: 'admin', level: 3 });
  if (event.authorizationToken === 'Bearer reader') return allowRoutes(event.methodArn, 'reader', ['POST /items']);
  throw unauthorized();
});
`;

const HTTP_SPEC = `openapi: 3.0.1
info: { title: Things, version: "1" }
paths:
  /things/{id}:
    get:
      operationId: getThing
      security: [{ things-jwt: [things/read] }]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "arn:aws:lambda:us-east-1:123456789012:function:things-fn", payloadFormatVersion: "2.0" }
  /things:
    post:
      operationId: addThing
      security: [{ things-auth: [] }]
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
      responses:
        "201": { description: created, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "arn:aws:lambda:us-east-1:123456789012:function:things-fn", payloadFormatVersion: "2.0" }
components:
  securitySchemes:
    things-jwt:
      type: oauth2
      flows: {}
      x-amazon-apigateway-authorizer:
        type: jwt
        identitySource: $request.header.Authorization
        jwtConfiguration: { issuer: "https://issuer.example.com", audience: [things] }
    things-auth:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authorizer:
        type: request
        identitySource: $request.header.Authorization
        authorizerUri: "${fnUri('things-auth')}"
        authorizerPayloadFormatVersion: "2.0"
        enableSimpleResponses: true
  schemas:
    Thing:
      type: object
      required: [id, label]
      properties:
        id: { type: string }
        label: { type: string, maxLength: 10 }
`;

const THINGS_IMPL = `import { createHandler, type ThingsFnImplementation } from './things-fn.generated.js';

// Payload 2.0's simplified response: the body alone, sent as 200 JSON.
export const getThing: ThingsFnImplementation['getThing'] = async (event) => ({
  id: event.pathParameters.id,
  label: String(event.requestContext.authorizer.jwt.claims['sub']),
});

export const addThing: ThingsFnImplementation['addThing'] = async (event) => ({ statusCode: 201, body: event.body });

export const handler = createHandler({ getThing, addThing });
`;

const THINGS_AUTH_IMPL = `import { defineThingsAuth, allow, deny } from './things-auth.generated.js';

export const handler = defineThingsAuth(async (event) => (event.identitySource[0] === 'letmein' ? allow({ tier: 'gold' }) : deny()));
`;

type Handler = (event: unknown, context: unknown) => Promise<any>;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

async function generate(yaml: string, implementations: Record<string, string>) {
  const out = tempOutDir('runtime');
  dirs.push(out);
  const specFile = join(out, 'openapi.yaml');
  writeFileSync(specFile, yaml);
  const document = await load(specFile);
  const api = normalize(document);
  const files = emitHandlers(api, { document, config: {} });
  writeHandlers(files, out);
  const dir = join(out, 'handlers');
  for (const [name, text] of Object.entries(implementations)) writeFileSync(join(dir, name), text);
  return { dir, files };
}

describe('generated REST handlers run', () => {
  let dir: string;
  let shop: Handler;
  let stubs: Handler;
  let legacy: Handler;
  let auth: Handler;
  let legacyStub: Handler;

  beforeAll(async () => {
    ({ dir } = await generate(REST_SPEC, { 'shop-impl.ts': SHOP_IMPL, 'legacy-impl.ts': LEGACY_IMPL, 'auth-impl.ts': AUTH_IMPL }));
    // The implementations are typed against the generated code: they must compile first.
    expect(formatErrors(typecheck(dir))).toBe('');
    shop = (await importModule<{ handler: Handler }>(dir, 'shop-impl')).handler;
    stubs = (await importModule<{ handler: Handler }>(dir, 'shop-fn')).handler;
    legacy = (await importModule<{ handler: Handler }>(dir, 'legacy-impl')).handler;
    legacyStub = (await importModule<{ handler: Handler }>(dir, 'legacy-fn')).handler;
    auth = (await importModule<{ handler: Handler }>(dir, 'auth-impl')).handler;
  });

  it('routes by method + resource, narrows parameters, and adds declared headers', async () => {
    const res = await shop(restEvent({ method: 'GET', resource: '/items/{id}', path: '/items/42', pathParameters: { id: '42' }, query: { verbose: '1' }, headers: { 'X-Tenant': 'acme', Origin: 'https://app.example.com' } }), lambdaContext);
    // No CORS headers: /items/{id} has no OPTIONS method declaring an allowed origin.
    expect(res).toEqual({ statusCode: 200, headers: { 'X-Item-Version': '3', 'Content-Type': 'application/json' }, body: JSON.stringify({ id: '42', name: 'acme', price: 1 }) });
    const missing = await shop(restEvent({ method: 'GET', resource: '/items/{id}', path: '/items/missing', pathParameters: { id: 'missing' }, headers: { 'x-tenant': 'acme' } }), lambdaContext);
    expect(missing).toEqual({ statusCode: 404, headers: {}, body: '' });
  });

  it('adds CORS headers for the origins the path\'s OPTIONS integration allows', async () => {
    const post = (origin: string) => shop(restEvent({ method: 'POST', resource: '/items', path: '/items', body: '{"name":"a","price":1}', headers: { origin } }), lambdaContext);
    expect((await post('https://app.example.com')).headers).toEqual({ 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': 'https://app.example.com', Vary: 'Origin' });
    expect((await post('https://evil.example.com')).headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('answers 400 for a missing required parameter without calling the implementation', async () => {
    const res = await shop(restEvent({ method: 'GET', resource: '/items/{id}', path: '/items/42', pathParameters: { id: '42' } }), lambdaContext);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ message: 'Missing required request parameters: [header.X-Tenant]' });
  });

  it('validates the JSON body against the schema (400 on failure), keeping __proto__ as data', async () => {
    const post = (body: string | null, isBase64Encoded = false) => shop(restEvent({ method: 'POST', resource: '/items', path: '/items', body, isBase64Encoded, headers: { 'content-type': 'application/json' } }), lambdaContext);
    const ok = await post(JSON.stringify({ name: 'lamp', price: 12 }));
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.body)).toEqual({ id: 'i-1', name: 'lamp', price: 12 });
    // The same body base64-encoded (binary passthrough) is decoded before parsing.
    expect((await post(Buffer.from(JSON.stringify({ name: 'lamp', price: 1 })).toString('base64'), true)).statusCode).toBe(201);

    const wrongType = await post(JSON.stringify({ name: 'lamp', price: 'cheap' }));
    expect(wrongType.statusCode).toBe(400);
    expect(JSON.parse(wrongType.body).message).toMatch(/^Invalid request body: \/price must be number/);
    expect((await post(JSON.stringify({ name: '', price: 1 }))).statusCode).toBe(400);
    expect((await post('{not json')).statusCode).toBe(400);
    expect(JSON.parse((await post(null)).body)).toEqual({ message: 'Invalid request body: a body is required' });
    // `__proto__` stays a declared property in the generated schema (data, not a prototype), as an
    // exact pattern, since ajv skips a `__proto__` entry of `properties`...
    expect(readFileSync(join(dir, 'schemas.generated.ts'), 'utf8')).toContain('\\"^__proto__$\\":{\\"type\\":\\"string\\"}');
    // ...so a `__proto__` key in the body is validated like any other declared property.
    expect(JSON.parse((await post('{"name":"a","price":1,"__proto__":{"polluted":true}}')).body)).toEqual({ message: 'Invalid request body: /__proto__ must be string' });
    expect((await post('{"name":"a","price":1,"__proto__":"x"}')).statusCode).toBe(201);
    expect((await post('{"name":"a","price":1,"extra":1}')).statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sends binary responses base64-encoded with isBase64Encoded', async () => {
    const res = await shop(restEvent({ method: 'GET', resource: '/items/{id}/image', path: '/items/1/image', pathParameters: { id: '1' } }), lambdaContext);
    expect(res).toEqual({ statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: Buffer.from([137, 80, 78, 71]).toString('base64'), isBase64Encoded: true });
  });

  it('the generated stubs answer a typed 501 on every proxy route; unknown routes 404', async () => {
    for (const [method, resource] of [['GET', '/items/{id}'], ['POST', '/items'], ['GET', '/todo']] as const) {
      const res = await stubs(restEvent({ method, resource, path: resource.replace('{id}', '1'), pathParameters: { id: '1' }, headers: { 'x-tenant': 't' }, body: method === 'POST' ? '{"name":"a","price":1}' : null }), lambdaContext);
      expect(res.statusCode, `${method} ${resource}`).toBe(501);
      expect(JSON.parse(res.body)).toEqual({ message: `Not implemented: ${method} ${resource}` });
    }
    const unknown = await shop(restEvent({ method: 'DELETE', resource: '/items/{id}', path: '/items/1' }), lambdaContext);
    expect(unknown.statusCode).toBe(404);
    // The non-proxy stub throws, so API Gateway maps it through the default integration response.
    await expect(legacyStub({ item: { name: 'a', price: 1 }, method: 'POST', resource: '/orders', tenant: 't' }, lambdaContext)).rejects.toThrow('Not implemented: POST /orders');
  });

  it('non-proxy: the event is the mapping template output; error helpers produce messages the selectionPatterns match in full', async () => {
    const event = { item: { name: 'desk', price: 99 }, method: 'POST', resource: '/orders', tenant: 'acme' };
    expect(await legacy(event, lambdaContext)).toEqual({ id: 'o-1', name: 'desk@acme via POST /orders', price: 99 });

    const javaMatches = (pattern: string, message: string) => new RegExp(`^(?:${pattern})$`).test(message);
    const notFound = await legacy({ ...event, item: { name: 'ghost', price: 1 } }, lambdaContext).catch((e: Error) => e);
    expect(notFound).toBeInstanceOf(Error);
    expect((notFound as Error).message).toBe('[NotFound] no item named ghost');
    expect(javaMatches('.*\\[NotFound\\].*', (notFound as Error).message)).toBe(true);
    expect(javaMatches('^Invalid: .+', (notFound as Error).message)).toBe(false);

    const invalid = (await legacy({ ...event, item: { name: 'gold', price: 5000 } }, lambdaContext).catch((e: Error) => e)) as Error & { statusCode: string };
    expect(invalid.message).toBe('Invalid: price too high');
    expect(invalid.statusCode).toBe('400');
    expect(javaMatches('^Invalid: .+', invalid.message)).toBe(true);
    expect(javaMatches('.*\\[NotFound\\].*', invalid.message)).toBe(false);

    // Every generated helper, with any detail (also empty, also multi-line), matches its own pattern.
    const { placeOrderErrors } = await importModule<{ placeOrderErrors: Record<string, (d?: string) => Error> }>(dir, 'legacy-fn.generated');
    const patterns: Record<string, string> = { notFound: '.*\\[NotFound\\].*', invalid: '^Invalid: .+' };
    expect(Object.keys(placeOrderErrors).sort()).toEqual(Object.keys(patterns).sort());
    for (const [name, make] of Object.entries(placeOrderErrors)) {
      for (const detail of [undefined, '', 'x', 'line one\nline two', '$1 ${x} `y` */']) expect(javaMatches(patterns[name]!, make(detail).message), `${name}(${detail})`).toBe(true);
    }
  });

  it('the token authorizer builds IAM policies from the methodArn', async () => {
    const methodArn = 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/POST/items';
    expect(await auth({ type: 'TOKEN', methodArn, authorizationToken: 'Bearer admin' }, lambdaContext)).toEqual({
      principalId: 'admin',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/*/*'] }] },
      context: { role: 'admin', level: 3 },
    });
    const reader = await auth({ type: 'TOKEN', methodArn, authorizationToken: 'Bearer reader' }, lambdaContext);
    expect(reader.policyDocument.Statement[0].Resource).toEqual(['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/POST/items']);
    await expect(auth({ type: 'TOKEN', methodArn, authorizationToken: 'nope' }, lambdaContext)).rejects.toThrow('Unauthorized');

    const policy = await importModule<{ routeResourceArn(arn: string, key: string): string; denyStage(arn: string): unknown; parseExecuteApiArn(arn: string): unknown }>(dir, 'policy.generated');
    expect(policy.routeResourceArn(methodArn, 'GET /items/{id}')).toBe('arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/items/*');
    expect(policy.routeResourceArn(methodArn, 'ANY /{proxy+}')).toBe('arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/*/*');
    expect(policy.routeResourceArn(methodArn, 'GET /')).toBe('arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/');
    expect(() => policy.parseExecuteApiArn('arn:aws:lambda:us-east-1:1:function:x')).toThrow(/not an execute-api method ARN/);
    // The generated authorizer stub denies everything until implemented.
    const stub = (await importModule<{ handler: Handler }>(dir, 'shop-auth')).handler;
    const denied = await stub({ type: 'TOKEN', methodArn, authorizationToken: 'Bearer admin' }, lambdaContext);
    expect(denied.policyDocument.Statement).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/*/*'] }]);
  });
});

describe('generated HTTP API (payload 2.0) handlers run', () => {
  let things: Handler;
  let thingsAuth: Handler;
  let dir: string;

  beforeAll(async () => {
    ({ dir } = await generate(HTTP_SPEC, { 'things-impl.ts': THINGS_IMPL, 'things-auth-impl.ts': THINGS_AUTH_IMPL }));
    expect(formatErrors(typecheck(dir))).toBe('');
    things = (await importModule<{ handler: Handler }>(dir, 'things-impl')).handler;
    thingsAuth = (await importModule<{ handler: Handler }>(dir, 'things-auth-impl')).handler;
  });

  it('routes by routeKey, types the JWT context, and sends the simplified form as 200 JSON', async () => {
    const res = await things(httpEventV2({ routeKey: 'GET /things/{id}', rawPath: '/things/7', pathParameters: { id: '7' }, authorizer: { jwt: { claims: { sub: 'user-1' }, scopes: ['things/read'] } } }), lambdaContext);
    expect(res).toEqual({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: '7', label: 'user-1' }) });
  });

  it('validates v2 bodies', async () => {
    const post = (body: string) => things(httpEventV2({ routeKey: 'POST /things', rawPath: '/things', body, headers: { 'content-type': 'application/json' }, authorizer: { lambda: { tier: 'gold' } } }), lambdaContext);
    const created = await post('{"id":"1","label":"ok"}');
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toEqual({ id: '1', label: 'ok' });
    const tooLong = await post('{"id":"1","label":"far too long a label"}');
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(tooLong.body).message).toMatch(/label must NOT have more than 10 characters/);
  });

  it('simple-response authorizer helpers', async () => {
    const event = { version: '2.0', type: 'REQUEST', routeArn: 'arn:aws:execute-api:us-east-1:123456789012:h7t8p9/$default/POST/things', identitySource: ['letmein'], routeKey: 'POST /things', rawPath: '/things', rawQueryString: '', cookies: [], headers: { authorization: 'letmein' }, requestContext: {} };
    expect(await thingsAuth(event, lambdaContext)).toEqual({ isAuthorized: true, context: { tier: 'gold' } });
    expect(await thingsAuth({ ...event, identitySource: ['nope'] }, lambdaContext)).toEqual({ isAuthorized: false });
    const stub = (await importModule<{ handler: Handler }>(dir, 'things-auth')).handler;
    expect(await stub(event, lambdaContext)).toEqual({ isAuthorized: false });
  });
});
