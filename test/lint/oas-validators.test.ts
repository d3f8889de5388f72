// The precompiled OpenAPI validators must be what generate.mjs produces from the installed ajv and
// schemas (not stale), and must judge documents like the schemas do.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- plain ESM generator script without types
import { generate, FILES } from '../../src/lint/rules/oas/precompiled/generate.mjs';
import { openApiValidator, openApiValidatorAllErrors } from '../../src/lint/rules/oas/schema-validators.js';
import { REPO } from './helpers.js';

const DIR = join(REPO, 'src/lint/rules/oas/precompiled');

describe('precompiled OpenAPI schema validators', () => {
  for (const [version, allErrors, file] of FILES as [string, boolean, string][]) {
    it(`${file} is up to date (node src/lint/rules/oas/precompiled/generate.mjs)`, () => {
      expect(readFileSync(join(DIR, file), 'utf8') === generate(version, allErrors)).toBe(true);
    });
  }

  it('the allErrors validators report every problem, the fast ones stop at the first', () => {
    const doc = { openapi: '3.0.1', info: { title: 't' }, paths: { '/a': { get: { responses: { 200: {} } } } } };
    const fast = openApiValidator('3.0');
    const all = openApiValidatorAllErrors('3.0');
    expect(fast(doc)).toBe(false);
    expect(all(doc)).toBe(false);
    expect(fast.errors).toHaveLength(1);
    expect(all.errors!.length).toBeGreaterThan(1);
  });

  it('accept valid documents and reject invalid ones, per version', () => {
    const v20 = openApiValidator('2.0');
    expect(v20({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} })).toBe(true);
    expect(v20({ swagger: '2.0', info: { title: 't' }, paths: {} })).toBe(false);
    const v30 = openApiValidator('3.0');
    expect(v30({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {} })).toBe(true);
    expect(v30({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { 200: { description: 'ok', headers: { X: { description: 'no schema' } } } } } } } })).toBe(false);
    const v31 = openApiValidator('3.1');
    expect(v31({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} })).toBe(true);
    expect(v31({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { 200: {} } } } } })).toBe(false);
  });
});
