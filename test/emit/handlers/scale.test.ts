// The generated types compile for any number of routes on one function. An array literal of route
// specs needed one union of all their types, which TypeScript gives up on past a few hundred
// thousand comparisons (TS2590 "Expression produces a union type that is too complex to
// represent": Kubernetes' 1,123 routes hit it). The route table is now an object keyed by method.
// A synthetic spec puts 3,000 routes — proxy with parameters, enums and bodies, and non-proxy with
// mapping templates — on one Lambda function, then runs the real compiler and the router.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers, planHandlers } from '../../../src/emit/handlers/index.js';
import { formatErrors, importModule, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { lambdaContext, restEvent } from './events.js';

const RESOURCES = 1000;
const uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:scale-fn/invocations';
const proxy = { type: 'aws_proxy', httpMethod: 'POST', uri };
const item = { $ref: '#/components/schemas/Item' };

/** Three routes per resource: a proxy GET (path, enum query), a proxy POST (JSON body) and a non-proxy PUT. */
function syntheticSpec(resources: number): object {
  const paths: Record<string, object> = {};
  for (let i = 0; i < resources; i++) {
    paths[`/r${i}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: `get${i}`,
        parameters: [{ name: 'view', in: 'query', schema: { type: 'string', enum: ['full', `brief${i}`] } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } }, '404': { description: 'missing' } },
        'x-amazon-apigateway-integration': proxy,
      },
      post: {
        operationId: `post${i}`,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: [`f${i}`], properties: { [`f${i}`]: { type: 'integer' } } } } } },
        responses: { '201': { description: 'created', content: { 'application/json': { schema: item } } } },
        'x-amazon-apigateway-integration': proxy,
      },
      put: {
        operationId: `put${i}`,
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } } },
        'x-amazon-apigateway-integration': {
          type: 'aws',
          httpMethod: 'POST',
          uri,
          requestTemplates: { 'application/json': `{"httpMethod": "$context.httpMethod", "resourcePath": "$context.resourcePath", "id": "$input.params('id')", "n": ${i}}` },
          responses: { default: { statusCode: '200' } },
        },
      },
    };
  }
  return {
    openapi: '3.0.1',
    info: { title: 'Scale', version: '1' },
    paths,
    components: { schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
  };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe('handlers for thousands of routes on one function', () => {
  it(`${RESOURCES * 3} routes compile under tsc --strict and route at run time`, async () => {
    const out = tempOutDir('scale');
    dirs.push(out);
    const specFile = join(out, 'openapi.json');
    writeFileSync(specFile, JSON.stringify(syntheticSpec(RESOURCES)));
    const document = await load(specFile);
    const api = normalize(document);
    const plan = planHandlers(api);
    expect(plan.functions).toHaveLength(1);
    expect(plan.functions[0]!.routes).toHaveLength(RESOURCES * 3);
    writeHandlers(emitHandlers(api, { document, config: {} }), out);
    const dir = join(out, 'handlers');
    expect(formatErrors(typecheck(dir, { noUnusedLocals: true, noUnusedParameters: true }))).toBe('');

    // The stubs' router reaches the first, a middle and the last route of each kind. The non-proxy
    // events carry `httpMethod`, as the README advises: that alone must not make them look like proxy events.
    const { handler } = await importModule<{ handler: (event: unknown, context: unknown) => Promise<any> }>(dir, 'scale-fn');
    for (const i of [0, 517, RESOURCES - 1]) {
      const get = await handler(restEvent({ method: 'GET', resource: `/r${i}/{id}`, path: `/r${i}/x`, pathParameters: { id: 'x' }, query: { view: `brief${i}` } }), lambdaContext);
      expect(JSON.parse(get.body)).toEqual({ message: `Not implemented: GET /r${i}/{id}` });
      const bad = await handler(restEvent({ method: 'POST', resource: `/r${i}/{id}`, path: `/r${i}/x`, pathParameters: { id: 'x' }, body: '{}' }), lambdaContext);
      expect(JSON.parse(bad.body)).toEqual({ message: `Invalid request body: (root) must have required property 'f${i}'` });
      await expect(handler({ httpMethod: 'PUT', resourcePath: `/r${i}/{id}`, id: 'x', n: i }, lambdaContext)).rejects.toThrow(`Not implemented: PUT /r${i}/{id}`);
    }
  }, 300_000);
});
