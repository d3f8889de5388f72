// A config file is checked whole: every problem is reported, each at its file:line:column, and rule
// ids in lint.rules / lint.ignore must name a rule (a misspelt one would turn nothing off, silently).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '../../src/config/index.js';
import { ApigwError } from '../../src/errors.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'apigw-gen-config-problems-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function problemLines(name: string, text: string): string[] {
  const file = join(work, name);
  writeFileSync(file, text);
  try {
    loadConfigFile(file);
  } catch (e) {
    if (!(e instanceof ApigwError)) throw e;
    expect(e.code).toBe('BAD_CONFIG');
    return e.format().split('\n').map((l) => l.replace(`${file}:`, ''));
  }
  throw new Error('expected BAD_CONFIG');
}

describe('unknown rule ids', () => {
  it.each([
    ['a typo in lint.rules, at the key', 'lint:\n  rules:\n    APIGW-INT-04: off\n', '3:5: invalid config: /lint/rules/APIGW-INT-04: unknown rule "APIGW-INT-04" (did you mean APIGW-INT-004?)'],
    ['lower case', 'lint:\n  rules:\n    apigw-param-002: warn\n', '3:5: invalid config: /lint/rules/apigw-param-002: unknown rule "apigw-param-002" (did you mean APIGW-PARAM-002?)'],
    ['nothing near', 'lint:\n  rules:\n    NOT-A-RULE: error\n', '3:5: invalid config: /lint/rules/NOT-A-RULE: unknown rule "NOT-A-RULE"'],
    ['a typo in lint.ignore, at the value', 'lint:\n  ignore:\n    - rule: OAS-02\n      pointers: ["*"]\n', '3:13: invalid config: /lint/ignore/0/rule: unknown rule "OAS-02" (did you mean OAS-002?)'],
  ])('%s', (_what, text, expected) => {
    expect(problemLines('apigw-gen.config.yaml', text)).toEqual([expected]);
  });

  it('known ids and `*` pass, in JSON as in YAML', () => {
    const file = join(work, 'apigw-gen.config.json');
    writeFileSync(file, JSON.stringify({ lint: { rules: { 'OAS-002': 'warn', 'APIGW-INT-004': 'off' }, ignore: [{ rule: '*', pointers: ['*'] }, { rule: 'APIGW-MODEL-002', pointers: ['/x'] }] } }));
    expect(loadConfigFile(file).lint?.rules).toEqual({ 'OAS-002': 'warn', 'APIGW-INT-004': 'off' });
  });

  it('in JSON, at the key', () => {
    expect(problemLines('apigw-gen.config.json', '{\n  "lint": {\n    "rules": { "APIGW-AUTH-01": "off" }\n  }\n}\n')).toEqual([
      '3:16: invalid config: /lint/rules/APIGW-AUTH-01: unknown rule "APIGW-AUTH-01" (did you mean APIGW-AUTH-001?)',
    ]);
  });
});

describe('every problem, not only the first', () => {
  it('lists each in file order, each with its position', () => {
    const text = [
      'out: 7',
      'lint:',
      '  rules:',
      '    APIGW-INT-04: off',
      '    APIGW-INT-001: fatal',
      'sdk:',
      '  groupByTags: true',
      'targets: [sdk, docs]',
      '',
    ].join('\n');
    expect(problemLines('apigw-gen.config.yaml', text)).toEqual([
      '1:6: invalid config: /out must be string',
      '4:5: invalid config: /lint/rules/APIGW-INT-04: unknown rule "APIGW-INT-04" (did you mean APIGW-INT-004?)',
      '5:20: invalid config: /lint/rules/APIGW-INT-001 must be one of "error", "warn", "info", "off"',
      '7:3: invalid config: /sdk: unknown property "groupByTags" (did you mean groupByTag?)',
      '8:16: invalid config: /targets/1 must be one of "sdk", "handlers", "templates", "gateway"',
    ]);
  });

  it('one problem a place: a key both misspelt and of a bad pattern is said once', () => {
    expect(problemLines('apigw-gen.config.yaml', 'lint:\n  rules:\n    apigw_int_004: off\n')).toEqual([
      '3:5: invalid config: /lint/rules/apigw_int_004: unknown rule "apigw_int_004" (did you mean APIGW-INT-004?)',
    ]);
  });

  it('every syntax error too', () => {
    const lines = problemLines('apigw-gen.config.yaml', 'out: a\nout: b\ntargets: [sdk\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^2:1: invalid config file: /);
    for (const line of lines) expect(line).toMatch(/^\d+:\d+: invalid config file: /);
  });

  it('`root` is resolved against the config file', () => {
    writeFileSync(join(work, 'c.yaml'), 'root: ..\n');
    expect(loadConfigFile(join(work, 'c.yaml')).root).toBe(join(work, '..'));
  });
});
