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

  it('a $ref to a missing file → BROKEN_REF at the $ref', async () => {
    const dir = writeTree({ 'api.yaml': `${HEAD}paths:\n  /a:\n    $ref: paths/missing.yaml\n` });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('BROKEN_REF');
    expect(error.message).toContain('paths/missing.yaml');
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 5, column: 5 });
  });

  it('a $ref to a missing pointer in another file → BROKEN_REF at the $ref, in the file that has it', async () => {
    const dir = writeTree({
      'api.yaml': `${HEAD}paths:\n  /a:\n    $ref: paths/a.yaml\n`,
      'paths/a.yaml': 'get:\n  responses:\n    "200":\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: "../schemas.yaml#/Nope"}\n',
      'schemas.yaml': 'Pet: {type: object}\n',
    });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('BROKEN_REF');
    expect(error.message).toContain('/Nope');
    expect(error.position).toEqual({ file: path.join(dir, 'paths/a.yaml'), line: 7, column: 20 });
  });

  it('a broken internal $ref → BROKEN_REF at the $ref', async () => {
    const dir = writeTree({
      'api.json': JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Gone' } } } } } }, null, 2),
    });
    const error = await expectApigwError(load(path.join(dir, 'api.json')));
    expect(error.code).toBe('BROKEN_REF');
    expect(error.position).toEqual({ file: path.join(dir, 'api.json'), line: 12, column: 13 });
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
