// `$ref: ../shared/common.yaml` from api/openapi.yaml, through the real CLI: read when a config file
// or .git sits one folder up, or with --root / `root`; refused otherwise, saying how to allow it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, hasStackTrace, project, run } from './helpers.js';

const SPEC = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: \'../shared/common.yaml\'\n';
const temps: string[] = [];
function splitProject(extra: Record<string, string> = {}): string {
  const dir = project();
  temps.push(dir);
  mkdirSync(join(dir, 'api'));
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'api/openapi.yaml'), SPEC);
  writeFileSync(join(dir, 'shared/common.yaml'), 'type: string\n');
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}
beforeAll(() => buildDist());
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the project root', () => {
  it('with nothing above the spec: refused at the $ref, saying how to allow it', () => {
    const dir = splitProject();
    const r = run(['lint', 'api/openapi.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'api/openapi.yaml')}:7:7: $ref "../shared/common.yaml" points outside the project root ${join(dir, 'api')}`);
    expect(r.stderr).toContain('pass --root <folder> or set "root" in apigw-gen.config');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it.each([
    ['a config file one folder up', { 'apigw-gen.config.json': '{}' }, []],
    ['a .git one folder up', { '.git': 'gitdir: /elsewhere\n' }, []],
    ['--root', {}, ['--root', '.']],
    ['`root` in a config given with --config', { 'cfg.json': '{"root": "."}' }, ['--config', 'cfg.json']],
  ])('read with %s', (_what, extra, flags) => {
    const dir = splitProject(extra);
    for (const command of ['lint', 'routes']) {
      const r = run([command, 'api/openapi.yaml', ...flags], dir);
      expect(r.stderr).not.toContain('outside the project root');
      expect(r.code).toBe(0);
    }
  });

  it('--root wins over the config: a narrower root refuses again', () => {
    const dir = splitProject({ 'apigw-gen.config.json': '{}' });
    const r = run(['lint', 'api/openapi.yaml', '--root', 'api'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the project root');
  });
});
