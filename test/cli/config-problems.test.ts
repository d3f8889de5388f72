// A bad config file through the real CLI: every problem on its own line with file:line:column, exit 2.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, fixture, hasStackTrace, project, run } from './helpers.js';

let dir: string;
beforeAll(() => {
  buildDist();
  dir = project();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('config problems', () => {
  it.each(['lint', 'build', 'routes'])('%s reports every problem of the config, misspelt rule ids with a suggestion', (command) => {
    const config = join(dir, 'apigw-gen.config.yaml');
    writeFileSync(config, 'lint:\n  rules:\n    APIGW-PARAM-02: off\n  ignore:\n    - rule: APIGW-INT-01\n      pointers: ["*"]\nout: 3\n');
    const r = run([command, fixture('petstore/openapi.yaml')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `apigw-gen: ${config}:3:5: invalid config: /lint/rules/APIGW-PARAM-02: unknown rule "APIGW-PARAM-02" (did you mean APIGW-PARAM-002?)`,
      `${config}:5:13: invalid config: /lint/ignore/0/rule: unknown rule "APIGW-INT-01" (did you mean APIGW-INT-001?)`,
      `${config}:7:6: invalid config: /out must be string`,
    ]);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
