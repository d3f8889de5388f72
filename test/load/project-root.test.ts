// The default project root: the highest of the spec's folder, the repository root (nearest folder
// with .git) and the config file's folder, each only when it holds the spec. Refs out of it stay refused.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, projectRoot } from '../../src/load/index.js';
import { expectApigwError, writeTree } from './helpers.js';

const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';
const SPLIT = {
  'api/openapi.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: '../shared/common.yaml'\n`,
  'shared/common.yaml': 'type: string\n',
};

describe('projectRoot', () => {
  it('is the spec folder, or the repository root above it, or the config folder, whichever is higher', () => {
    const dir = writeTree(SPLIT);
    const entry = path.join(dir, 'api/openapi.yaml');
    expect(projectRoot(entry)).toBe(path.join(dir, 'api'));
    expect(projectRoot(entry, dir)).toBe(dir);
    // a config below the spec, or beside it elsewhere, does not narrow or move the root
    expect(projectRoot(entry, path.join(dir, 'api/sub'))).toBe(path.join(dir, 'api'));
    expect(projectRoot(entry, path.join(dir, 'shared'))).toBe(path.join(dir, 'api'));
    mkdirSync(path.join(dir, '.git'));
    expect(projectRoot(entry)).toBe(dir);
    expect(projectRoot(entry, path.join(dir, 'api'))).toBe(dir);
  });

  it('a worktree .git file marks a repository too', () => {
    const dir = writeTree({ ...SPLIT, '.git': 'gitdir: /elsewhere\n' });
    expect(projectRoot(path.join(dir, 'api/openapi.yaml'))).toBe(dir);
  });
});

describe('load with the default root', () => {
  it('a $ref one folder up is read when .git is there, refused (saying how to allow it) when not', async () => {
    const dir = writeTree(SPLIT);
    const refused = await expectApigwError(load(path.join(dir, 'api/openapi.yaml')));
    expect(refused.code).toBe('REF_OUTSIDE_ROOT');
    expect(refused.position).toEqual({ file: path.join(dir, 'api/openapi.yaml'), line: 7, column: 7 });
    expect(refused.message).toContain('to allow it, pass --root <folder> or set "root" in apigw-gen.config');
    mkdirSync(path.join(dir, '.git'));
    const loaded = await load(path.join(dir, 'api/openapi.yaml'));
    expect((loaded.document.components as { schemas: Record<string, unknown> }).schemas.A).toEqual({ type: 'string' });
  });

  it('refs out of the repository, directly or through a link, stay refused', async () => {
    const outside = writeTree({ 'secret.yaml': 'type: object\n' });
    const dir = writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'api/up.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: ../../${path.basename(outside)}/secret.yaml\n`,
      'api/linked.yaml': `${HEAD}components:\n  schemas:\n    A:\n      $ref: ../shared/link/secret.yaml\n`,
    });
    mkdirSync(path.join(dir, 'shared'));
    symlinkSync(outside, path.join(dir, 'shared/link'));
    for (const entry of ['api/up.yaml', 'api/linked.yaml']) {
      const error = await expectApigwError(load(path.join(dir, entry)));
      expect(error.code).toBe('REF_OUTSIDE_ROOT');
      expect(error.message).toContain(`outside the project root ${dir}`);
    }
  });

  it('an explicit root that does not hold the spec is an error, not a silent pass', async () => {
    const dir = writeTree(SPLIT);
    writeFileSync(path.join(dir, 'other.txt'), '');
    const error = await expectApigwError(load(path.join(dir, 'api/openapi.yaml'), { root: path.join(dir, 'shared') }));
    expect(error.code).toBe('REF_OUTSIDE_ROOT');
    expect(error.message).toMatch(/the spec .*openapi\.yaml is outside the project root/);
  });
});
