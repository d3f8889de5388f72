// Templates kept in their own .vtl files (`$ref: ./x.vtl`) are reviewed as files, yet the gateway
// definition that build writes must carry them inline, byte for byte: API Gateway's import cannot
// follow a file reference.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, run } from './helpers.js';

const requestTemplate = `## Map the request into the mock's status selector.
#set($status = 200)
#if($input.params('fail') == "yes")#set($status = 500)#end
{"statusCode": $status}
`;
const responseTemplate = `#set($root = $input.path('$'))
{"message": "$util.escapeJavaScript($input.params('name')).replaceAll("\\\\'","'")"}
`;

const spec = `openapi: 3.0.1
info: { title: Inline, version: "1" }
paths:
  /hello:
    get:
      operationId: hello
      parameters:
        - { name: fail, in: query, schema: { type: string } }
        - { name: name, in: query, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Message" }
        "500":
          description: failed
      x-amazon-apigateway-integration:
        type: mock
        passthroughBehavior: when_no_templates
        requestTemplates:
          application/json: { $ref: ./templates/hello-request.vtl }
        responses:
          "5\\\\d{2}":
            statusCode: "500"
          default:
            statusCode: "200"
            responseTemplates:
              application/json: { $ref: ./templates/hello-response.vtl }
components:
  schemas:
    Message:
      type: object
      properties:
        message: { type: string }
`;

let dir = '';
beforeAll(() => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'apigw-gen-vtl-inline-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'openapi.yaml'), spec);
  writeFileSync(join(dir, 'templates/hello-request.vtl'), requestTemplate);
  writeFileSync(join(dir, 'templates/hello-response.vtl'), responseTemplate);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build inlines .vtl files referenced from the spec', () => {
  it('writes them into the gateway definition byte for byte, and extracts them again for review', () => {
    const r = run(['build', 'openapi.yaml', '--targets', 'gateway,templates'], dir);
    expect(r.stderr).not.toMatch(/ error /);
    expect(r.code).toBe(0);

    const gateway = JSON.parse(readFileSync(join(dir, 'generated/gateway/openapi.rest.json'), 'utf8'));
    const integration = gateway.paths['/hello'].get['x-amazon-apigateway-integration'];
    expect(integration.requestTemplates['application/json']).toBe(requestTemplate);
    expect(integration.responses.default.responseTemplates['application/json']).toBe(responseTemplate);

    const index = JSON.parse(readFileSync(join(dir, 'generated/templates/index.json'), 'utf8'));
    const files: string[] = (index.templates ?? index.files ?? []).map((t: { file: string }) => t.file);
    expect(files.length).toBe(2);
    const contents = files.map((f) => readFileSync(join(dir, 'generated/templates', f), 'utf8')).sort();
    expect(contents).toEqual([requestTemplate, responseTemplate].sort());
  });

  it('the inlined definition lints clean', () => {
    const r = run(['lint', 'generated/gateway/openapi.rest.json', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });
});
