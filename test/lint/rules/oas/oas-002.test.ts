// OAS-002 through the real pipeline (load → normalize → lint): every missing $ref target reported
// once, at the $ref, with the position in the file it is written in; nothing else trips over them.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../helpers.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-oas002-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const MOCK = `      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: '200'}}
`;

describe('OAS-002', () => {
  it('reports every broken ref of every kind, once each, with its own file:line:column', async () => {
    const dir = tree({
      'api.yaml': `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    post:
      parameters:
        - $ref: '#/components/parameters/Limit'
      requestBody: {$ref: '#/components/requestBodies/Gone'}
      responses:
        '200': {$ref: '#/components/responses/Gone'}
${MOCK}  /b:
    $ref: paths/b.yaml
  /c:
    $ref: paths/missing.yaml
components:
  schemas:
    Pet: {$ref: 'schemas.yaml#/Pet'}
`,
      'paths/b.yaml': `get:
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: {$ref: '../schemas.yaml#/Nope'}
${MOCK.replace(/^ {4}/gm, '')}`,
      'schemas.yaml': 'Pet: {type: object}\n',
    });
    const { diagnostics } = await lintFile(join(dir, 'api.yaml'));
    const oas002 = diagnostics.filter((d) => d.ruleId === 'OAS-002');
    expect(oas002.map((d) => `${d.pointer} ${d.file}:${d.line}:${d.column}`).sort()).toEqual([
      `/paths/~1a/post/parameters/0/$ref ${join(dir, 'api.yaml')}:7:11`,
      `/paths/~1a/post/requestBody/$ref ${join(dir, 'api.yaml')}:8:21`,
      `/paths/~1a/post/responses/200/$ref ${join(dir, 'api.yaml')}:10:17`,
      `/paths/~1b/get/responses/200/content/application~1json/schema/$ref ${join(dir, 'paths/b.yaml')}:7:20`,
      `/paths/~1c/$ref ${join(dir, 'api.yaml')}:18:5`,
    ].sort());
    for (const d of oas002) expect(d.severity).toBe('error');
    const byPointer = new Map(oas002.map((d) => [d.pointer, d.message]));
    expect(byPointer.get('/paths/~1a/post/parameters/0/$ref')).toMatch(/^\$ref "#\/components\/parameters\/Limit": the document has no node at \/components\/parameters\/Limit: add the missing definition/);
    expect(byPointer.get('/paths/~1c/$ref')).toMatch(/file not found: .*missing\.yaml: create that file, or correct the path/);
    expect(byPointer.get('/paths/~1b/get/responses/200/content/application~1json/schema/$ref')).toMatch(/schemas\.yaml has no node at \/Nope: add the missing definition to that file/);
    // Nothing else reports a broken ref itself (no DOC-003 for the unresolvable external refs, no
    // "response without description" for the dangling response), nor its knock-on: the response
    // "200" is a broken ref, so it is declared (APIGW-INT-027 does not say the integration maps an
    // undeclared status).
    expect(diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'OAS-002').map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([]);
    const brokenAt = oas002.map((d) => d.pointer.replace(/\/\$ref$/, ''));
    const others = diagnostics.filter((d) => d.ruleId !== 'OAS-002' && brokenAt.some((p) => d.pointer === p || d.pointer.startsWith(`${p}/`)));
    // Nothing else at or below a broken ref: what sits there is a placeholder, not the user's object.
    // (APIGW-MODEL-006, "a response given as a $ref", is true either way; it shows once the ref resolves.)
    expect(others.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`)).toEqual([]);
  });

  it('one broken ref is one report: no other rule reports the placeholder it becomes, or what it holds', async () => {
    const dir = tree({
      'http.yaml': `openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /pets:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: {$ref: 'integrations.yaml#/nope'}
  /cats:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/nope'}
  /dogs:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: {$ref: 'missing-file.yaml'}
  /owls:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: {$ref: 'http.yaml#/components/x-amazon-apigateway-integrations/nope'}
components:
  x-amazon-apigateway-integrations:
    good: {type: HTTP_PROXY, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}
x-amazon-apigateway-cors: {allowOrigins: ['*']}
`,
      'integrations.yaml': "other: {type: HTTP_PROXY, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}\n",
      'rest.yaml': `openapi: 3.0.1
info: {title: x, version: "1"}
x-amazon-apigateway-request-validators: {$ref: 'nope.yaml'}
x-amazon-apigateway-request-validator: all
x-amazon-apigateway-gateway-responses: {$ref: 'nope.yaml#/gr'}
x-amazon-apigateway-policy: {$ref: 'policy.json'}
paths:
  /a:
    get:
      parameters: {$ref: 'params.yaml'}
      security: [{auth: []}]
      responses:
        "200": {description: ok, headers: {$ref: 'h.yaml'}}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://example.com
        requestParameters: {$ref: 'rp.yaml'}
        responses: {$ref: 'responses.yaml'}
components:
  securitySchemes:
    auth: {$ref: 'auth.yaml'}
`,
    });
    const http = await lintFile(join(dir, 'http.yaml'), {}, 'http');
    const byRoute = (p: string) => http.diagnostics.filter((d) => d.pointer.startsWith(`/paths/~1${p}/get/x-amazon-apigateway-integration`)).map((d) => d.ruleId);
    for (const route of ['pets', 'cats', 'dogs', 'owls']) expect(byRoute(route), route).toEqual(['OAS-002']);
    const rest = await lintFile(join(dir, 'rest.yaml'), {}, 'rest');
    for (const d of [...http.diagnostics, ...rest.diagnostics]) expect(d.message).not.toContain('x-apigw-gen-unresolved-ref');
    expect(rest.diagnostics.filter((d) => d.ruleId === 'OAS-002')).toHaveLength(8);
    // The validator's name and the scheme's name are defined, by entries that are broken refs:
    // OAS-002 says so at the ref; "not defined" would send the user to the wrong place.
    expect(rest.diagnostics.filter((d) => d.ruleId !== 'OAS-002').map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([]);
  });

  it('owns every broken ref, also an HTTP integration ref into components.x-amazon-apigateway-integrations, whatever APIGW-INT-037 is set to', async () => {
    const spec = `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/gone'}
  /owners:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/owners'}
  /vets:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration: {$ref: '#/components/schemas/Vet'}
components:
  schemas:
    Pet: {$ref: '#/components/schemas/Gone'}
    Vet: {type: HTTP_PROXY, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}
  x-amazon-apigateway-integrations:
    owners: {type: HTTP_PROXY, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}
`;
    const dir = tree({ 'api.yaml': spec });
    const pointer = '/paths/~1pets/get/x-amazon-apigateway-integration/$ref';
    const vets = '/paths/~1vets/get/x-amazon-apigateway-integration/$ref';
    const configs = [
      {},
      { lint: { rules: { 'APIGW-INT-037': 'off' as const } } },
      { lint: { ignore: [{ rule: 'APIGW-INT-037', pointers: ['*'] }] } },
    ];
    for (const config of configs) {
      const { diagnostics } = await lintFile(join(dir, 'api.yaml'), config, 'http');
      expect(diagnostics.filter((d) => d.pointer === pointer).map((d) => d.ruleId), JSON.stringify(config)).toEqual(['OAS-002']);
      expect(diagnostics.filter((d) => d.ruleId === 'OAS-002').map((d) => d.pointer).sort()).toEqual(['/components/schemas/Pet/$ref', pointer]);
    }
    // INT-037 keeps what is its own: a ref that resolves, but outside components.x-amazon-apigateway-integrations
    const { diagnostics } = await lintFile(join(dir, 'api.yaml'), {}, 'http');
    expect(diagnostics.filter((d) => d.ruleId === 'APIGW-INT-037').map((d) => d.pointer)).toEqual([vets]);
    // REST: INT-037 does not apply, OAS-002 reports it
    const rest = await lintFile(join(dir, 'api.yaml'), {}, 'rest');
    expect(rest.diagnostics.filter((d) => d.pointer === pointer).map((d) => d.ruleId)).toEqual(['OAS-002']);
  });

  it('a broken ref at a badly named place: rules that judge the name (the key) still report it, nothing judges the value', async () => {
    const dir = tree({
      'api.yaml': `swagger: '2.0'
info: {title: t, version: '1'}
x-amazon-apigateway-cors: {$ref: 'cors.yaml'}
x-amazon-apigateway-gateway-responses:
  REQUEST_TOO_LARGE: {$ref: 'gr.yaml#/big'}
  NOT_A_TYPE: {$ref: 'gr.yaml#/other'}
paths:
  /pets/{id}.json:
    $ref: 'paths/pet.yaml'
  /ok:
    get:
      responses:
        '200':
          description: ok
          schema: {$ref: '#/definitions/Pet-Model'}
${MOCK}definitions:
  Pet-Model:
    $ref: 'models/pet.json'
`,
    });
    const { diagnostics } = await lintFile(join(dir, 'api.yaml'), {}, 'rest');
    expect(diagnostics.filter((d) => d.ruleId !== 'OAS-002').map((d) => `${d.ruleId} ${d.pointer}`).sort()).toEqual([
      'APIGW-API-011 /x-amazon-apigateway-gateway-responses/NOT_A_TYPE',
      'APIGW-API-013 /x-amazon-apigateway-gateway-responses/REQUEST_TOO_LARGE',
      'APIGW-DOC-005 /x-amazon-apigateway-cors',
      'APIGW-MODEL-001 /definitions/Pet-Model',
      'APIGW-PATH-002 /paths/~1pets~1{id}.json',
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'OAS-002')).toHaveLength(5);
  });

  it('a broken ref met again through a YAML alias is still one report, and nothing else reports either place', async () => {
    const dir = tree({
      'ext.yaml': `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: ok}
      x-amazon-apigateway-integration: &int
        $ref: 'integrations/missing.yaml'
  /b:
    get:
      responses:
        '200': {description: ok}
      x-amazon-apigateway-integration: *int
`,
      'int.yaml': `swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /a:
    post:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:sqs:path/123456789012/q
        credentials: arn:aws:iam::123456789012:role/r
        requestParameters: &p
          $ref: '#/x-params'
        responses: {default: {statusCode: '200'}}
  /b:
    post:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:sqs:path/123456789012/q2
        credentials: arn:aws:iam::123456789012:role/r
        requestParameters: *p
        responses: {default: {statusCode: '200'}}
`,
    });
    const ext = await lintFile(join(dir, 'ext.yaml'), {}, 'rest');
    expect(ext.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([
      'OAS-002 /paths/~1a/get/x-amazon-apigateway-integration/$ref',
    ]);
    const int = await lintFile(join(dir, 'int.yaml'), {}, 'rest');
    expect(int.diagnostics.map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([
      'OAS-002 /paths/~1a/post/x-amazon-apigateway-integration/requestParameters/$ref',
    ]);
  });

  it('"missing declaration" rules do not blame a parameter or response that is a broken ref (APIGW-PARAM-001, INT-013, INT-027)', async () => {
    const integration = `      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://example.com/pets/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id
        responses: {default: {statusCode: '404'}}
`;
    const dir = tree({
      'api.yaml': `swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /pets/{id}:
    parameters:
      - $ref: '#/parameters/PetId'
    get:
      responses:
        '200': {description: ok}
        '404': {$ref: 'responses.yaml#/NotFound'}
${integration}  /owners/{id}:
    get:
      parameters: {$ref: 'params.yaml'}
      responses: {$ref: 'responses.yaml'}
${integration}  /cats/{id}:
    get:
      parameters: [{name: id, in: path, required: true, type: string}, {$ref: '#/parameters/Hdr'}]
      responses: {'200': {description: ok}}
${integration.replace("default: {statusCode: '404'}", "default: {statusCode: '200'}").replace('        requestParameters:\n', "        requestParameters:\n          integration.request.header.x: method.request.header.X\n")}  /vets/{id}:
    get:
      parameters: [{name: other, in: query, type: string}]
      responses: {'200': {description: ok}, '500': {$ref: '#/responses/Oops'}}
${integration.replace('        requestParameters:\n', "        requestParameters:\n          integration.request.header.x: method.request.header.X\n")}`,
    });
    const { diagnostics } = await lintFile(join(dir, 'api.yaml'), {}, 'rest');
    // /vets has no broken parameter: its {id} is really undeclared (and mapped), its 404 really not a response
    expect(diagnostics.filter((d) => d.ruleId !== 'OAS-002').map((d) => `${d.ruleId} ${d.pointer}`).sort()).toEqual([
      'APIGW-INT-013 /paths/~1vets~1{id}/get/x-amazon-apigateway-integration/requestParameters/integration.request.header.x',
      'APIGW-INT-027 /paths/~1vets~1{id}/get/x-amazon-apigateway-integration/responses/default/statusCode',
      'APIGW-PARAM-001 /paths/~1vets~1{id}/get',
    ]);
  });

  it('a document without broken refs gets no OAS-002', async () => {
    const dir = tree({ 'api.yaml': `openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {$ref: '#/components/responses/Ok'}}\n${MOCK}components:\n  responses:\n    Ok: {description: ok}\n` });
    const { doc, diagnostics } = await lintFile(join(dir, 'api.yaml'));
    expect(doc.brokenRefs).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === 'OAS-002')).toEqual([]);
  });
});
