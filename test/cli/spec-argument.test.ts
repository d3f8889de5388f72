// What the spec argument may be, through the real CLI: a folder (its config, its one spec, or the
// candidates listed), and --api only for templates.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, fixture, hasStackTrace, project, run } from './helpers.js';

const SPEC = 'openapi: 3.0.1\ninfo: { title: x, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        "200": { description: ok }\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates: { application/json: \'{"statusCode": 200}\' }\n        responses: { default: { statusCode: "200" } }\n';
let dir: string;
beforeAll(() => {
  buildDist();
  dir = project();
  const files: Record<string, string> = {
    'one/api.yaml': SPEC,
    'one/notes.yaml': 'todo: [a, b]\n',
    'two/a.yaml': SPEC,
    'two/b.json': '{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}}',
    'none/data.yaml': 'x: 1\n',
    'configured/apigw-gen.config.json': '{"input": "api/spec.yaml"}',
    'configured/api/spec.yaml': SPEC,
    'configured/other.yaml': SPEC,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder as the spec', () => {
  it.each(['lint', 'routes', 'build'])('%s: its one spec is used, and said so', (command) => {
    const r = run([command, 'one', ...(command === 'build' ? ['--out', 'gen-one'] : [])], dir);
    expect(r.stderr).toContain('apigw-gen: one is a folder: using one/api.yaml, the one spec in it');
    expect(r.code).toBe(0);
  });

  it('its config file, when it names the spec, wins over its other files', () => {
    const r = run(['routes', 'configured'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('apigw-gen: configured is a folder: using its config file configured/apigw-gen.config.json');
    expect(r.stdout).toContain('/a');
  });

  it.each([
    [['lint', 'two'], 'two is a folder, not a spec file; the specs in it are two/a.yaml, two/b.json: pass one of them'],
    [['lint', 'none'], 'none is a folder, not a spec file, and holds no OpenAPI document or API template (YAML or JSON): pass the spec file'],
    [['lint', '.'], '. is a folder, not a spec file'],
    [['routes', 'two', '--format', 'json'], 'the specs in it are two/a.yaml, two/b.json'],
  ])('apigw-gen %j: a usage error saying what is there', (args, message) => {
    const r = run(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('file not found');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a config `input` naming a folder is looked into the same way', () => {
    const sub = join(dir, 'input-folder');
    mkdirSync(join(sub, 'api'), { recursive: true });
    writeFileSync(join(sub, 'api/openapi.yaml'), SPEC);
    writeFileSync(join(sub, 'apigw-gen.config.json'), '{"input": "api"}');
    const r = run(['routes'], sub);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('using api/openapi.yaml, the one spec in it');
  });
});

describe('--api', () => {
  it.each(['lint', 'routes', 'build'])('%s: on a plain OpenAPI document it is an error, not ignored', (command) => {
    const r = run([command, fixture('petstore/openapi.yaml'), '--api', 'OrdersApi'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--api OrdersApi: ');
    expect(r.stderr).toContain('is an OpenAPI document, not a CloudFormation/SAM template; --api picks one API of a template: leave it out');
  });
});
