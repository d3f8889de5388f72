// OpenAPI 3.x inputs and outputs: $ref'd parameters / bodies / responses / headers, merging,
// style and explode defaults.

import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/model/index.js';
import { documentOf } from './helpers.js';

const api = normalize(
  documentOf({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/items/{id}': {
        parameters: [{ $ref: '#/components/parameters/Id' }, { name: 'trace', in: 'header', schema: { type: 'string' } }],
        put: {
          parameters: [
            { name: 'trace', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } },
            { name: 'fields', in: 'query', style: 'pipeDelimited', schema: { type: 'array', items: { type: 'string' } } },
            { name: 'sid', in: 'cookie', schema: { type: 'string' } },
            { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
            { name: 'bogus', in: 'body', schema: { type: 'string' } },
            { $ref: '#/components/parameters/Missing' },
          ],
          requestBody: { $ref: '#/components/requestBodies/Item' },
          responses: {
            '200': { $ref: '#/components/responses/Item' },
            '4XX': { description: 'client error', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } },
            'x-note': 'not a response',
          },
        },
      },
    },
    components: {
      parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
      requestBodies: { Item: { required: true, description: 'the item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } }, 'text/plain': {} } } },
      responses: { Item: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
      headers: { RetryAfter: { required: true, schema: { type: 'integer' }, description: 'seconds' } },
      schemas: { Item: { type: 'object' } },
    },
  }),
);
const route = api.routes[0]!;

describe('OpenAPI 3.x operation inputs and outputs', () => {
  it('merges path-level and operation parameters, the operation winning by name+in', () => {
    expect(route.parameters.map((p) => [p.in, p.name, p.pointer])).toEqual([
      ['path', 'id', '/components/parameters/Id'],
      ['header', 'trace', '/paths/~1items~1{id}/put/parameters/0'],
      ['query', 'fields', '/paths/~1items~1{id}/put/parameters/1'],
      ['cookie', 'sid', '/paths/~1items~1{id}/put/parameters/2'],
      ['query', 'filter', '/paths/~1items~1{id}/put/parameters/3'],
    ]);
    expect(route.parameters[1]).toMatchObject({ required: true, schema: { format: 'uuid' } });
  });

  it('applies style/explode defaults by location', () => {
    const byName = Object.fromEntries(route.parameters.map((p) => [p.name, [p.style, p.explode]]));
    expect(byName).toEqual({ id: ['simple', false], trace: ['simple', false], fields: ['pipeDelimited', false], sid: ['form', true], filter: ['form', true] });
    expect(route.parameters.find((p) => p.name === 'filter')!.schema).toEqual({ type: 'object' });
  });

  it('resolves request bodies, responses and headers through components', () => {
    expect(route.requestBody).toEqual({
      required: true,
      description: 'the item',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } }, 'text/plain': {} },
      pointer: '/components/requestBodies/Item',
    });
    expect(route.responses.map((r) => [r.status, r.pointer])).toEqual([
      ['200', '/components/responses/Item'],
      ['4XX', '/paths/~1items~1{id}/put/responses/4XX'],
    ]);
    expect(route.responses[1]!.headers['Retry-After']).toEqual({ schema: { type: 'integer' }, required: true, description: 'seconds' });
  });
});
