// `$ref`s to files that are not YAML/JSON by name (mapping templates, Markdown) bundle the file's
// text, byte for byte, with the source map pointing at the `$ref` that brought it in.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { expectApigwError, writeTree } from './helpers.js';

const CREATE_VTL = '#set($x = 1)\n{\n  "TableName": "pets",\n  "Item": { "id": { "S": "$context.requestId" }, "x": $x }\n}\n';
const RESPONSE_VTL = '## the response body, unchanged\n#set($body = $input.path(\'$\'))\n## quotes: "double" and \'single\'\n{"items": $input.json("$.Items")}';

const API = `openapi: 3.0.3
info:
  title: t
  version: "1"
  description:
    $ref: docs/intro.md
paths:
  /pets:
    post:
      responses:
        '200':
          description: ok
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
        requestTemplates:
          application/json:
            $ref: ./templates/create.vtl
        responses:
          default:
            statusCode: '200'
            responseTemplates:
              application/json: {$ref: 'templates/response.vtl'}
`;

describe('text $refs', () => {
  it('bundle the content of .vtl and .md files as strings, byte-identical, located at the $ref', async () => {
    const dir = writeTree({
      'api.yaml': API,
      'templates/create.vtl': CREATE_VTL,
      'templates/response.vtl': RESPONSE_VTL,
      'docs/intro.md': '# Pets\n\nA *Markdown* intro: `code`, "quotes".\n',
    });
    const entry = path.join(dir, 'api.yaml');
    const { document, sourceMap, files } = await load(entry);
    const integration = (document.paths as any)['/pets'].post['x-amazon-apigateway-integration'];
    expect(integration.requestTemplates['application/json']).toBe(CREATE_VTL);
    expect(integration.responses.default.responseTemplates['application/json']).toBe(RESPONSE_VTL);
    expect((document.info as any).description).toBe('# Pets\n\nA *Markdown* intro: `code`, "quotes".\n');
    expect(files).toEqual([entry, path.join(dir, 'docs/intro.md'), path.join(dir, 'templates/create.vtl'), path.join(dir, 'templates/response.vtl')]);

    const base = '/paths/~1pets/post/x-amazon-apigateway-integration';
    expect(sourceMap.lookup(`${base}/requestTemplates/application~1json`)).toEqual({ file: entry, line: 19, column: 13 });
    expect(sourceMap.lookup(`${base}/responses/default/responseTemplates/application~1json`)).toEqual({ file: entry, line: 24, column: 34 });
    expect(sourceMap.lookup('/info/description')).toEqual({ file: entry, line: 6, column: 5 });
  });

  it('a template referenced from another file is located at the $ref in that file', async () => {
    const dir = writeTree({
      'api.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /pets:\n    $ref: paths/pets.yaml\n',
      'paths/pets.yaml': "get:\n  responses:\n    '200': {description: ok}\n  x-amazon-apigateway-integration:\n    type: mock\n    requestTemplates:\n      application/json:\n        $ref: ../templates/mock.vtl\n",
      'templates/mock.vtl': '#set($code = 200)\n{"statusCode": $code}',
    });
    const { document, sourceMap } = await load(path.join(dir, 'api.yaml'));
    const integration = (document.paths as any)['/pets'].get['x-amazon-apigateway-integration'];
    expect(integration.requestTemplates['application/json']).toBe('#set($code = 200)\n{"statusCode": $code}');
    expect(sourceMap.lookup('/paths/~1pets/get/x-amazon-apigateway-integration/requestTemplates/application~1json'))
      .toEqual({ file: path.join(dir, 'paths/pets.yaml'), line: 8, column: 9 });
  });

  it('a JSON pointer fragment on a text file → BROKEN_REF at the $ref', async () => {
    const dir = writeTree({
      'api.yaml': API.replace('./templates/create.vtl', './templates/create.vtl#/x'),
      'templates/create.vtl': CREATE_VTL,
      'templates/response.vtl': RESPONSE_VTL,
      'docs/intro.md': 'intro',
    });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('BROKEN_REF');
    expect(error.message).toMatch(/create\.vtl is read as text .*#\/x/);
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 19, column: 13 });
  });

  it('the root and missing-file rules apply to text files too', async () => {
    const outside = writeTree({ 'api/api.yaml': API.replace('./templates/create.vtl', '../secret.vtl'), 'secret.vtl': '#set($a = 1)', 'api/templates/response.vtl': 'x', 'api/docs/intro.md': 'x' });
    const refused = await expectApigwError(load(path.join(outside, 'api/api.yaml')));
    expect(refused.code).toBe('REF_OUTSIDE_ROOT');
    // A missing text file is a missing target like any other: recorded, and the load goes on.
    const missing = writeTree({ 'api.yaml': API, 'templates/response.vtl': 'x', 'docs/intro.md': 'x' });
    const loaded = await load(path.join(missing, 'api.yaml'));
    expect(loaded.brokenRefs).toHaveLength(1);
    expect(loaded.brokenRefs?.[0]?.message).toMatch(/file not found: .*create\.vtl/);
    expect(loaded.brokenRefs?.[0]?.position.file).toBe(path.join(missing, 'api.yaml'));
  });
});
