// The shared naming contract (src/emit/shared/vtl-files.ts) that the gateway target also reads.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/model/index.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import { disambiguate, fileSegment, listTemplateSites, requestFileBase, responseFileBase, routeFolderBase, templateFileAt } from '../../../src/emit/shared/vtl-files.js';
import { emitTemplates, type TemplatesIndex } from '../../../src/emit/templates/index.js';

const documentOf = (document: Record<string, unknown>): LoadedDocument => ({ entry: '/v.yaml', files: ['/v.yaml'], version: '3.0', document, sourceMap: { lookup: () => undefined } });

describe('segments', () => {
  it.each([
    ['application/json', 'application-json'],
    ['application/vnd.api+json; charset=UTF-8', 'application-vnd-api-json-charset-utf-8'],
    ['*/*', 'any-any'],
    ['../../', 'x'],
    ['', 'x'],
    ['4XX', '4xx'],
  ])('%j → %j', (text, segment) => expect(fileSegment(text)).toBe(segment));

  it('route folders', () => {
    expect(routeFolderBase({ method: 'POST', path: '/pets/{petId}', isDefaultRoute: false })).toBe('post-pets-petid');
    expect(routeFolderBase({ method: 'GET', path: '/', isDefaultRoute: false })).toBe('get-root');
    expect(routeFolderBase({ method: 'ANY', path: '/{proxy+}', isDefaultRoute: false })).toBe('any-proxy');
    expect(routeFolderBase({ method: 'ANY', path: '$default', isDefaultRoute: true })).toBe('default-route');
    expect(requestFileBase('text/plain')).toBe('request.text-plain');
    expect(responseFileBase(undefined, 'application/json')).toBe('response.no-status.application-json');
  });

  it('collisions are hashed from each holder\'s own identity, case-insensitively', () => {
    const [a, b, c] = disambiguate([{ base: 'x', identity: '1' }, { base: 'X', identity: '2' }, { base: 'y', identity: '3' }]);
    expect(a).toMatch(/^x-[0-9a-f]{8}$/);
    expect(b).toMatch(/^X-[0-9a-f]{8}$/);
    expect(a!.toLowerCase()).not.toBe(b!.toLowerCase());
    expect(c).toBe('y');
    expect(disambiguate([{ base: 'x', identity: '2' }, { base: 'X', identity: '1' }])).toEqual([b!.replace(/^X/, 'x'), a!.replace(/^x/, 'X')]);
  });
});

describe('templateFileAt and generated-vs-extracted clashes', () => {
  const spec = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/pets/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } },
          'x-amazon-apigateway-integration': {
            type: 'aws',
            httpMethod: 'POST',
            uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/GetItem',
            responses: { default: { statusCode: '200' }, '2\\d{2}': { statusCode: '200', responseTemplates: { 'application/json': '$input.body' } } },
          },
        },
      },
    },
  };
  const api = normalize(documentOf(spec));

  it('finds the file of a template by its pointer', () => {
    const pointer = '/paths/~1pets~1{id}/get/x-amazon-apigateway-integration/responses/2\\d{2}/responseTemplates/application~1json';
    expect(templateFileAt(api, pointer)).toBe('get-pets-id/response.200.application-json.vtl');
    expect(listTemplateSites(api)[0]).toMatchObject({ selectionPattern: '2\\d{2}', statusCode: '200', text: '$input.body' });
    expect(templateFileAt(api, '/nope')).toBeUndefined();
  });

  it('a generated template never overwrites an extracted one', () => {
    const files = emitTemplates(api, { document: documentOf(spec), config: {} });
    expect(files.get('get-pets-id/response.200.application-json.vtl')!.content).toBe('$input.body');
    const index = JSON.parse(files.get('index.json')!.content) as TemplatesIndex;
    const generated = index.templates.find((t) => t.direction === 'response' && t.origin === 'generated')!;
    expect(generated.file).toBe('get-pets-id/response.200.application-json-generated.vtl');
    expect(generated.selectionPattern).toBe('default');
    expect(files.get(generated.file)!.content).toContain("#if($input.path('$').containsKey('Item'))");
  });
});
