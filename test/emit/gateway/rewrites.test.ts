// The rewrites for import: OpenAPI 3.1 → 3.0, REST import rules (§1.26), the other API type's
// extensions, model names, intrinsics — each one applied, logged, and the result lint-clean.

import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import { emitSpec, reload } from './helpers.js';
import { modelView } from './model-view.js';

describe('a 3.1 REST spec full of constructs import rejects or ignores', () => {
  // The HTTP-only cors extension would make normalize infer HTTP: the config says REST, as a user would.
  const emitted = emitSpec('test/emit/gateway/specs/rewrites-31.yaml', { apiType: 'rest' });

  it('becomes OpenAPI 3.0 with every construct rewritten', async () => {
    const { build } = await emitted;
    const doc = JSON.parse(build.files.get('openapi.rest.json')!.content);
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.webhooks).toBeUndefined();
    expect(doc.jsonSchemaDialect).toBeUndefined();
    expect(doc.info.summary).toBeUndefined();
    expect(doc.info.license).toEqual({ name: 'MIT' });
    // Models renamed to alphanumeric names, every reference updated.
    expect(Object.keys(doc.components.schemas)).toEqual(['thingList', 'ThingV2', 'ErrorBody', 'CountThings200Response']);
    expect(doc.components.schemas.thingList.items.$ref).toBe('#/components/schemas/ThingV2');
    expect(doc.paths['/things'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/thingList');
    // The response $ref is inlined; its schema ref renamed.
    expect(doc.paths['/things'].get.responses['404']).toEqual({ description: 'not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });
    const thing = doc.components.schemas.ThingV2.properties;
    expect(thing.id).toEqual({ type: 'string', enum: ['fixed'] }); // const → enum; readOnly removed
    expect(thing.label).toEqual({ type: 'string' }); // [string, null] → nullable (then removed for REST); examples → example (removed)
    expect(thing.weight).toEqual({ type: 'integer', format: 'int32', minimum: 0 }); // number+int32 → integer; exclusiveMinimum removed
    expect(thing.price).toEqual({ type: 'number' }); // decimal and default removed
    expect(thing.kind).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    // A primitive JSON response schema becomes a named model.
    expect(doc.paths['/things/count'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CountThings200Response' });
    expect(doc.components.schemas.CountThings200Response).toEqual({ type: 'integer' });
    // Root security moved onto the operations without their own; `security: []` kept.
    expect(doc.security).toBeUndefined();
    expect(doc.paths['/things'].get.security).toEqual([{ api_key: [] }]);
    expect(doc.paths['/things/count'].get.security).toEqual([]);
    // HTTP-only extensions and proxy-ignored fields removed; endpoint configuration moved into servers[0].
    expect(doc['x-amazon-apigateway-cors']).toBeUndefined();
    expect(doc.tags[0]).toEqual({ name: 'things' });
    expect(doc.paths['/things'].get['x-amazon-apigateway-integration'].payloadFormatVersion).toBeUndefined();
    expect(doc.paths['/things'].get['x-amazon-apigateway-integration'].passthroughBehavior).toBeUndefined();
    expect(doc['x-amazon-apigateway-endpoint-configuration']).toBeUndefined();
    expect(doc.servers[0]['x-amazon-apigateway-endpoint-configuration']).toEqual({ types: ['REGIONAL'] });
  });

  it('names each change in CHANGES.md and in the returned change list', async () => {
    const { build } = await emitted;
    const changes = build.changes.map((c) => `${c.kind} ${c.pointer}`);
    for (const expected of [
      'downgrade-3.1 /openapi',
      'downgrade-3.1 /components/schemas/Thing.V2/properties/label/type',
      'downgrade-3.1 /components/schemas/Thing.V2/properties/id/const',
      'rename-model /components/schemas/ThingV2',
      'inline /paths/~1things/get/responses/404',
      'rewrite-unsupported /security',
      'strip-other-api-type /x-amazon-apigateway-cors',
      'move /x-amazon-apigateway-endpoint-configuration',
    ]) expect(changes).toContain(expected);
    const md = build.files.get('CHANGES.md')!.content;
    expect(md).toContain('model "thing-list" renamed to thingList');
    expect(md).toContain('## Models renamed (alphanumeric names) (3)');
  });

  it('lints with zero errors once emitted, although the source has errors', async () => {
    const e = await emitted;
    expect(lint(e.api, e.document, {}).filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    const back = await reload(e);
    expect(lint(back.api, back.document, {}).filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([]);
  });
});

describe('an HTTP API with REST-only extensions', () => {
  it('drops them with a change each and lints clean', async () => {
    const e = await emitSpec('test/emit/gateway/specs/http-with-rest-extensions.yaml');
    const doc = JSON.parse(e.build.files.get('openapi.http.json')!.content);
    expect(doc['x-amazon-apigateway-request-validators']).toBeUndefined();
    expect(doc['x-amazon-apigateway-binary-media-types']).toBeUndefined();
    expect(doc['x-amazon-apigateway-cors']).toEqual({ allowOrigins: ['https://example.com'], allowMethods: ['GET'] });
    const integration = doc.paths['/items'].get['x-amazon-apigateway-integration'];
    expect(integration).toEqual({ type: 'aws_proxy', httpMethod: 'POST', payloadFormatVersion: '2.0', uri: 'arn:aws:lambda:us-east-1:123456789012:function:items' });
    expect(doc.paths['/items'].get['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(doc.paths['/$default']['x-amazon-apigateway-any-method'].isDefaultRoute).toBe(true);
    expect(e.build.changes.filter((c) => c.kind === 'strip-other-api-type').map((c) => c.pointer).sort()).toEqual([
      '/paths/~1items/get/x-amazon-apigateway-integration/requestTemplates',
      '/paths/~1items/get/x-amazon-apigateway-integration/responses',
      '/paths/~1items/get/x-amazon-apigateway-request-validator',
      '/x-amazon-apigateway-binary-media-types',
      '/x-amazon-apigateway-request-validators',
    ]);
    const back = await reload(e);
    expect(lint(back.api, back.document, {}).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('converts Swagger 2.0 for an HTTP API (HTTP import requires 3.0)', async () => {
    const e = await emitSpec('fixtures/swagger2/swagger.yaml', { apiType: 'http' });
    const doc = JSON.parse(e.build.files.get('openapi.http.json')!.content);
    expect(doc.openapi).toBe('3.0.1');
    expect(doc.servers).toEqual([{ url: 'https://calc.example.com/v1' }]);
    expect(doc.paths['/calc'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Input' });
  });
});

describe('CloudFormation intrinsics', () => {
  it('are resolved in the standalone JSON from gateway.parameters, and kept (as parameters) in the template', async () => {
    const config = { gateway: { parameters: { ListOrdersFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:list-orders' } } };
    const e = await emitSpec('fixtures/sam-intrinsics/openapi.yaml', config);
    const doc = JSON.parse(e.build.files.get('openapi.rest.json')!.content);
    expect(doc.paths['/orders'].get['x-amazon-apigateway-integration'].uri).toBe(
      'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:list-orders/invocations',
    );
    // Without a value it stays an intrinsic, with a change telling which parameter to set.
    expect(doc.paths['/orders'].post['x-amazon-apigateway-integration'].uri).toHaveProperty('Fn::Sub');
    expect(e.build.changes.find((c) => c.kind === 'unresolved-intrinsic' && c.pointer === '/paths/~1orders~1post/x-amazon-apigateway-integration/uri'.replace('~1post', '/post'))?.message).toContain(
      'gateway.parameters.CreateOrderFunctionArn',
    );
    const template = e.build.files.get('template.yaml')!.content;
    expect(template).toContain('functions/${ListOrdersFunctionArn}/invocations');
    expect(template).toMatch(/ListOrdersFunctionArn:\n\s+Type: String\n\s+Description: .*\n\s+Default: arn:aws:lambda:us-east-1:123456789012:function:list-orders/);
  });
});

describe('properties named like the schema keywords REST ignores', () => {
  const emitted = emitSpec('test/emit/gateway/specs/keyword-named-properties.yaml');

  it('are kept as properties; only the keywords themselves are removed', async () => {
    const { build } = await emitted;
    const settings = JSON.parse(build.files.get('openapi.rest.json')!.content).components.schemas.Settings;
    expect(settings.example).toBeUndefined();
    expect(settings.required).toEqual(['default', 'example']);
    expect(settings.properties).toEqual({
      default: { type: 'string' },
      example: { type: 'object', properties: { readOnly: { type: 'boolean' }, nullable: { type: 'integer' } } },
      discriminator: { type: 'string' },
    });
  });

  it('round-trips, and the comparison sees those properties (it would notice one going missing)', async () => {
    const e = await emitted;
    const back = await reload(e);
    const options = { renames: e.build.modelRenames, restRewrites: true };
    const view = modelView(back.api, options) as { models: { name: string; schema: any }[] };
    expect(view).toEqual(modelView(e.api, options));
    const settings = view.models.find((m) => m.name === 'Settings')!.schema;
    expect(Object.keys(settings.properties)).toEqual(['default', 'example', 'discriminator']);
    expect(Object.keys(settings.properties.example.properties)).toEqual(['readOnly', 'nullable']);
    // Losing the property named `default` is a difference the round trip reports.
    const model = back.api.models.find((m) => m.name === 'Settings')!;
    delete (model.schema.properties as Record<string, unknown>).default;
    expect(modelView(back.api, options)).not.toEqual(modelView(e.api, options));
  });
});

describe('Swagger 2.0 with a templated host and basePath', () => {
  const emitted = emitSpec('test/emit/gateway/specs/swagger2-templated-server.yaml');

  it('declares every server variable, each defaulting to the text 2.0 had', async () => {
    const e = await emitted;
    const doc = JSON.parse(e.build.files.get('openapi.rest.json')!.content);
    const [server] = doc.servers;
    expect(server).toEqual({
      url: 'https://{apiId}.execute-api.{region}.amazonaws.com{basePath}',
      variables: { apiId: { default: '{apiId}' }, region: { default: '{region}' }, basePath: { default: '/v1/{stage}' } },
    });
    for (const [, name] of (server.url as string).matchAll(/\{([^{}]*)\}/g)) expect(server.variables).toHaveProperty([name!]);
    // Filled with the defaults, the URL is the 2.0 host and basePath as written.
    const filled = (server.url as string).replace(/\{([^{}]*)\}/g, (_m: string, name: string) => server.variables[name].default);
    expect(filled).toBe('https://{apiId}.execute-api.{region}.amazonaws.com/v1/{stage}');
    expect(e.build.changes.some((c) => c.pointer === '/servers/0/variables' && c.message.startsWith('server variables apiId, region, basePath declared'))).toBe(true);
  });

  it('lints clean and round-trips with the same base path', async () => {
    const e = await emitted;
    const back = await reload(e);
    expect(lint(back.api, back.document, {}).filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([]);
    expect(back.api.basePath).toBe('/v1/{stage}');
    const options = { renames: e.build.modelRenames, restRewrites: true };
    expect(modelView(back.api, options)).toEqual(modelView(e.api, options));
  });
});
