// The sample requests APIGW-VTL-013 renders templates with: spec keys (parameter names, schema
// properties) are data, so `__proto__` stays an ordinary key — also when allOf parts are merged.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../helpers.js';
import { sampleRequest, sampleRequests } from '../../../../src/lint/rules/vtl/sample-request.js';

const SPEC = `
openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /things/{__proto__}:
    post:
      parameters:
        - {name: __proto__, in: path, required: true, schema: {type: string, example: p}}
        - {name: __proto__, in: query, schema: {type: string, example: q}}
        - {name: __proto__, in: header, schema: {type: string, example: h}}
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - {$ref: '#/components/schemas/Base'}
                - {type: object, properties: {__proto__: {type: string, example: from-allOf}, name: {type: string}}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Base: {type: object, properties: {constructor: {type: integer}}}
`;

describe('sampleRequest with __proto__ keys', () => {
  it('keeps a parameter and an allOf property named __proto__ as own keys', async () => {
    const { api } = await lintText(SPEC, {}, 'rest', { rules: [] });
    const route = api.routes[0]!;
    const req = sampleRequest(route, 'application/json', api.models);
    expect(Object.keys(req.path!)).toEqual(['__proto__']);
    expect(req.path!['__proto__']).toBe('p');
    expect(Object.keys(req.query!)).toEqual(['__proto__']);
    expect(req.query!['__proto__']).toBe('q');
    expect(Object.keys(req.headers!).sort()).toEqual(['Content-Type', '__proto__']);
    const body = JSON.parse(req.body!) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['__proto__', 'constructor', 'name']);
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toBe('from-allOf');
    const numeric = sampleRequests(route, 'application/json', api.models)[1]!;
    expect(Object.keys(numeric.query!)).toEqual(['__proto__']);
  });
});
