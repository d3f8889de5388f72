// The spec `-`: read from standard input by lint, build and routes; positions read <stdin>:line:col
// and relative $refs are resolved against the working directory.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, fixture, hasStackTrace, project, run } from './helpers.js';

const petstore = readFileSync(fixture('petstore/openapi.yaml'), 'utf8');
const HEAD = 'openapi: 3.0.1\ninfo: { title: x, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n';
let dir: string;
beforeAll(() => {
  buildDist();
  dir = project();
  writeFileSync(join(dir, 'common.yaml'), 'type: string\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the spec - (standard input)', () => {
  it('lint reports positions as <stdin>:line:col', () => {
    const r = run(['lint', '-', '--format', 'json'], dir, `${HEAD}    Self:\n      $ref: '#/components/schemas/Self'\n`);
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number }[] }).diagnostics.find((x) => x.ruleId === 'OAS-007');
    expect(d).toMatchObject({ file: '<stdin>', line: 7, column: 7 });
  });

  it('lint gives the same report as for the file', () => {
    const fromFile = run(['lint', fixture('petstore/openapi.yaml'), '--format', 'json'], dir);
    const fromStdin = run(['lint', '-', '--format', 'json'], dir, petstore);
    const strip = (out: string) => (JSON.parse(out) as { diagnostics: { file: string }[] }).diagnostics.map(({ file: _file, ...rest }) => rest);
    expect(fromStdin.code).toBe(fromFile.code);
    expect(strip(fromStdin.stdout)).toEqual(strip(fromFile.stdout));
  });

  it('routes and build read it too', () => {
    const routes = run(['routes', '-', '--format', 'json'], dir, petstore);
    expect(routes.code).toBe(0);
    expect((JSON.parse(routes.stdout) as unknown[]).length).toBeGreaterThan(0);
    const build = run(['build', '-', '--out', 'gen', '--targets', 'sdk'], dir, petstore);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^apigw-gen: gen \d+ added/);
    expect(existsSync(join(dir, 'gen/sdk'))).toBe(true);
  });

  it('relative $refs are resolved against the working directory', () => {
    const r = run(['lint', '-', '--format', 'json'], dir, `${HEAD}    A:\n      $ref: 'common.yaml'\n    B:\n      $ref: './missing.yaml'\n`);
    const found = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; file: string; line: number; message: string }[] }).diagnostics.filter((x) => x.ruleId === 'OAS-002');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: '<stdin>', line: 9 });
    expect(found[0]!.message).toContain('missing.yaml');
  });

  it.each([
    ['a syntax error', 'openapi: [\n', /^apigw-gen: <stdin>:2:1: /],
    ['a $ref out of the root', `${HEAD}    A:\n      $ref: '../../outside.yaml'\n`, /^apigw-gen: <stdin>:7:7: \$ref "..\/..\/outside.yaml" points outside the project root/],
  ])('%s is reported at <stdin>:line:col, exit 2', (_what, text, message) => {
    const r = run(['lint', '-'], dir, text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('build --watch refuses it', () => {
    const r = run(['build', '-', '--watch'], dir, petstore);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--watch cannot watch standard input');
  });
});
