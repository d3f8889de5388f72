// The root check resolves symbolic links whether the link is the referenced file itself or one of
// its folders (the reader resolves folders once and files by lstat; both must still be caught).
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { expectApigwError, writeTree } from './helpers.js';

const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';

describe('symbolic links and the project root', () => {
  it('a referenced file that is a link to a file outside the root → REF_OUTSIDE_ROOT', async () => {
    const outside = writeTree({ 'secret.yaml': 'type: object\n' });
    const dir = writeTree({ 'api/api.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: schemas/a.yaml\n`, 'api/schemas/keep.yaml': 'type: string\n' });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'api/schemas/a.yaml'));
    const error = await expectApigwError(load(path.join(dir, 'api/api.yaml')));
    expect(error.code).toBe('REF_OUTSIDE_ROOT');
    expect(error.position).toEqual({ file: path.join(dir, 'api/api.yaml'), line: 7, column: 7 });
  });

  it('links that stay inside the root load, and files beside each other share their folder', async () => {
    const dir = writeTree({
      'api/api.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: schemas/a.yaml\n    B:\n      $ref: alias/b.yaml\n    C:\n      $ref: schemas/link-to-b.yaml\n`,
      'api/schemas/a.yaml': 'type: string\n',
      'api/schemas/b.yaml': 'type: integer\n',
    });
    symlinkSync(path.join(dir, 'api/schemas'), path.join(dir, 'api/alias'));
    symlinkSync(path.join(dir, 'api/schemas/b.yaml'), path.join(dir, 'api/schemas/link-to-b.yaml'));
    const doc = await load(path.join(dir, 'api/api.yaml'));
    const schemas = (doc.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.A).toEqual({ type: 'string' });
    expect(schemas.B).toEqual({ type: 'integer' });
    expect(schemas.C).toEqual({ type: 'integer' });
  });
});
