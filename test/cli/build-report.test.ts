// `build` reports what it did beyond writing: the gateway target's rewrites, lint errors that
// those rewrites resolve (demoted, not blocking), and handler implementations left orphaned.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildDist, project, run, shared } from './helpers.js';
import { itShared } from '../support/shared.js';

const temps: string[] = [];
const tempProject = (...fixtures: string[]) => {
  const dir = project(...fixtures);
  temps.push(dir);
  return dir;
};
beforeAll(() => buildDist());
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A REST API with one Lambda proxy route whose response model has a non-alphanumeric name. */
const specWith = (extraPaths = '') => `openapi: 3.0.1
info: { title: Demo, version: "1" }
paths:
  /items:
    get:
      operationId: listItems
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/item_list" }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:items/invocations
${extraPaths}components:
  schemas:
    item_list:
      type: object
      properties:
        items: { type: array, items: { type: string } }
`;

describe('build with the gateway target', () => {
  it('prints each rewrite with its pointer, and demotes the lint error it resolves', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), specWith());
    const r = run(['build', 'api.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the gateway definition differs from the spec in 1 place (all listed in generated/gateway/CHANGES.md)');
    expect(r.stderr).toMatch(/^ {2}\/components\/schemas\/itemList: model "item_list" renamed to itemList/m);
    expect(r.stderr).toMatch(/warning +model name 'item_list' is not alphanumeric.*\(rewritten in gateway output\) +APIGW-MODEL-001/);
    expect(readFileSync(join(dir, 'generated/gateway/CHANGES.md'), 'utf8')).toContain('itemList');

    // `lint` judges the source as AWS would import it: still an error there.
    const lint = run(['lint', 'api.yaml'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/error +model name 'item_list'.*APIGW-MODEL-001/);
    expect(lint.stdout).not.toContain('rewritten in gateway output');
  });

  it('repeated -t flags before the spec take one target each (the spec stays the spec)', () => {
    const dir = tempProject('petstore');
    const r = run(['build', '-t', 'sdk', '-t', 'handlers', 'petstore/openapi.yaml'], dir);
    expect(r.stderr).not.toMatch(/unknown target/);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'generated/sdk/client.ts'))).toBe(true);
    expect(existsSync(join(dir, 'generated/handlers'))).toBe(true);
    expect(existsSync(join(dir, 'generated/gateway'))).toBe(false);
  });

  it('repeated --stage-vars before the template take one name=value each', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'greeting.vtl'), '$stageVariables.a $stageVariables.b');
    const r = run(['vtl', 'render', '--stage-vars', 'a=1', '--stage-vars', 'b=2', 'greeting.vtl'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 2');
  });

  it('without the gateway target the same error stops the build', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), specWith());
    const r = run(['build', 'api.yaml', '--targets', 'sdk'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error +model name 'item_list'.*APIGW-MODEL-001/);
    expect(r.stderr).toMatch(/build stopped: 1 lint error/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('an error the gateway does not fix still stops the build', () => {
    const dir = tempProject();
    // Lambda must be invoked with POST (APIGW-INT-004): nothing rewrites that.
    writeFileSync(join(dir, 'api.yaml'), specWith().replace('httpMethod: POST', 'httpMethod: GET'));
    const r = run(['build', 'api.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error .*APIGW-INT-004/);
    expect(r.stderr).toMatch(/warning .*\(rewritten in gateway output\) +APIGW-MODEL-001/);
    expect(r.stderr).toMatch(/build stopped: 1 lint error/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('sibling path variables that the rewrite cannot unify (it would merge two paths) still stop the build', () => {
    const dir = tempProject();
    const sibling = (path: string, method: string, name: string) => `  ${path}:
    ${method}:
      operationId: ${method}${name}
      parameters: [{ name: ${name}, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' }, responses: { default: { statusCode: "200" } } }
`;
    writeFileSync(join(dir, 'api.yaml'), specWith(sibling('/items/{id}', 'get', 'id') + sibling('/items/{itemId}', 'delete', 'itemId')));
    const r = run(['build', 'api.yaml', '--targets', 'gateway'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error .*APIGW-PATH-004/);
    // Stopped after emitting (the rewrite declined), and for that error alone.
    expect(r.stderr).toMatch(/build stopped: 1 lint error /);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  itShared('Stripe: MODEL-001 is demoted (rewritten), but dropped authentication (AUTH-002) still stops build', () => {
    const dir = tempProject();
    const r = run(['build', shared('specs/stripe/openapi.yaml'), '--targets', 'gateway'], dir);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/warning .*\(rewritten in gateway output\) +APIGW-MODEL-001/);
    expect(r.stderr).not.toMatch(/error .*APIGW-MODEL-001/);
    // Stripe's http basic/bearer schemes cannot be enforced by a REST API: the gateway would
    // deploy those routes open, so build refuses until the user decides.
    expect(r.stderr).toMatch(/error .*APIGW-AUTH-002/);
    expect(r.stderr).toMatch(/build stopped/);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'generated'))).toBe(false);

    const forced = run(['build', shared('specs/stripe/openapi.yaml'), '--targets', 'gateway', '--no-lint'], dir);
    expect(forced.code).toBe(0);
    // Many rewrites: summarised one line a kind, with a count and an example pointer.
    expect(forced.stderr).toMatch(/^ +\d+ rename-model: e\.g\. \/components\/schemas\/\w+: model "\w+" renamed/m);
    expect(existsSync(join(dir, 'generated/gateway/openapi.rest.json'))).toBe(true);
  }, 120_000);
});

describe('build reports handler implementations that no longer match a function', () => {
  it('names the file and keeps it', () => {
    const dir = tempProject('petstore');
    expect(run(['build', 'petstore/openapi.yaml', '--targets', 'handlers'], dir).code).toBe(0);
    const stub = join(dir, 'generated/handlers/petstore-get-pet.ts');
    expect(existsSync(stub)).toBe(true);
    writeFileSync(stub, `${readFileSync(stub, 'utf8')}\n// the user's work\n`);

    // Remove the only route that invokes petstore-get-pet.
    const specFile = join(dir, 'petstore/openapi.yaml');
    const doc = parseDocument(readFileSync(specFile, 'utf8'));
    expect(doc.deleteIn(['paths', '/pets/{petId}', 'get'])).toBe(true);
    writeFileSync(specFile, doc.toString());

    const r = run(['build', 'petstore/openapi.yaml', '--targets', 'handlers'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('apigw-gen: handlers/petstore-get-pet.ts: implementation no longer matches any function (kept)');
    expect(r.stderr).not.toContain('petstore-list-pets.ts: implementation');
    expect(readFileSync(stub, 'utf8')).toContain("// the user's work");
    expect(existsSync(join(dir, 'generated/handlers/petstore-get-pet.generated.ts'))).toBe(false);
  });
});
