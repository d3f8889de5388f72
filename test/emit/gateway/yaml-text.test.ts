// YamlTextMemo must write exactly what `yaml`'s stringify writes (template.yaml is compared byte for
// byte by `build --check`), on its first call and on later calls that reuse earlier pairs' text.

import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { TEMPLATE_YAML_OPTIONS, YamlTextMemo } from '../../../src/emit/gateway/yaml-text.js';
import { ApigwError } from '../../../src/errors.js';
import { emitSpec, SHARED } from './helpers.js';
import { itShared } from '../../support/shared.js';

const plain = (value: unknown) => stringify(value, TEMPLATE_YAML_OPTIONS);

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Strings that push the yaml package into every scalar style it has: plain, quoted, block (with
// blank lines, leading spaces, trailing newlines), and keys that need quoting or the `? ` form.
const AWKWARD = [
  '', ' ', 'plain', 'yes', 'null', '~', '1.0', '0x1F', '-', '- item', 'a: b', 'a #b', '#c', '@x', '`tick`', "it's", '"dq"',
  'line1\nline2', 'para\n\npara', '  leading\nspaces', 'trailing\n', 'trailing\n\n\n', '\nleading newline', 'tab\there',
  'cr\r\nlf', 'u\u2028sep', 'emoji 😀', '*/ ${x}', '{a: 1}', '[1, 2]', '!tag', '&anchor', '%dir', 'x'.repeat(1100),
  '| block', '> folded', 'key:\n  nested: text', '   \n   ', 'ends with space ',
];
const KEYS = ['a', 'b', 'Name', '__proto__', 'constructor', '1', '01', 'with space', 'x: y', '- dash', '', '?', 'k'.repeat(1030), 'paths', '/v1/x/{id}', 'get'];

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 7 || r < 0.35) {
    const s = next();
    if (s < 0.5) return AWKWARD[Math.floor(next() * AWKWARD.length)];
    if (s < 0.65) return Math.floor(next() * 2000) - 1000;
    if (s < 0.7) return next() * 1e6;
    if (s < 0.8) return next() < 0.5;
    return null;
  }
  if (r < 0.55) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  // The loader and emitters build null-prototype objects from spec keys: both kinds must render alike.
  const map: Record<string, unknown> = next() < 0.3 ? Object.create(null) : {};
  const size = Math.floor(next() * 5);
  for (let i = 0; i < size; i++) {
    const key = KEYS[Math.floor(next() * KEYS.length)]!;
    Object.defineProperty(map, key, { value: randomValue(next, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return map;
}

/** A deep copy that keeps null prototypes (structuredClone would not). */
function clone(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, { value: clone((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** A copy with one leaf somewhere (deep first) replaced. */
function mutate(value: unknown, next: () => number): unknown {
  const copy = clone(value) as Record<string, unknown>;
  let node: unknown = copy;
  for (;;) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[Math.floor(next() * keys.length)]!;
    const child = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object' || next() < 0.2) {
      (node as Record<string, unknown>)[key] = `changed ${next()}`;
      break;
    }
    node = child;
  }
  return copy;
}

/** The template object exactly as buildGateway makes it (null-prototype objects included), not a parse of its text. */
function realTemplate(emitted: { build: { template: unknown } }): unknown {
  return emitted.build.template;
}

describe('YamlTextMemo', () => {
  it('matches stringify on awkward scalars and keys, first call and reused', () => {
    const value: Record<string, unknown> = {};
    AWKWARD.forEach((s, i) => {
      value[`k${i}`] = { deep: { deeper: { deepest: { s, list: [s, { s }], map: { [s || 'empty']: s } } } } };
    });
    KEYS.forEach((k) => Object.defineProperty(value, k, { value: { inner: { [k || 'e']: { v: k } } }, enumerable: true, writable: true, configurable: true }));
    value.empty = {};
    value.emptyList = [];
    value.skipped = undefined;
    const memo = new YamlTextMemo();
    expect(memo.text(value)).toBe(plain(value));
    expect(memo.stats.fellBack).toBe(false);
    expect(memo.text(value)).toBe(plain(value));
    expect(memo.stats.rendered).toBe(0);
    expect(memo.stats.reused).toBeGreaterThan(AWKWARD.length);
  });

  it('matches stringify on 400 random documents, each followed by a one-leaf edit that reuses the rest', () => {
    const next = rng(20240601);
    const memo = new YamlTextMemo();
    let reusedSomething = false;
    for (let i = 0; i < 400; i++) {
      const value = { Resources: { Api: { Properties: { Body: randomValue(next, 0) } } }, Extra: randomValue(next, 0) };
      expect(memo.text(value), `document ${i}`).toBe(plain(value));
      const edited = mutate(value, next);
      expect(memo.text(edited), `document ${i} edited`).toBe(plain(edited));
      if (memo.stats.reused > 0) reusedSomething = true;
    }
    expect(reusedSomething).toBe(true);
  });

  it('falls back to one plain stringify for values JSON cannot tell apart', () => {
    const cases: unknown[] = [
      { a: { b: new Date(0) } },
      { a: { b: Number.NaN } },
      { a: { b: -0 } },
      { a: { b: [1, undefined, 2] } },
      // eslint-disable-next-line no-sparse-arrays
      { a: { b: [1, , 2] } },
      { a: { b: new (class Thing { x = 1 })() } },
      { a: { b: new Map([['k', 'v']]) } },
      ['top', 'level', 'list'],
      'scalar',
      {},
    ];
    const memo = new YamlTextMemo();
    for (const value of cases) {
      memo.text({ a: { b: 'warm the memo' } });
      expect(memo.text(value)).toBe(plain(value));
      expect(memo.stats.fellBack).toBe(true);
    }
  });

  itShared('reuses all but the edited operation on the real Stripe template (null-prototype objects and all)', async () => {
    const stripe = resolve(SHARED, 'specs/stripe/openapi.yaml');
    const emitted = await emitSpec(stripe);
    const { build } = emitted;
    const template = realTemplate(emitted);
    const memo = new YamlTextMemo();
    const cold = memo.text(template);
    expect(memo.stats.fellBack).toBe(false);
    expect(cold).toBe(plain(template));
    expect(cold).toBe(build.files.get('template.yaml')!.content);
    const paths = (template as any).Resources.Api.Properties.Body.paths as Record<string, Record<string, { description?: string }>>;
    paths['/v1/account']!.get!.description = 'Edited.\n\nTwo paragraphs.';
    const warm = memo.text(template);
    expect(memo.stats.fellBack).toBe(false);
    expect(warm).toBe(plain(template));
    expect(memo.stats.rendered).toBe(1);
    expect(memo.stats.reused).toBeGreaterThan(1000);
  }, 120_000);

  itShared('writes what stringify writes for every corpus spec template, one memo across all', async () => {
    const dir = resolve(SHARED, 'corpus/apigw');
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(50);
    const memo = new YamlTextMemo();
    let checked = 0;
    for (const file of files) {
      let template: unknown;
      try {
        template = realTemplate(await emitSpec(join(dir, file)));
      } catch (error) {
        if (error instanceof ApigwError) continue; // a spec the pipeline rejects is another test's business
        throw error;
      }
      expect(memo.text(template), file).toBe(plain(template));
      expect(memo.stats.fellBack, file).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  }, 300_000);
});
