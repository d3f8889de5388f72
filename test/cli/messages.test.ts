// What the CLI says, through the real binary: exit codes in every command's help, counts spelled
// right, JSON errors in request files at their line and column.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, project, run } from './helpers.js';

let dir: string;
beforeAll(() => {
  buildDist();
  dir = project();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--help of every command documents exit codes 0, 1, 2 and 70', () => {
  it.each([
    [[], /problems found/],
    [['build'], /lint errors stopped the build, or --check found the output out of date/],
    [['lint'], /lint errors, or more warnings than --max-warnings/],
    [['routes'], /not used/],
    [['vtl'], /vtl render --check-json found the output is not valid JSON/],
    [['vtl', 'render'], /--check-json found the output is not valid JSON/],
  ])('apigw-gen %j --help', (command, one) => {
    const r = run([...command, '--help'], dir);
    expect(r.code).toBe(0);
    const codes = r.stdout.slice(r.stdout.indexOf('Exit codes:'));
    expect(codes).toMatch(/^ {2}0 +ok$/m);
    expect(codes).toMatch(new RegExp(`^ {2}1 +${one.source}`, 'm'));
    expect(codes).toMatch(/^ {2}2 +bad input or usage/m);
    expect(codes).toMatch(/^ {2}70 +internal error: a bug in apigw-gen/m);
  });
});

describe('counts', () => {
  it('one warning over --max-warnings is "1 warning"', () => {
    writeFileSync(
      join(dir, 'one-warning.yaml'),
      [
        'openapi: 3.0.1',
        'info: { title: x, version: "1" }',
        'paths:',
        '  /a:',
        '    get:',
        '      operationId: a',
        '      parameters:',
        '        - { name: page, in: query, required: false, schema: { type: integer, minimum: 1 } }',
        '      responses:',
        '        "200": { description: ok }',
        '      x-amazon-apigateway-integration:',
        '        type: mock',
        "        requestTemplates: { application/json: '{\"statusCode\": 200}' }",
        '        responses: { default: { statusCode: "200" } }',
        '',
      ].join('\n'),
    );
    const r = run(['lint', 'one-warning.yaml', '--max-warnings', '0'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 warning,');
    expect(r.stderr).toBe('apigw-gen: 1 warning, more than --max-warnings 0\n');
  });
});

describe('vtl render: a request file that is not JSON', () => {
  it.each([
    ['--event', 'event', '{\n  "body": "x",\n  "headers": {\n    "a": "b",\n  }\n}\n', '5:3'],
    ['--event', 'event', '{"body": "x"', '1:13'],
    ['--context', 'context', '{\n  "requestId": 12,,\n}\n', '2:19'],
  ])('%s: reported at the line and column of the error (%#)', (flag, what, text, at) => {
    writeFileSync(join(dir, 't.vtl'), '$input.body');
    writeFileSync(join(dir, 'bad.json'), text);
    const r = run(['vtl', 'render', 't.vtl', flag, 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^apigw-gen: ${join(dir, 'bad.json')}:${at}: ${what} is not valid JSON: `));
  });
});

describe('OAS-007: $refs in a circle with nothing else in it', () => {
  it('is reported at the $ref, with file:line:column, once a circle', () => {
    writeFileSync(
      join(dir, 'cycle.yaml'),
      [
        'openapi: 3.0.1',
        'info: { title: x, version: "1" }',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Self:',
        "      $ref: '#/components/schemas/Self'",
        '    A: { $ref: "#/components/schemas/B" }',
        '    B: { $ref: "#/components/schemas/A" }',
        '    C: { $ref: "#/components/schemas/A" }',
        '    Node: { type: object, properties: { next: { $ref: "#/components/schemas/Node" } } }',
        '',
      ].join('\n'),
    );
    const r = run(['lint', 'cycle.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number; file: string; message: string }[] }).diagnostics
      .filter((d) => d.ruleId === 'OAS-007')
      .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message.slice(0, d.message.indexOf(')') + 1)}`);
    expect(found).toEqual([
      'cycle.yaml:7:7: this $ref points at the object that holds it (#/components/schemas/Self → #/components/schemas/Self)',
      'cycle.yaml:8:10: these $refs only point at one another (#/components/schemas/A → #/components/schemas/B → #/components/schemas/A)',
    ]);
  });
});
