// Seeded fuzzing of the CLI with mutated fixture specs: nodes deleted, duplicated, retyped, hostile
// strings and keys inserted (`__proto__`, `../../x`, control characters, huge numbers), values nested
// past the limit, `$ref`s swapped. Whatever the spec, the CLI ends in exit 0, 1 or 2, never 70 or a
// stack trace, within the ceilings, and writes nothing outside its output folder. Most cases run
// main() in-process (what bin/apigw-gen.js runs, with the same argv); a handful spawn the real CLI.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseSource } from '../../src/load/parse.js';
import { bin, buildDist, fixture, hasStackTrace } from '../cli/helpers.js';

/**
 * Fixed, so a failure reproduces. To explore, run with APIGW_FUZZ_SEED and APIGW_FUZZ_RUNS set, and
 * keep whatever that finds as a regression test of its own.
 */
const SEED = Number(process.env.APIGW_FUZZ_SEED ?? 20_261_208);
const IN_PROCESS_RUNS = Number(process.env.APIGW_FUZZ_RUNS ?? 60);
const SPAWNED_RUNS = 4;
const CASE_TIME_LIMIT_MS = 60_000;
const RSS_LIMIT = 1024 * 1024 * 1024;

/** Entry files of the fixtures (multi-file: only the entry is mutated; its other files are copied beside it). */
const FIXTURES = ['petstore/openapi.yaml', 'http-api/openapi.yaml', 'swagger2/swagger.yaml', 'sam-intrinsics/openapi.yaml', 'cfn-template/template.yaml', 'multi-file/openapi.yaml'];

const HOSTILE_STRINGS = [
  '__proto__', 'constructor', 'prototype', '../../x', '../../../../../../tmp/escaped', '/etc/passwd', 'C:\\\\Windows\\\\x',
  'a\u0000b', '\u001b[31mred\u001b[0m', '\r\n', '\u2028', '\ud800', '', ' ', '*/ evil(); /*', '`${process.exit(1)}`',
  '{{constructor}}', '$input.json(\'$\')', '#set($x = $x)', "'; DROP TABLE x; --", '<script>', '{x+}', '/{a}/{a}', '%zz',
  'x'.repeat(10_000),
];
const HOSTILE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, 4_294_967_296, -1, 1e-320];
const HOSTILE_REFS = [
  '#/components/schemas/__proto__', '#/', '#', '#/paths', '#/definitions/x', '#/../../x', '../../x.yaml', '/etc/passwd',
  'x.yaml#/a', 'http://127.0.0.1:9/x.yaml', 'file:///etc/passwd', '#/components/schemas/%', '#/info/title/0',
];

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** A mutation, as plain data (fast-check shrinks and prints it): where (a choice among containers) and what. */
type Mutation =
  | { op: 'delete' | 'duplicate' | 'deepen'; at: number; pick: number; size: number }
  | { op: 'retype'; at: number; pick: number; value: Json }
  | { op: 'insert-key'; at: number; key: string; value: Json }
  | { op: 'swap-ref'; at: number; pick: number; ref: string };

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, true, [], {}, [[[]]], { $ref: '#/components/schemas/Pet' }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'deepen' as const), at: fc.nat(), pick: fc.nat(), size: fc.integer({ min: 1, max: 160 }) }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), pick: fc.nat(), value: hostileValue }),
  fc.record({ op: fc.constant('insert-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 })), value: hostileValue }),
  fc.record({ op: fc.constant('swap-ref' as const), at: fc.nat(), pick: fc.nat(), ref: fc.constantFrom(...HOSTILE_REFS) }),
);

const fuzzCase = fc.record({
  fixture: fc.constantFrom(...FIXTURES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  format: fc.constantFrom('yaml' as const, 'json' as const),
  command: fc.constantFrom('lint' as const, 'routes' as const, 'build' as const),
});
type FuzzCase = typeof fuzzCase extends fc.Arbitrary<infer T> ? T : never;

/** Every container of `root` (iteratively, each once even when shared), root first. */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const seen = new Set<object>();
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    out.push(node as Container);
    for (const child of Object.values(node)) stack.push(child);
  }
  return out;
}

function keysOf(c: Container): string[] {
  return Array.isArray(c) ? c.map((_, i) => String(i)) : Object.keys(c);
}

function setKey(c: Container, key: string, value: Json): void {
  if (Array.isArray(c)) c[Number(key)] = value;
  else Object.defineProperty(c, key, { value, enumerable: true, writable: true, configurable: true });
}

function nest(size: number): Json {
  let v: Json = 'leaf';
  for (let i = 0; i < size; i++) v = i % 2 === 0 ? [v] : { n: v };
  return v;
}

function apply(doc: Json, m: Mutation): void {
  const all = containers(doc);
  const c = all[m.at % all.length] as Container;
  const keys = keysOf(c);
  const key = keys.length > 0 ? (keys[('pick' in m ? m.pick : 0) % keys.length] as string) : undefined;
  switch (m.op) {
    case 'delete':
      if (key === undefined) return;
      if (Array.isArray(c)) c.splice(Number(key), 1);
      else delete c[key];
      return;
    case 'duplicate': {
      if (key === undefined) return;
      // the same value somewhere else too (a copy: a YAML dump of shared objects would write anchors)
      const target = all[(m.at + m.size) % all.length] as Container;
      const value = structuredClone((c as Record<string, Json>)[key]);
      if (Array.isArray(target)) target.push(value);
      else setKey(target, `${key}${m.size % 2 === 0 ? '' : '-copy'}`, value);
      return;
    }
    case 'deepen':
      if (key !== undefined) setKey(c, key, nest(m.size));
      return;
    case 'retype':
      if (key !== undefined) setKey(c, key, structuredClone(m.value));
      return;
    case 'insert-key':
      if (Array.isArray(c)) c.push(structuredClone(m.value));
      else setKey(c, m.key, structuredClone(m.value));
      return;
    case 'swap-ref': {
      // an existing $ref pointed elsewhere, or a $ref put where there was none
      const holders = all.filter((h): h is Record<string, Json> => !Array.isArray(h) && typeof h.$ref === 'string');
      const holder = holders.length > 0 ? (holders[m.pick % holders.length] as Record<string, Json>) : undefined;
      if (holder) holder.$ref = m.pick % 3 === 0 ? (holders[(m.pick + 1) % holders.length] as Record<string, Json>).$ref : m.ref;
      else if (key !== undefined) setKey(c, key, { $ref: m.ref });
      return;
    }
  }
}

/** Every file under `dir` (relative path → size and mtime), to see what a run wrote. */
function listTree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of listTree(full, `${prefix}${entry.name}/`)) out.set(k, v);
    else {
      const s = statSync(full);
      out.set(`${prefix}${entry.name}`, `${s.size}:${s.mtimeMs}`);
    }
  }
  return out;
}

