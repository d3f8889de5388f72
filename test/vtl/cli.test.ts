// `apigw-gen vtl render`, run as a user runs it: `node bin/apigw-gen.js vtl render …`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin/apigw-gen.js'), 'vtl', 'render', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SPEC = `openapi: 3.0.1
info: { title: pets, version: '1' }
paths:
  /pets/{id}:
    post:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:sqs:path/123456789012/q
        requestTemplates:
          application/json: |
            #set($context.requestOverride.header.X-Trace = "t-$input.params('id')")
            Action=SendMessage&MessageBody=$util.urlEncode($input.body)
          text/plain: "#if($x"
        responses:
          default: { statusCode: '200' }
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vtl-cli-'));
  writeFileSync(
    path.join(dir, 'passthrough.vtl'),
    '#set($root = $input.path(\'$\'))\n{\n  "name": "$root.name",\n  "id": "$input.params(\'id\')",\n  "env": "$stageVariables.env",\n  "stage": "$context.stage",\n  "user": "$context.authorizer.principalId"\n}\n',
  );
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ body: '{"name":"Rex"}', path: { id: '7' }, context: { stage: 'dev' } }));
  writeFileSync(path.join(dir, 'ctx.json'), JSON.stringify({ authorizer: { principalId: 'user-1' } }));
  writeFileSync(path.join(dir, 'not-json.vtl'), '{\n  "quote": "$util.escapeJavaScript("it\'s")"\n}');
  writeFileSync(path.join(dir, 'broken.vtl'), 'line one\n  #foreach($x in $list)\n$x\n');
  writeFileSync(path.join(dir, 'parse.vtl'), 'a\n #parse("other.vtl")\n');
  writeFileSync(path.join(dir, 'openapi.yaml'), SPEC);
});

describe('apigw-gen vtl render', () => {
  it('renders a .vtl file against an event, --context and --stage-vars', () => {
    const r = cli('passthrough.vtl', '--event', 'event.json', '--context', 'ctx.json', '--stage-vars', 'env=prod', '--check-json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{\n  "name": "Rex",\n  "id": "7",\n  "env": "prod",\n  "stage": "dev",\n  "user": "user-1"\n}\n');
  });

  it('renders a template inside a spec addressed by JSON pointer and reports overrides', () => {
    const r = cli('openapi.yaml#/paths/~1pets~1{id}/post/x-amazon-apigateway-integration/requestTemplates/application~1json', '-e', 'event.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Action=SendMessage&MessageBody=%7B%22name%22%3A%22Rex%22%7D\n');
    expect(r.stderr).toContain('request header X-Trace: t-7');
  });

  it('--check-json reports invalid JSON output with line:column and exits 1', () => {
    const r = cli('not-json.vtl', '--check-json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('{\n  "quote": "it\\\'s"\n}');
    expect(r.stderr).toMatch(/output is not valid JSON at 2:15: /);
  });

  it('a syntax error exits 2 with file:line:column', () => {
    const r = cli('broken.vtl');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`apigw-gen: ${path.join(dir, 'broken.vtl')}:2:3: #foreach is never closed with #end\n`);
  });

  it('a range bomb is a located limit error (exit 2), not a crash', () => {
    writeFileSync(path.join(dir, 'bomb.vtl'), '{\n  #set($r = [1..2000000000])"n": $r.size()\n}\n');
    const r = cli('bomb.vtl');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`apigw-gen: ${path.join(dir, 'bomb.vtl')}:2:13: [1..2000000000] has 2000000000 elements: more than 1000000 list or map elements made in one render\n`);
  });

  it('#parse fails with its position', () => {
    const r = cli('parse.vtl');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'parse.vtl')}:2:2: #parse is not available`);
  });

  it('an error in a template inside a spec points at the spec and names the template position', () => {
    const r = cli('openapi.yaml#/paths/~1pets~1{id}/post/x-amazon-apigateway-integration/requestTemplates/text~1plain');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`openapi\\.yaml:17:\\d+: syntax error: .*\\(template /paths/.*text~1plain, line 1, column \\d+\\)`));
  });

  it('a missing pointer target is a usage error', () => {
    const r = cli('openapi.yaml#/paths/~1nope', '-e', 'event.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing at /paths/~1nope');
  });
});
