// APIGW-PARAM-002 reports value constraints API Gateway does not enforce, not serialization or
// documentation keywords (which the backend still reads from the raw value).

import { describe, it, expect } from 'vitest';
import { lintText } from '../../helpers.js';

const spec = (params: string) => `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /a:
    get:
      parameters:
${params}
      responses: { '200': { description: OK } }
      x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } }
`;

const param002 = async (params: string) =>
  (await lintText(spec(params), {}, 'rest')).diagnostics.filter((d) => d.ruleId === 'APIGW-PARAM-002');

describe('APIGW-PARAM-002', () => {
  it('does not report style, explode, example, deprecated or an items type', async () => {
    const found = await param002(`        - { name: expand, in: query, style: deepObject, explode: true, deprecated: true, example: [a], schema: { type: array, items: { type: string } } }`);
    expect(found).toEqual([]);
  });

  it('reports constraints on the parameter, its schema and the schema items, naming each', async () => {
    const found = await param002(`        - { name: ids, in: query, allowEmptyValue: false, style: form, schema: { type: array, maxItems: 3, items: { type: string, pattern: '^[a-z]+$' } } }`);
    expect(found).toHaveLength(1);
    expect(found[0]!.pointer).toBe('/paths/~1a/get/parameters/0');
    expect(found[0]!.message).toContain('allowEmptyValue, schema.maxItems, schema.items.pattern');
    expect(found[0]!.message).not.toContain('style');
  });
});