let root: string;
const parsed = new Map<string, Json>();

beforeAll(async () => {
  buildDist();
  root = mkdtempSync(join(tmpdir(), 'apigw-fuzz-'));
  for (const f of FIXTURES) parsed.set(f, parseSource(readFileSync(fixture(f), 'utf8'), fixture(f)).data);
  // Load every module main() imports now (vitest transforms them on first import, which can take
  // longer than a case may), so that a case's time is the spec's.
  const io = { out: () => undefined, err: () => undefined, cwd: root, isTTY: false, color: false };
  for (const command of ['lint', 'routes']) await main([command, fixture('petstore/openapi.yaml')], { io });
  await main(['build', fixture('petstore/openapi.yaml'), '--out', join(root, 'warm-up')], { io });
});

interface Prepared {
  caseDir: string;
  spec: string;
  args: string[];
  before: Map<string, string>;
}

let caseNumber = 0;

/**
 * Writes the mutated spec three folders below the fuzz root (`../../x` from the output folder
 * still lands inside the root, where a write would be seen), with the fixture's other files beside it.
 */
function prepare(c: FuzzCase): Prepared {
  const caseDir = join(root, `case-${caseNumber++}`, 'a', 'b');
  const fixtureDir = dirname(fixture(c.fixture));
  mkdirSync(caseDir, { recursive: true });
  cpSync(fixtureDir, caseDir, { recursive: true });
  const doc = structuredClone(parsed.get(c.fixture));
  for (const m of c.mutations) apply(doc, m);
  const spec = join(caseDir, `spec.${c.format}`);
  rmSync(join(caseDir, c.fixture.split('/')[1] as string));
  writeFileSync(spec, c.format === 'json' ? JSON.stringify(doc, null, 1) : dump(doc, { noRefs: true, lineWidth: -1 }));
  const args = c.command === 'build' ? ['build', spec, '--out', join(caseDir, 'out')] : [c.command, spec];
  return { caseDir, spec, args, before: listTree(root) };
}

/** What the run may have written: only files under the case's output folder. */
function writtenOutside(p: Prepared): string[] {
  const outPrefix = `${join(p.caseDir, 'out').slice(root.length + 1)}/`;
  const after = listTree(root);
  return [...after].filter(([k, v]) => p.before.get(k) !== v && !k.startsWith(outPrefix)).map(([k]) => k);
}

function check(p: Prepared, code: number | null, stderr: string, ms: number): void {
  const seen = `apigw-gen ${p.args.join(' ')} → ${code} after ${ms} ms\n${stderr.slice(0, 1500)}`;
  expect([0, 1, 2], seen).toContain(code);
  expect(hasStackTrace(stderr), seen).toBe(false);
  expect(stderr, seen).not.toMatch(/internal error/);
  if (code === 2) expect(stderr, seen).toMatch(/^apigw-gen: /m);
  expect(ms, seen).toBeLessThan(CASE_TIME_LIMIT_MS);
  expect(writtenOutside(p), seen).toEqual([]);
}

describe('fuzzed fixture specs', () => {
  it(`in-process main(): ${IN_PROCESS_RUNS} seeded cases end in 0/1/2, within the ceilings, writing only to the output folder`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const p = prepare(c);
        let stderr = '';
        const started = Date.now();
        const code = await main(p.args, { io: { out: () => undefined, err: (t) => void (stderr += t), cwd: p.caseDir, isTTY: false, color: false } });
        if (process.env.APIGW_FUZZ_LOG) console.log(`${code} ${p.args[0]} ${stderr.split('\n').find((l) => l.startsWith('apigw-gen:'))?.slice(0, 160) ?? ''}`);
        check(p, code, stderr, Date.now() - started);
        expect(process.memoryUsage().rss).toBeLessThan(RSS_LIMIT);
      }),
      { seed: SEED, numRuns: IN_PROCESS_RUNS, endOnFailure: true },
    );
  }, 60_000 + IN_PROCESS_RUNS * 3_000);

  it(`the real CLI (1 GB heap): ${SPAWNED_RUNS} seeded cases end in 0/1/2`, () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        const p = prepare(c);
        const started = Date.now();
        const r = spawnSync(process.execPath, ['--max-old-space-size=1024', bin, ...p.args], {
          cwd: p.caseDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', APIGW_GEN_DEBUG: '' }, timeout: CASE_TIME_LIMIT_MS,
        });
        expect(r.signal, `killed: ${r.signal}`).toBeNull();
        check(p, r.status, r.stderr, Date.now() - started);
      }),
      { seed: SEED + 1, numRuns: SPAWNED_RUNS, endOnFailure: true },
    );
  });
});
