import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Rule } from '../../src/lint/rule.js';
import { serializeBaseline, parseBaseline, allRules, compareDiagnostics } from '../../src/lint/index.js';
import { lintText } from './helpers.js';

const SPEC = `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a@b/{id}:
    get:
      responses: {'200': {description: ok}}
  /c:
    get:
      responses: {'200': {description: ok}}
    post:
      responses: {'200': {description: ok}}
components:
  schemas:
    Bad_Name: {type: object}
    Other_Name: {type: object}
`;

/** A probe rule that counts how often each node kind is visited. */
function probe(visits: Record<string, number>, appliesTo?: Rule['appliesTo']): Rule {
  const bump = (k: string) => (visits[k] = (visits[k] ?? 0) + 1);
  return {
    id: 'TEST-001', severity: 'warn', description: 'probe', fact: 'none', ...(appliesTo ? { appliesTo } : {}),
    visitors: {
      api: () => bump('api'),
      route: (r, ctx) => { bump('route'); ctx.report({ message: `route ${r.key} visited`, pointer: r.pointer }); },
      model: () => bump('model'),
      parameter: () => bump('parameter'),
      response: () => bump('response'),
    },
  };
}

describe('lint runner', () => {
  it('visits each node once per rule in a single walk', async () => {
    const visits: Record<string, number> = {};
    await lintText(SPEC, {}, 'rest', { rules: [probe(visits)] });
    expect(visits).toEqual({ api: 1, route: 3, model: 2, response: 3 });
  });

  it('skips rules whose appliesTo excludes the API kind', async () => {
    const visits: Record<string, number> = {};
    const { diagnostics } = await lintText(SPEC, {}, 'rest', { rules: [probe(visits, ['http'])] });
    expect(visits).toEqual({});
    expect(diagnostics).toEqual([]);
  });

  it('adds file:line:column from the source map and sorts by position', async () => {
    const { diagnostics } = await lintText(SPEC, {}, 'rest');
    const model = diagnostics.filter((d) => d.ruleId === 'APIGW-MODEL-001');
    expect(model.map((d) => [d.pointer, d.line, d.column])).toEqual([
      ['/components/schemas/Bad_Name', 14, 5],
      ['/components/schemas/Other_Name', 15, 5],
    ]);
    expect(model[0]!.file).toMatch(/spec-.*\.yaml$/);
    expect([...diagnostics].sort(compareDiagnostics)).toEqual(diagnostics);
    expect(diagnostics.find((d) => d.ruleId === 'APIGW-PATH-001')).toMatchObject({ pointer: '/paths/~1a@b~1{id}', line: 4 });
  });

  it('config can change a severity or turn a rule off', async () => {
    const base = (await lintText(SPEC, {}, 'rest')).diagnostics;
    expect(base.filter((d) => d.ruleId === 'APIGW-MODEL-001').map((d) => d.severity)).toEqual(['error', 'error']);
    const warned = (await lintText(SPEC, { lint: { rules: { 'APIGW-MODEL-001': 'warn' } } }, 'rest')).diagnostics;
    expect(warned.filter((d) => d.ruleId === 'APIGW-MODEL-001').map((d) => d.severity)).toEqual(['warn', 'warn']);
    const off = (await lintText(SPEC, { lint: { rules: { 'APIGW-MODEL-001': 'off' } } }, 'rest')).diagnostics;
    expect(off.filter((d) => d.ruleId === 'APIGW-MODEL-001')).toEqual([]);
    expect(off.length).toBe(base.length - 2);
  });

  it('ignores a rule at pointers (and beneath them), or every rule with *', async () => {
    const one = (await lintText(SPEC, { lint: { ignore: [{ rule: 'APIGW-MODEL-001', pointers: ['/components/schemas/Bad_Name'] }] } }, 'rest')).diagnostics;
    expect(one.filter((d) => d.ruleId === 'APIGW-MODEL-001').map((d) => d.pointer)).toEqual(['/components/schemas/Other_Name']);
    const all = (await lintText(SPEC, { lint: { ignore: [{ rule: '*', pointers: ['/components'] }] } }, 'rest')).diagnostics;
    expect(all.some((d) => d.pointer.startsWith('/components'))).toBe(false);
    expect(all.length).toBeGreaterThan(0);
  });

  it('a baseline suppresses today\'s problems but not new ones', async () => {
    const before = (await lintText(SPEC, {}, 'rest')).diagnostics;
    expect(before.length).toBeGreaterThan(0);
    const text = serializeBaseline(before);
    expect(JSON.parse(text).entries[0]).toHaveProperty('messageHash');
    const baseline = parseBaseline(text, 'baseline.json').entries;
    expect(baseline).toHaveLength(before.length);
    expect((await lintText(SPEC, {}, 'rest', { baseline })).diagnostics).toEqual([]);
    const changed = SPEC.replace('Other_Name: {type: object}', 'Other_Name: {type: object}\n    Third_Name: {type: object}');
    const after = (await lintText(changed, {}, 'rest', { baseline })).diagnostics;
    expect(after.map((d) => `${d.ruleId} ${d.pointer}`)).toEqual(['APIGW-MODEL-001 /components/schemas/Third_Name']);
  });

  it('a hand-written baseline entry with a message works, a malformed baseline is a clear error', async () => {
    const base = (await lintText(SPEC, {}, 'rest')).diagnostics.find((d) => d.ruleId === 'APIGW-MODEL-001')!;
    const baseline = parseBaseline(JSON.stringify([{ ruleId: base.ruleId, pointer: base.pointer, message: base.message }]), 'b.json').entries;
    const { diagnostics } = await lintText(SPEC, {}, 'rest', { baseline });
    expect(diagnostics.some((d) => d.pointer === base.pointer && d.ruleId === base.ruleId)).toBe(false);
    expect(() => parseBaseline('{"entries": [{"ruleId": 1}]}', 'bad.json')).toThrow(/bad\.json: entry 0 needs/);
  });

  it('is pure: a baseline named in the config is not read by lint (the CLI reads it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-baseline-'));
    const key = (d: { ruleId: string; pointer: string; message: string }) => `${d.ruleId} ${d.pointer} ${d.message}`;
    const all = (await lintText(SPEC, {}, 'rest')).diagnostics.map(key);
    expect(all.length).toBeGreaterThan(0);
    // The file does not exist: reading it would throw; lint reports everything instead.
    const config = { file: join(dir, 'apigw-gen.config.json'), lint: { baseline: 'missing.json' } };
    expect((await lintText(SPEC, config, 'rest')).diagnostics.map(key)).toEqual(all);
  });

  it('names the rule when a rule crashes', async () => {
    const broken: Rule = { id: 'TEST-CRASH', severity: 'error', description: 'x', fact: 'x', visitors: { route: () => { throw new Error('boom'); } } };
    await expect(lintText(SPEC, {}, 'rest', { rules: [broken] })).rejects.toThrow(/TEST-CRASH failed at \/paths/);
  });

  it('registers rules with unique ids, valid severities, descriptions and facts', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.id).toMatch(/^(OAS-\d{3}|APIGW-[A-Z]+-\d{3})$/);
      expect(['error', 'warn', 'info']).toContain(r.severity);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.fact.length).toBeGreaterThan(10);
      expect(Object.keys(r.visitors).length).toBeGreaterThan(0);
    }
  });
});
