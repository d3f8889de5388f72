// The built CLI loads the precompiled OpenAPI schema validators on first use (a synchronous
// require() of the ES module from dist/); each version's fast and all-errors validator must load
// and report, both through the yargs-free `lint` path and through yargs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, run } from './helpers.js';

let dir: string;
beforeAll(() => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'apigw-gen-oas-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADS = { '2.0': 'swagger: "2.0"', '3.0': 'openapi: 3.0.3', '3.1': 'openapi: 3.1.0' } as const;
// The 3.1 schema refuses unknown properties with unevaluatedProperties, which ajv reports on the object.
const EXPECTED: Record<string, [string, number]> = { '2.0': ['/bogus', 3], '3.0': ['/bogus', 3], '3.1': ['', 1] };

describe('OAS-001 from the built CLI', () => {
  for (const [version, head] of Object.entries(HEADS)) {
    it(`OpenAPI ${version}: an unknown top-level property is reported`, () => {
      const file = join(dir, `bad-${version}.yaml`);
      writeFileSync(file, `${head}\ninfo: {title: t, version: "1"}\nbogus: 1\npaths: {}\n`);
      for (const extra of [[], ['--allow-remote-refs']]) {
        const r = run(['lint', file, '--format', 'json', ...extra]);
        expect(r.stderr).toBe('');
        const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; pointer: string; line: number }[] };
        expect(diagnostics.filter((d) => d.ruleId === 'OAS-001').map((d) => [d.pointer, d.line])).toEqual([EXPECTED[version]]);
      }
    });
  }

  it('a valid document gets no OAS-001', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const r = run(['lint', file, '--format', 'json']);
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'OAS-001')).toEqual([]);
  });
});
