import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { findConfigFile, loadConfigFile, resolveConfig } from '../../src/config/index.js';
import { ApigwError } from '../../src/errors.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'apigw-gen-config-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function errorOf(fn: () => unknown): ApigwError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApigwError) return e;
    throw e;
  }
  throw new Error('expected an ApigwError');
}

const schemaPath = resolve(__dirname, '../../schemas/config.schema.json');

describe('config schema', () => {
  it('is a valid draft-07 schema that accepts a full config', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const full = {
      $schema: './node_modules/apigw-gen/schemas/config.schema.json',
      input: 'openapi.yaml',
      out: 'generated',
      apiType: 'rest',
      targets: ['sdk', 'gateway'],
      allowRemoteRefs: false,
      lint: { rules: { 'APIGW-INT-004': 'off', 'OAS-OPERATION-ID-UNIQUE': 'warn' }, ignore: [{ rule: 'APIGW-PATH-001', pointers: ['*'] }], baseline: '.apigw-gen-baseline.json' },
      sdk: { groupByTag: true, throwOnError: false, formats: { dateTime: 'Date' } },
      handlers: { language: 'typescript' },
      stages: {
        prod: {
          variables: { fn: 'pets-prod' },
          baseUrl: 'https://api.example.com',
          throttling: { burstLimit: 100, rateLimit: 50 },
          caching: { enabled: true, ttlInSeconds: 300, clusterSize: '0.5' },
          logging: { level: 'INFO', dataTrace: false, accessLogs: true },
          tracing: true,
          methodSettings: { 'GET /pets': { caching: { enabled: true, ttlInSeconds: 60 } }, '*/*': { throttling: { rateLimit: 10 } } },
          alarms: { serverErrorRate: 0.01, p99LatencyMs: 1500 },
        },
      },
      gateway: {
        sam: true,
        endpointType: 'REGIONAL',
        bodyS3Location: { bucket: 'b', key: 'k' },
        domain: { name: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', basePath: 'v1' },
        usagePlans: { basic: { stages: ['prod'], quota: { limit: 1000, period: 'DAY' }, apiKeys: ['partner'] } },
        accessLogFormat: 'json',
      },
    };
    expect(validate(full)).toBe(true);
    expect(validate({ targets: ['sdk', 'docs'] })).toBe(false);
    // bodyS3Location: an S3 object, or `package` (the emitted file by relative path); nothing else.
    expect(validate({ gateway: { bodyS3Location: 'package' } })).toBe(true);
    expect(validate({ gateway: { bodyS3Location: './openapi.rest.json' } })).toBe(false);
    expect(validate({ gateway: { bodyS3Location: { bucket: 'b' } } })).toBe(false);
  });
});

describe('findConfigFile', () => {
  it('finds the nearest config upward from a nested folder', () => {
    mkdirSync(join(work, 'a/b/c'), { recursive: true });
    writeFileSync(join(work, 'apigw-gen.config.yaml'), 'out: top\n');
    writeFileSync(join(work, 'a/apigw-gen.config.json'), '{"out": "nearer"}');
    expect(findConfigFile(join(work, 'a/b/c'))).toBe(join(work, 'a/apigw-gen.config.json'));
    expect(findConfigFile(work)).toBe(join(work, 'apigw-gen.config.yaml'));
  });

  it('finds .yml too', () => {
    writeFileSync(join(work, 'apigw-gen.config.yml'), 'out: x\n');
    expect(findConfigFile(work)).toBe(join(work, 'apigw-gen.config.yml'));
  });
});

