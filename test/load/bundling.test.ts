// Bundling rules beyond the fixtures: Swagger 2.0 homes, pointer escapes, percent-encoded file
// names, JSON and YAML mixed, refs between components files, scalars kept in other files.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { expectSelfContained, fixturesDir, writeTree } from './helpers.js';

describe('bundling', () => {
  it('Swagger 2.0: external schemas, parameters and responses go to definitions, parameters and responses', async () => {
    const dir = writeTree({
      'swagger.json': JSON.stringify({
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: {
          '/pets/{id}': {
            parameters: [{ $ref: 'common.yaml#/parameters/Id' }],
            get: {
              responses: {
                '200': { description: 'ok', schema: { $ref: 'models/pet.json' } },
                '404': { $ref: 'common.yaml#/responses/NotFound' },
              },
            },
          },
        },
      }, null, 2),
      'common.yaml': 'parameters:\n  Id: {name: id, in: path, required: true, type: string}\nresponses:\n  NotFound:\n    description: nope\n    schema: {$ref: "models/error.yaml"}\n',
      'models/pet.json': '{"type": "object", "properties": {"error": {"$ref": "error.yaml"}}}',
      'models/error.yaml': 'type: object\nproperties:\n  message: {type: string}\n',
    });
    const { document, sourceMap } = await load(path.join(dir, 'swagger.json'));
    expectSelfContained(document);
    expect(Object.keys(document.definitions as object).sort()).toEqual(['error', 'pet']);
    expect(Object.keys(document.parameters as object)).toEqual(['Id']);
    expect(Object.keys(document.responses as object)).toEqual(['NotFound']);
    const item = (document.paths as any)['/pets/{id}'];
    expect(item.parameters).toEqual([{ $ref: '#/parameters/Id' }]);
    expect(item.get.responses['200'].schema).toEqual({ $ref: '#/definitions/pet' });
    expect(item.get.responses['404']).toEqual({ $ref: '#/responses/NotFound' });
    expect((document.definitions as any).pet.properties.error).toEqual({ $ref: '#/definitions/error' });
    expect((document.responses as any).NotFound.schema).toEqual({ $ref: '#/definitions/error' });
    expect(sourceMap.lookup('/definitions/error/properties/message')).toEqual({ file: path.join(dir, 'models/error.yaml'), line: 3, column: 3 });
    expect(sourceMap.lookup('/definitions/pet/properties')).toEqual({ file: path.join(dir, 'models/pet.json'), line: 1, column: 20 });
  });

  it('resolves ~0 / ~1 escapes, percent-encoded pointers and percent-encoded file names', async () => {
    const dir = writeTree({
      'api.yaml': `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'my%20schemas.yaml#/with~0tilde~1and%20slash'}
components:
  schemas:
    Local:
      $ref: '#/components/schemas/Weird~1Name'
    Weird/Name:
      type: string
`,
      'my schemas.yaml': '"with~tilde/and slash":\n  type: integer\n',
    });
    const { document } = await load(path.join(dir, 'api.yaml'));
    const schemas = (document.components as any).schemas;
    expect(schemas['with_tilde_and_slash']).toEqual({ type: 'integer' });
    expect((document.paths as any)['/a'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/with_tilde_and_slash' });
    expect(schemas.Local).toEqual({ $ref: '#/components/schemas/Weird~1Name' });
  });

  it('names clash-free: a second object with the same name gets a suffix; the same object is bundled once', async () => {
    const dir = writeTree({
      'api.yaml': `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: 'a/item.yaml'}}}}
        '201': {description: ok, content: {application/json: {schema: {$ref: 'b/item.yaml'}}}}
        '202': {description: ok, content: {application/json: {schema: {$ref: './a/../a/item.yaml'}}}}
components:
  schemas:
    item: {type: boolean}
`,
      'a/item.yaml': 'type: string\n',
      'b/item.yaml': 'type: number\n',
    });
    const { document, files } = await load(path.join(dir, 'api.yaml'));
    const schemas = (document.components as any).schemas;
    expect(schemas).toEqual({ item: { type: 'boolean' }, item_2: { type: 'string' }, item_3: { type: 'number' } });
    const responses = (document.paths as any)['/a'].get.responses;
    expect(responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/item_2');
    expect(responses['202'].content['application/json'].schema.$ref).toBe('#/components/schemas/item_2');
    expect(files).toHaveLength(3);
  });

  it('copies scalars kept in other files (descriptions), with their source position', async () => {
    const dir = writeTree({
      'api.yaml': 'openapi: 3.0.3\ninfo:\n  title: t\n  version: "1"\n  description:\n    $ref: docs.yaml#/intro\npaths: {}\n',
      'docs.yaml': 'intro: |\n  Hello\n  world\n',
    });
    const { document, sourceMap } = await load(path.join(dir, 'api.yaml'));
    expect((document.info as any).description).toBe('Hello\nworld\n');
    expect(sourceMap.lookup('/info/description')).toEqual({ file: path.join(dir, 'docs.yaml'), line: 1, column: 1 });
  });

  it('leaves $ref keys inside examples, enums and defaults alone', async () => {
    const dir = writeTree({
      'api.yaml': `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Doc:
      type: object
      example: {$ref: 'not/a/file.yaml'}
      default: {$ref: 'nor/this.yaml'}
  examples:
    Sample:
      value: {$ref: 'literal.yaml'}
`,
    });
    const { document } = await load(path.join(dir, 'api.yaml'));
    expect((document.components as any).schemas.Doc.example).toEqual({ $ref: 'not/a/file.yaml' });
    expect((document.components as any).examples.Sample.value).toEqual({ $ref: 'literal.yaml' });
  });

  it('a spec that refers to the same file from many places reads it once', async () => {
    const paths = Array.from({ length: 50 }, (_, i) => `  /r${i}:\n    get:\n      responses:\n        '500': {$ref: 'errors.yaml#/ServerError'}\n`).join('');
    const dir = writeTree({
      'api.yaml': `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n${paths}`,
      'errors.yaml': 'ServerError:\n  description: boom\n',
    });
    const { document, files } = await load(path.join(dir, 'api.yaml'));
    expect(files).toHaveLength(2);
    expect((document.components as any).responses.ServerError).toEqual({ description: 'boom' });
    expect(Object.values(document.paths as object).every((p: any) => p.get.responses['500'].$ref === '#/components/responses/ServerError')).toBe(true);
  });

  it('an object already bundled on its own is referred to, not copied, when its whole file is bundled later', async () => {
    const dir = writeTree({
      'api.yaml': `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters:
        - $ref: params.yaml#/Id
      responses:
        '200': {description: ok}
x-all-parameters:
  $ref: params.yaml
`,
      'params.yaml': 'Id: {name: id, in: query, schema: {type: string}}\nPage: {name: page, in: query, schema: {type: integer}}\n',
    });
    const { document, sourceMap } = await load(path.join(dir, 'api.yaml'));
    expect((document.components as any).parameters.Id).toEqual({ name: 'id', in: 'query', schema: { type: 'string' } });
    expect(document['x-all-parameters']).toEqual({
      Id: { $ref: '#/components/parameters/Id' },
      Page: { name: 'page', in: 'query', schema: { type: 'integer' } },
    });
    expect(sourceMap.lookup('/x-all-parameters/Page/schema')).toEqual({ file: path.join(dir, 'params.yaml'), line: 2, column: 31 });
  });
});

describe('schema files with their own definitions (OpenAPI 3.x)', () => {
  /** Every key `definitions`/`$defs` under components/schemas, as pointers. */
  function nestedDefinitionKeys(node: unknown, pointer: string, out: string[] = []): string[] {
    if (node === null || typeof node !== 'object') return out;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'definitions' || key === '$defs') out.push(`${pointer}/${key}`);
      nestedDefinitionKeys(value, `${pointer}/${key}`, out);
    }
    return out;
  }

  it('fixtures/multi-file: the bundle has no definitions inside schemas and validates as OpenAPI 3.0', async () => {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const entry = path.join(fixturesDir, 'multi-file/openapi.yaml');
    const { document, sourceMap } = await load(entry);
    const schemas = (document.components as any).schemas;
    expect(nestedDefinitionKeys(schemas, '/components/schemas')).toEqual([]);
    // NewPet, declared in the entry as pet.yaml#/definitions/NewPet, holds the schema itself
    expect(schemas.NewPet.required).toEqual(['name']);
    expect(sourceMap.lookup('/components/schemas/NewPet/properties')).toEqual({ file: path.join(fixturesDir, 'multi-file/schemas/pet.yaml'), line: 21, column: 5 });
    expectSelfContained(document);
    await expect(SwaggerParser.validate(structuredClone(document) as any)).resolves.toBeTruthy();
  });

  it('members nobody declared become components of their own; refs into them follow', async () => {
    const dir = writeTree({
      'api.yaml': `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'order.yaml'}
`,
      'order.yaml': 'type: object\nproperties:\n  line: {$ref: "#/definitions/Line"}\n  money: {$ref: "#/$defs/Money"}\ndefinitions:\n  Line:\n    type: object\n    properties:\n      price: {$ref: "#/$defs/Money"}\n$defs:\n  Money: {type: string, pattern: "^[0-9]+$"}\n',
    });
    const { document, sourceMap } = await load(path.join(dir, 'api.yaml'));
    const schemas = (document.components as any).schemas;
    expect(Object.keys(schemas).sort()).toEqual(['Line', 'Money', 'order']);
    expect(schemas.order).toEqual({ type: 'object', properties: { line: { $ref: '#/components/schemas/Line' }, money: { $ref: '#/components/schemas/Money' } } });
    expect(schemas.Line.properties.price).toEqual({ $ref: '#/components/schemas/Money' });
    expect(sourceMap.lookup('/components/schemas/Money/pattern')).toEqual({ file: path.join(dir, 'order.yaml'), line: 11, column: 25 });
    expectSelfContained(document);
  });

  it('OpenAPI 3.1 keeps $defs (a JSON Schema 2020-12 keyword) in place', async () => {
    const dir = writeTree({
      'api.yaml': 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Order: {$ref: order.yaml}\n',
      'order.yaml': 'type: object\nproperties:\n  money: {$ref: "#/$defs/Money"}\n$defs:\n  Money: {type: string}\n',
    });
    const { document } = await load(path.join(dir, 'api.yaml'));
    const order = (document.components as any).schemas.Order;
    expect(order.$defs).toEqual({ Money: { type: 'string' } });
    expect(order.properties.money).toEqual({ $ref: '#/components/schemas/Order/$defs/Money' });
  });
});
