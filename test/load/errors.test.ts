// Each kind of bad input gives one ApigwError with its code and the file:line:column to fix.

import { symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { expectApigwError, writeTree } from './helpers.js';

const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\n';

describe('bad input', () => {
  it('missing entry file → FILE_NOT_FOUND', async () => {
    const dir = writeTree({});
    const error = await expectApigwError(load(path.join(dir, 'nope.yaml')));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain(path.join(dir, 'nope.yaml'));
  });

  it('malformed YAML → PARSE_ERROR at the line and column', async () => {
    const dir = writeTree({ 'api.yaml': `${HEAD}paths:\n  /a:\n    get: [unclosed\n  /b: {}\n` });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('PARSE_ERROR');
    // the unclosed flow sequence runs into the next key, where the reader stops
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 6, column: 3 });
    expect(error.format()).toMatch(/api\.yaml:6:3: invalid YAML: /);
  });

  it('YAML with a duplicated key → PARSE_ERROR at the duplicate', async () => {
    const dir = writeTree({ 'api.yaml': `${HEAD}paths:\n  /a: {}\n  /a: {}\n` });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toContain('duplicated mapping key');
    expect(error.position).toMatchObject({ line: 5, column: 3 });
  });

  it('malformed JSON → PARSE_ERROR at the line and column', async () => {
    const dir = writeTree({ 'api.json': '{\n  "openapi": "3.0.3",\n  "info": {"title": "t" "version": "1"},\n  "paths": {}\n}\n' });
    const error = await expectApigwError(load(path.join(dir, 'api.json')));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.position).toEqual({ file: path.join(dir, 'api.json'), line: 3, column: 25 });
  });

  it('JSON with a trailing comma → PARSE_ERROR at the closing brace', async () => {
    const dir = writeTree({ 'api.json': '{\n  "swagger": "2.0",\n  "paths": {},\n}\n' });
    const error = await expectApigwError(load(path.join(dir, 'api.json')));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.position).toMatchObject({ line: 4, column: 1 });
  });

  it('a document that is not OpenAPI → NOT_OPENAPI', async () => {
    const dir = writeTree({
      'template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n',
      'old.yaml': 'swaggerVersion: "1.2"\nopenapi: 2.5.0\n',
      'list.json': '[1, 2]',
      'empty.yaml': '# nothing here\n',
    });
    const template = await expectApigwError(load(path.join(dir, 'template.yaml')));
    expect(template.code).toBe('NOT_OPENAPI');
    // a CloudFormation template is read for its API resources; this one has none (reported at Resources)
    expect(template.message).toMatch(/CloudFormation template with no API resource carrying an OpenAPI definition/);
    expect(template.position).toEqual({ file: path.join(dir, 'template.yaml'), line: 2, column: 1 });
    const old = await expectApigwError(load(path.join(dir, 'old.yaml')));
    expect(old.code).toBe('NOT_OPENAPI');
    expect(old.message).toContain('2.5.0');
    expect(old.position).toMatchObject({ line: 2, column: 1 });
    expect((await expectApigwError(load(path.join(dir, 'list.json')))).code).toBe('NOT_OPENAPI');
    expect((await expectApigwError(load(path.join(dir, 'empty.yaml')))).code).toBe('NOT_OPENAPI');
  });

  // A missing target is not fatal: load records it (LoadedDocument.brokenRefs) and goes on, so lint
  // can report every one as OAS-002 (test/cli/broken-refs.test.ts runs that through the CLI).
  it('a $ref to a missing file → recorded at the $ref, the load goes on', async () => {
    const dir = writeTree({ 'api.yaml': `${HEAD}paths:\n  /a:\n    $ref: paths/missing.yaml\n  /b:\n    get: {responses: {"200": {description: ok}}}\n` });
    const loaded = await load(path.join(dir, 'api.yaml'));
    expect(loaded.brokenRefs).toEqual([{
      pointer: '/paths/~1a',
      ref: 'paths/missing.yaml',
      message: '$ref "paths/missing.yaml": file not found: paths/missing.yaml',
      reason: 'missing-file',
      targetFile: path.join(dir, 'paths/missing.yaml'),
      targetPointer: '',
      position: { file: path.join(dir, 'api.yaml'), line: 5, column: 5 },
    }]);
    // the rest is read, and the ref stays a ref (internal, naming nothing: see Bundler.recordExternalBroken)
    expect((loaded.document.paths as any)['/b'].get.responses['200'].description).toBe('ok');
    expect(Object.keys((loaded.document.paths as any)['/a'])).toEqual(['$ref']);
    expect((loaded.document.paths as any)['/a'].$ref).toMatch(/^#\//);
    expect(loaded.files).toEqual([path.join(dir, 'api.yaml')]);
  });

  it('a $ref to a missing pointer in another file → recorded at the $ref, in the file that has it', async () => {
    const dir = writeTree({
      'api.yaml': `${HEAD}paths:\n  /a:\n    $ref: paths/a.yaml\n`,
      'paths/a.yaml': 'get:\n  responses:\n    "200":\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: "../schemas.yaml#/Nope", description: kept}\n',
      'schemas.yaml': 'Pet: {type: object}\n',
    });
    const loaded = await load(path.join(dir, 'api.yaml'));
    const pointer = '/paths/~1a/get/responses/200/content/application~1json/schema';
    expect(loaded.brokenRefs).toEqual([{
      pointer,
      ref: '../schemas.yaml#/Nope',
      message: '$ref "../schemas.yaml#/Nope": ../schemas.yaml has no node at /Nope',
      reason: 'missing-node',
      targetFile: path.join(dir, 'schemas.yaml'),
      targetPointer: '/Nope',
      position: { file: path.join(dir, 'paths/a.yaml'), line: 7, column: 20 },
    }]);
    // no external ref is left behind (APIGW-DOC-003 would report it again); the sibling key stays
    const schema = (loaded.document.paths as any)['/a'].get.responses['200'].content['application/json'].schema;
    expect(schema.$ref.startsWith('#/')).toBe(true);
    expect(schema.description).toBe('kept');
    expect(loaded.sourceMap.lookup(pointer)?.file).toBe(path.join(dir, 'paths/a.yaml'));
  });

  it('a broken internal $ref → recorded at the $ref, kept as written', async () => {
    const dir = writeTree({
      'api.json': JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Gone' } } } } } }, null, 2),
    });
    const loaded = await load(path.join(dir, 'api.json'));
    expect(loaded.brokenRefs).toEqual([{
      pointer: '/paths/~1a/get/responses/200',
      ref: '#/components/responses/Gone',
      message: '$ref "#/components/responses/Gone": the document has no node at /components/responses/Gone',
      reason: 'missing-node',
      targetFile: path.join(dir, 'api.json'),
      targetPointer: '/components/responses/Gone',
      position: { file: path.join(dir, 'api.json'), line: 12, column: 13 },
    }]);
    expect((loaded.document.paths as any)['/a'].get.responses['200']).toEqual({ $ref: '#/components/responses/Gone' });
  });

  it('every broken $ref is recorded, of every kind, in the entry and in referenced files', async () => {
    const dir = writeTree({
      'api.yaml': `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{$ref: '#/components/parameters/Nope'}]\n      responses: {"200": {$ref: '#/components/responses/Gone'}}\n  /b:\n    $ref: paths/b.yaml\n  /c:\n    $ref: paths/c.yaml\ncomponents:\n  schemas:\n    Pet: {$ref: schemas.yaml#/Pet}\n    Owner: {$ref: schemas.yaml#/Owner}\n`,
      'paths/b.yaml': 'get:\n  responses:\n    "200":\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: "#/components/schemas/Entry"}\n',
      'schemas.yaml': 'Pet:\n  type: object\n  properties:\n    tag: {$ref: "tags.yaml"}\n',
    });
    const loaded = await load(path.join(dir, 'api.yaml'));
    const where = (b: { pointer: string; position: { file: string; line: number; column: number } }) =>
      `${b.pointer} ${path.relative(dir, b.position.file)}:${b.position.line}:${b.position.column}`;
    expect(loaded.brokenRefs?.map(where).sort()).toEqual([
      '/components/schemas/Owner api.yaml:15:13', // no /Owner in schemas.yaml
      '/components/schemas/Pet/properties/tag schemas.yaml:4:11', // tags.yaml does not exist
      '/paths/~1a/get/parameters/0 api.yaml:6:21', // internal, entry
      '/paths/~1a/get/responses/200 api.yaml:7:27', // internal, entry
      '/paths/~1b/get/responses/200/content/application~1json/schema paths/b.yaml:7:20', // entry-relative ref written in another file
      '/paths/~1c api.yaml:11:5', // paths/c.yaml does not exist
    ]);
    // what resolves is bundled as usual
    expect((loaded.document.components as any).schemas.Pet.type).toBe('object');
  });

  it('a $ref met twice through a YAML alias is recorded once, at the first place (the anchor)', async () => {
    const ok = (ref: string) => `&ok\n          description: ok\n          content:\n            application/json: {schema: {$ref: '${ref}'}}\n`;
    const dir = writeTree({
      'api.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        "200": ${ok('#/components/schemas/Pett')}        "201": *ok\n  /b:\n    get:\n      responses:\n        "200": ${ok('nope.yaml').replace('&ok', '&ok2')}        "201": *ok2\n`,
    });
    const loaded = await load(path.join(dir, 'api.yaml'));
    expect(loaded.brokenRefs?.map((b) => `${b.pointer} ${b.ref} ${b.position.line}:${b.position.column}`)).toEqual([
      // in the order met: external refs as they are read, internal ones once the bundle is complete
      '/paths/~1b/get/responses/200/content/application~1json/schema nope.yaml 18:41',
      '/paths/~1a/get/responses/200/content/application~1json/schema #/components/schemas/Pett 10:41',
    ]);
    // the alias's place is still a place that holds the broken ref (lint stays silent there too)
    expect(loaded.brokenRefs?.map((b) => b.alsoAt)).toEqual([
      ['/paths/~1b/get/responses/201/content/application~1json/schema'],
      ['/paths/~1a/get/responses/201/content/application~1json/schema'],
    ]);
    // a ref met once has no other place
    const once = writeTree({ 'api.yaml': `${HEAD}paths:\n  /a:\n    $ref: nope.yaml\n` });
    expect((await load(path.join(once, 'api.yaml'))).brokenRefs?.map((b) => b.alsoAt)).toEqual([undefined]);
  });

  it('messages name paths relative to the file the $ref is written in (portable baselines); the absolute target is a field', async () => {
    const files = {
      'api.yaml': `${HEAD}paths:\n  /a:\n    $ref: paths/a.yaml\n  /b:\n    $ref: './paths/../paths/gone.yaml'\n`,
      'paths/a.yaml': 'get:\n  responses:\n    "200":\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: "../schemas.yaml#/Nope"}\n',
      'schemas.yaml': 'Pet: {type: object}\n',
    };
    const one = writeTree(files);
    const two = writeTree(files);
    const [a, b] = [await load(path.join(one, 'api.yaml')), await load(path.join(two, 'api.yaml'))];
    expect(a.brokenRefs?.map((r) => r.message)).toEqual(b.brokenRefs?.map((r) => r.message));
    expect(a.brokenRefs?.map((r) => ({ reason: r.reason, targetFile: r.targetFile, targetPointer: r.targetPointer, message: r.message }))).toEqual([
      { reason: 'missing-file', targetFile: path.join(one, 'paths/gone.yaml'), targetPointer: '', message: '$ref "./paths/../paths/gone.yaml": file not found: paths/gone.yaml' },
      { reason: 'missing-node', targetFile: path.join(one, 'schemas.yaml'), targetPointer: '/Nope', message: '$ref "../schemas.yaml#/Nope": ../schemas.yaml has no node at /Nope' },
    ]);
    for (const r of a.brokenRefs ?? []) expect(r.message).not.toContain(one);
  });

  it("a built-in model is not declared over a section that is not a map: refs into it keep resolving, the model's ref is broken", async () => {
    // API Gateway's Empty/Error models are declared when referred to; `definitions` here is a list,
    // which declaring one would replace, so refs into the list would stop resolving.
    const ok = '{"200": {description: ok, schema: {$ref: "#/definitions/0"}}}';
    const dir = writeTree({
      'api.yaml': `swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get: {responses: ${ok}}\n  /b:\n    get: {responses: {"200": {description: ok, schema: {$ref: "#/definitions/Empty"}}}}\n  /c:\n    get: {responses: ${ok}}\ndefinitions:\n  - {type: string}\n`,
    });
    const loaded = await load(path.join(dir, 'api.yaml'));
    expect(loaded.brokenRefs?.map((b) => `${b.pointer} ${b.ref} ${b.message}`)).toEqual([
      '/paths/~1b/get/responses/200/schema #/definitions/Empty $ref "#/definitions/Empty": the document has no node at /definitions/Empty',
    ]);
    expect(loaded.document.definitions).toEqual([{ type: 'string' }]);
    // an empty (null) section is still filled in: nothing resolved under it
    const nullDir = writeTree({ 'api.yaml': `swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /b:\n    get: {responses: {"200": {description: ok, schema: {$ref: "#/definitions/Empty"}}}}\ndefinitions:\n` });
    const filled = await load(path.join(nullDir, 'api.yaml'));
    expect(filled.brokenRefs).toEqual([]);
    expect(filled.document.definitions).toEqual({ Empty: { title: 'Empty Schema', type: 'object' } });
  });

  it('a $ref to a folder, or with malformed percent-encoding, or a non-pointer fragment, is still fatal', async () => {
    const dir = writeTree({
      'folder.yaml': `${HEAD}paths:\n  /a:\n    $ref: paths\n`,
      'paths/x.yaml': 'get: {}\n',
      'percent.yaml': `${HEAD}paths:\n  /a:\n    $ref: 'x%zz.yaml'\n`,
      'anchor.yaml': `${HEAD}components:\n  schemas:\n    A: {$ref: '#pet'}\n`,
    });
    const folder = await expectApigwError(load(path.join(dir, 'folder.yaml')));
    expect(folder.code).toBe('BROKEN_REF');
    expect(folder.message).toMatch(/is not a file/);
    expect(folder.position).toEqual({ file: path.join(dir, 'folder.yaml'), line: 5, column: 5 });
    expect((await expectApigwError(load(path.join(dir, 'percent.yaml')))).message).toMatch(/malformed percent-encoding/);
    expect((await expectApigwError(load(path.join(dir, 'anchor.yaml')))).message).toMatch(/only JSON pointer fragments/);
  });

  it('a $ref outside the root → REF_OUTSIDE_ROOT, also through a symbolic link and with an explicit root', async () => {
    const outside = writeTree({ 'secret.yaml': 'type: object\n' });
    const dir = writeTree({
      'api/api.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: ../../${path.basename(outside)}/secret.yaml\n`,
      'api/linked.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: link/secret.yaml\n`,
      'api/nested/inner.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: ../shared.yaml\n`,
      'api/shared.yaml': 'type: string\n',
    });
    symlinkSync(outside, path.join(dir, 'api/link'));
    const error = await expectApigwError(load(path.join(dir, 'api/api.yaml')));
    expect(error.code).toBe('REF_OUTSIDE_ROOT');
    expect(error.position).toEqual({ file: path.join(dir, 'api/api.yaml'), line: 6, column: 7 });
    const linked = await expectApigwError(load(path.join(dir, 'api/linked.yaml')));
    expect(linked.code).toBe('REF_OUTSIDE_ROOT');
    // by default the root is the entry's folder; a wider root allows the parent
    expect((await expectApigwError(load(path.join(dir, 'api/nested/inner.yaml')))).code).toBe('REF_OUTSIDE_ROOT');
    const widened = await load(path.join(dir, 'api/nested/inner.yaml'), { root: path.join(dir, 'api') });
    expect((widened.document.components as any).schemas.A).toEqual({ type: 'string' });
  });

  describe('remote refs', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/pet.yaml') res.end('type: object\nproperties:\n  tag: {$ref: "tag.yaml"}\n');
        else if (req.url === '/tag.yaml') res.end('type: string\n');
        else {
          res.statusCode = 404;
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('are refused by default → REMOTE_REF at the $ref', async () => {
      const dir = writeTree({ 'api.yaml': `${HEAD}components:\n  schemas:\n    Pet:\n      $ref: '${base}/pet.yaml'\n` });
      const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
      expect(error.code).toBe('REMOTE_REF');
      expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 6, column: 7 });
      // the message names both ways to allow it
      expect(error.message).toContain('--allow-remote-refs');
      expect(error.message).toContain('"allowRemoteRefs": true');
    });

    it('are fetched when allowed, with their own relative refs', async () => {
      const dir = writeTree({ 'api.yaml': `${HEAD}components:\n  schemas:\n    Pet:\n      $ref: '${base}/pet.yaml'\n` });
      const loaded = await load(path.join(dir, 'api.yaml'), { allowRemoteRefs: true });
      const schemas = (loaded.document.components as any).schemas;
      expect(schemas.Pet.properties.tag).toEqual({ $ref: '#/components/schemas/tag' });
      expect(schemas.tag).toEqual({ type: 'string' });
      expect(loaded.files).toEqual([path.join(dir, 'api.yaml'), `${base}/pet.yaml`, `${base}/tag.yaml`]);
      expect(loaded.sourceMap.lookup('/components/schemas/Pet/properties')).toEqual({ file: `${base}/pet.yaml`, line: 2, column: 1 });
    });

    it('that fail to fetch → BROKEN_REF', async () => {
      const dir = writeTree({ 'api.yaml': `${HEAD}components:\n  schemas:\n    Pet:\n      $ref: '${base}/gone.yaml'\n` });
      const error = await expectApigwError(load(path.join(dir, 'api.yaml'), { allowRemoteRefs: true }));
      expect(error.code).toBe('BROKEN_REF');
      expect(error.message).toContain('HTTP 404');
    });
  });
});
