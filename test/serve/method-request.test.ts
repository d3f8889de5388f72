// Request validators and gateway responses (AWS docs "Request validation for REST APIs in API
// Gateway", "Set up gateway responses to customize error responses", "Gateway response types").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, proxyTo, restSpec, serveSpec, type Served } from './helpers.js';

const petSchema = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer' }, owner: { $ref: '#/components/schemas/Owner' } } };

function spec(gatewayResponses: Record<string, unknown> = {}) {
  return restSpec(
    {
      '/pets': {
        post: {
          ...proxyTo('Pets'),
          'x-amazon-apigateway-request-validator': 'all',
          parameters: [
            { name: 'dryRun', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'optional', in: 'query', required: false, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        },
      },
      '/loose': { post: { ...proxyTo('Pets'), parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] } },
    },
    {
      components: { schemas: { Pet: petSchema, Owner: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
      'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
      'x-amazon-apigateway-gateway-responses': gatewayResponses,
    },
  );
}

describe('request validation', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(spec(), { handlers: { Pets: () => ({ statusCode: 201, body: 'created' }) } });
  });
  afterAll(() => s.close());
  const post = (query: string, headers: Record<string, string>, body: string) => call(`${s.url}/local/pets${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  // AWS docs "Request validation for REST APIs in API Gateway".
  it('lets a valid request through', async () => {
    const r = await post('?dryRun=1', { 'X-Tenant': 't' }, '{"name": "Rex", "owner": {"id": "o1"}}');
    expect([r.status, r.body]).toEqual([201, 'created']);
  });

  // AWS docs "Request validation for REST APIs in API Gateway": Missing required request parameters: [a, b].
  it('answers 400 naming every missing required parameter', async () => {
    const r = await post('', {}, '{"name": "Rex"}');
    expect(r.status).toBe(400);
    expect(r.body).toBe('{"message":"Missing required request parameters: [dryRun, X-Tenant]"}');
    expect(r.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(s.runtime.events.Pets?.length ?? 0).toBe(1);
  });

  // AWS docs "Request validation for REST APIs in API Gateway": the body against the model (JSON Schema draft 4); an empty body is {}.
  it('answers 400 Invalid request body for a body that breaks the model (refs to other models included)', async () => {
    for (const body of ['{"age": 3}', '{"name": 5}', '{"name": "Rex", "owner": {}}', '{not json', '']) {
      const r = await post('?dryRun=1', { 'X-Tenant': 't' }, body);
      expect(r.status, body).toBe(400);
      expect(r.body).toBe('{"message":"Invalid request body"}');
      expect(r.headers['x-amzn-errortype']).toBe('BadRequestException');
    }
  });

  // AWS docs "Request validation for REST APIs in API Gateway": validation only where a validator is set.
  it('does not validate a route without a validator', async () => {
    expect((await call(`${s.url}/local/loose`, { method: 'POST' })).status).toBe(201);
  });
});

describe('gateway responses', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(
      spec({
        BAD_REQUEST_BODY: {
          statusCode: '422',
          responseParameters: { 'gatewayresponse.header.X-Tenant-Was': 'method.request.header.X-Tenant', 'gatewayresponse.header.X-Fixed': "'yes'" },
          responseTemplates: { 'application/json': '{"error": $context.error.messageString, "detail": "$util.escapeJavaScript($context.error.validationErrorString)", "type": "$context.error.responseType"}' },
        },
        DEFAULT_4XX: { responseTemplates: { 'application/json': '{"oops": $context.error.messageString}' } },
        DEFAULT_5XX: { statusCode: '503', responseTemplates: { 'application/json': '{"down": true, "id": "$context.requestId"}' } },
      }),
      { handlers: { Pets: () => ({ statusCode: 200, body: { bad: 1 } }) } },
    );
  });
  afterAll(() => s.close());

  // AWS docs "Set up gateway responses to customize error responses" and "Gateway response types".
  it('applies the customised status, parameters and template, with validationErrorString', async () => {
    const r = await call(`${s.url}/local/pets?dryRun=1`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tenant': 'acme' }, body: '{"age": 1}' });
    expect(r.status).toBe(422);
    expect(r.headers['x-tenant-was']).toBe('acme');
    expect(r.headers['x-fixed']).toBe('yes');
    expect(r.headers['x-amzn-errortype']).toBe('BadRequestException');
    const body = r.json();
    expect(body.error).toBe('Invalid request body');
    expect(body.type).toBe('BAD_REQUEST_BODY');
    expect(body.detail).toContain('object has missing required properties (["name"])');
  });

  // AWS docs "Gateway response types": DEFAULT_4XX applies to 4XX types that are not customised.
  it('falls back to DEFAULT_4XX for a type that is not customised', async () => {
    const r = await call(`${s.url}/local/nothing`);
    expect(r.status).toBe(403);
    expect(r.body).toBe('{"oops": "Missing Authentication Token"}');
    expect(r.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  // AWS docs "Gateway response types": DEFAULT_5XX applies to 5XX types that are not customised.
  it('falls back to DEFAULT_5XX for integration failures', async () => {
    const r = await call(`${s.url}/local/loose?q=1`, { method: 'POST' });
    expect(r.status).toBe(503);
    expect(r.json()).toEqual({ down: true, id: r.headers['x-amzn-requestid'] });
  });
});