describe('resolveConfig', () => {
  it('resolves paths relative to the config file, not the working directory', () => {
    mkdirSync(join(work, 'project/sub'), { recursive: true });
    writeFileSync(join(work, 'project/apigw-gen.config.yaml'), 'input: api/openapi.yaml\nout: ../gen\nlint:\n  baseline: baseline.json\napiType: http\n');
    const config = resolveConfig({ cwd: join(work, 'project/sub') });
    expect(config.file).toBe(join(work, 'project/apigw-gen.config.yaml'));
    expect(config.input).toBe(join(work, 'project/api/openapi.yaml'));
    expect(config.out).toBe(join(work, 'gen'));
    expect(config.lint?.baseline).toBe(join(work, 'project/baseline.json'));
    expect(config.apiType).toBe('http');
  });

  it('uses --config over the upward search, relative to cwd', () => {
    writeFileSync(join(work, 'apigw-gen.config.json'), '{"out": "found"}');
    writeFileSync(join(work, 'other.json'), '{"out": "explicit"}');
    expect(resolveConfig({ cwd: work, configFile: 'other.json' }).out).toBe(join(work, 'explicit'));
  });

  it('is empty when there is no config file', () => {
    mkdirSync(join(work, 'empty'));
    // tmpdir has no config above it on a normal machine; the search must not invent one.
    const found = findConfigFile(join(work, 'empty'));
    expect(resolveConfig({ cwd: join(work, 'empty') })).toEqual(found ? loadConfigFile(found) : {});
  });

  it('reports a missing --config file', () => {
    const error = errorOf(() => resolveConfig({ cwd: work, configFile: 'nope.yaml' }));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('nope.yaml');
  });

  it('drops $schema from the result', () => {
    writeFileSync(join(work, 'apigw-gen.config.json'), '{"$schema": "./schemas/config.schema.json", "targets": ["sdk"]}');
    const config = resolveConfig({ cwd: work });
    expect(config).toEqual({ targets: ['sdk'], file: join(work, 'apigw-gen.config.json') });
  });
});

describe('bad config → BAD_CONFIG with file:line:column', () => {
  it('points at an invalid enum value in YAML', () => {
    const file = join(work, 'apigw-gen.config.yaml');
    writeFileSync(file, 'out: gen\nlint:\n  rules:\n    APIGW-INT-001: fatal\n');
    const error = errorOf(() => loadConfigFile(file));
    expect(error.code).toBe('BAD_CONFIG');
    expect(error.format()).toBe(`${file}:4:20: invalid config: /lint/rules/APIGW-INT-001 must be one of "error", "warn", "info", "off"`);
  });

  it('points at an unknown key in tab-indented JSON', () => {
    const file = join(work, 'apigw-gen.config.json');
    writeFileSync(file, '{\n\t"out": "gen",\n\t"sdk": {\n\t\t"groupByTags": true\n\t}\n}\n');
    const error = errorOf(() => loadConfigFile(file));
    expect(error.format()).toBe(`${file}:4:3: invalid config: /sdk: unknown property "groupByTags" (did you mean groupByTag?)`);
  });

  it('points at a wrong type', () => {
    const file = join(work, 'apigw-gen.config.yaml');
    writeFileSync(file, 'targets:\n  - sdk\n  - 7\n');
    const error = errorOf(() => loadConfigFile(file));
    expect(error.position).toEqual({ file, line: 3, column: 5 });
    expect(error.message).toContain('/targets/1');
  });

  it('points at a bad stage variable name', () => {
    const file = join(work, 'apigw-gen.config.yaml');
    writeFileSync(file, 'stages:\n  prod:\n    variables:\n      bad-name: x\n');
    const error = errorOf(() => loadConfigFile(file));
    expect(error.position?.line).toBe(4);
    expect(error.message).toContain('invalid name "bad-name"');
  });

  it('reports a syntax error with its position', () => {
    const file = join(work, 'apigw-gen.config.json');
    writeFileSync(file, '{\n  "out": "gen",\n  "targets": [\n}\n');
    const error = errorOf(() => loadConfigFile(file));
    expect(error.code).toBe('BAD_CONFIG');
    expect(error.position?.file).toBe(file);
    expect(error.position?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys', () => {
    const file = join(work, 'apigw-gen.config.yaml');
    writeFileSync(file, 'out: a\nout: b\n');
    const error = errorOf(() => loadConfigFile(file));
    expect(error.code).toBe('BAD_CONFIG');
    expect(error.position?.line).toBe(2);
  });

  it('rejects a config that is not a mapping', () => {
    const file = join(work, 'apigw-gen.config.yaml');
    writeFileSync(file, '- sdk\n');
    expect(errorOf(() => loadConfigFile(file)).message).toContain('must be object');
  });
});

describe('README', () => {
  it('its config example is valid', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Config file'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const file = join(work, 'apigw-gen.config.json');
    writeFileSync(file, example!);
    const config = loadConfigFile(file);
    expect(config.input).toBe(join(work, 'api/openapi.yaml'));
    expect(config.lint?.rules?.['APIGW-PARAM-002']).toBe('off');
  });
});
