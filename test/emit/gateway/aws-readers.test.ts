// template.yaml as AWS and its tools read it: YAML 1.1 (CloudFormation, SAM CLI, cfn-lint, the AWS
// CLI) and YAML 1.2 must both read back the data it was written from; its resources must match the
// CloudFormation registry (and SAM's schema in SAM form); past CloudFormation's size quotas the build
// says so. Over every fixture and every corpus spec the pipeline loads (the big specs: big-specs.test.ts).

import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { ApigwError } from '../../../src/errors.js';
import { TEMPLATE_YAML_OPTIONS } from '../../../src/emit/gateway/yaml-text.js';
import { TEMPLATE_LIMITS } from '../../../src/emit/gateway/index.js';
import { cfnProblems, emitSpec, parseYaml11, samValidate, SHARED, yamlReadingProblems, type Emitted } from './helpers.js';
import { describeShared } from '../../support/shared.js';

/** Scalars YAML 1.1 reads as something other than the string (or number) YAML 1.2 reads. */
const YAML_1_1_TRAPS: unknown[] = [
  'NO', 'no', 'No', 'off', 'Off', 'OFF', 'on', 'On', 'yes', 'Yes', 'YES', 'y', 'Y', 'n', 'N',
  '0777', '-0644', '1:20', '-1:20:30.5', '~', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5',
  '.inf', '-.Inf', '.NAN', '0b1010', '1_000', '1_000.5', '=', '<<', '1.2.3', '.5.',
  1e21, 1e-7, -3e-10,
];

describe('YAML 1.1 reading', () => {
  it('catches what a YAML 1.2 writer leaves plain (the check can fail)', () => {
    let leftPlain = 0;
    for (const trap of YAML_1_1_TRAPS) {
      // As a value and as a key (`<<` is a trap only as a key); a form the YAML 1.2 writer quotes
      // already (`0777` is an integer in 1.2 too) proves nothing.
      const forms = [{ v: trap }, ...(typeof trap === 'string' ? [{ [trap]: 'v' }] : [])].filter((f) => !/["']/.test(stringify(f)));
      if (forms.length === 0) continue;
      leftPlain++;
      const caught = forms.some((f) => yamlReadingProblems(stringify(f), f).length > 0);
      expect(caught, `${JSON.stringify(trap)} written by a YAML 1.2 writer`).toBe(true);
    }
    expect(leftPlain).toBeGreaterThan(25);
    expect(parseYaml11(stringify({ country: 'NO' }))).toEqual({ country: false });
  });

  it('every trap, as a value and as a key, reads back the same under 1.1 and 1.2 as template.yaml writes it', () => {
    for (const trap of YAML_1_1_TRAPS) {
      const value = { v: trap, list: [trap], nested: { deeper: trap } };
      expect(yamlReadingProblems(stringify(value, TEMPLATE_YAML_OPTIONS), value), JSON.stringify(trap)).toEqual([]);
      if (typeof trap === 'string') {
        const keyed = { [trap]: 'value', nested: { [trap]: { [trap]: trap } } };
        expect(yamlReadingProblems(stringify(keyed, TEMPLATE_YAML_OPTIONS), keyed), `key ${trap}`).toEqual([]);
      }
    }
  });
});

const FIXTURES = ['petstore/openapi.yaml', 'http-api/openapi.yaml', 'swagger2/swagger.yaml', 'multi-file/openapi.yaml', 'sam-intrinsics/openapi.yaml'].map((f) => `fixtures/${f}`);
const CORPUS_DIRS = ['corpus/apigw', 'corpus/apigw-sam', 'corpus/apigw-embedded'].map((d) => resolve(SHARED, d));

/** Every problem an AWS reader would have with one build's template.yaml. */
function templateProblems(e: Emitted, sam: boolean): string[] {
  const text = e.build.files.get('template.yaml')!.content;
  const problems = [...yamlReadingProblems(text, e.build.template), ...cfnProblems(e.build.template)];
  if (sam) {
    const { valid, errors } = samValidate(JSON.parse(JSON.stringify(e.build.template)));
    if (!valid) problems.push(`SAM schema: ${JSON.stringify(errors).slice(0, 400)}`);
  }
  const bytes = Buffer.byteLength(text);
  if (bytes > TEMPLATE_LIMITS.request && !e.build.changes.some((c) => c.message.includes(`template.yaml is ${bytes.toLocaleString('en-US')} bytes`))) {
    problems.push(`${bytes} bytes and no size warning`);
  }
  return problems;
}

describeShared('template.yaml of every fixture and corpus spec', () => {
  it('reads the same under YAML 1.1 and 1.2, matches the registry and SAM schema, and warns past the size limits', async () => {
    const specs = [...FIXTURES, ...CORPUS_DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f)).sort().map((f) => join(dir, f)))];
    const problems: string[] = [];
    let checked = 0;
    for (const spec of specs) {
      for (const sam of [false, true]) {
        let e: Emitted;
        try {
          e = await emitSpec(spec, sam ? { gateway: { sam: true } } : {});
        } catch (error) {
          if (error instanceof ApigwError) break; // a spec the pipeline refuses is load's business (with a clear error)
          throw error;
        }
        for (const p of templateProblems(e, sam)) problems.push(`${spec}${sam ? ' (SAM)' : ''}: ${p}`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  }, 600_000);
});
