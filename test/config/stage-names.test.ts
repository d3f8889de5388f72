// Stage names follow API Gateway's rule ([A-Za-z0-9_-]{1,128}); `$` is allowed only as the HTTP
// API default stage `$default`. Checked on the schema and through loadConfigFile (BAD_CONFIG).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { loadConfigFile } from '../../src/config/index.js';
import { ApigwError } from '../../src/errors.js';

const schema = JSON.parse(readFileSync(resolve(__dirname, '../../schemas/config.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);
const accepts = (name: string) => validate({ stages: { [name]: {} } });

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'apigw-gen-stages-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('stage names', () => {
  it('accepts REST-valid names and $default', () => {
    for (const name of ['prod', 'dev-1', 'Stage_2', 'a', 'x'.repeat(128), '$default']) expect(accepts(name), name).toBe(true);
  });

  it('rejects $ anywhere else, other characters, empty and over-long names', () => {
    for (const name of ['prod$', '$prod', '$', '$default2', 'x$default', 'pro d', 'prod.v1', 'prod/x', '', 'x'.repeat(129)]) expect(accepts(name), name).toBe(false);
  });

  it('a config file with such a stage is a BAD_CONFIG error at the stage name', () => {
    const file = join(work, 'apigw-gen.config.yaml');
    writeFileSync(file, 'stages:\n  prod: {}\n  $live: {}\n');
    let error: unknown;
    try {
      loadConfigFile(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('BAD_CONFIG');
    expect((error as ApigwError).position?.line).toBe(3);
    expect((error as ApigwError).message).toContain('$live');

    writeFileSync(file, 'stages:\n  $default: {}\n');
    expect(Object.keys(loadConfigFile(file).stages ?? {})).toEqual(['$default']);
  });
});
