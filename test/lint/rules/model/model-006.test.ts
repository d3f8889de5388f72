// APIGW-MODEL-006's #/components/responses warning is about refs the author wrote, not the ones the
// bundler creates when it hoists a response `$ref`-ed from another file (DigitalOcean: 2,300 of them).

import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { lintFile } from '../../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-model-006-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const integration = `x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } }`;

async function model006(files: Record<string, string>): Promise<string[]> {
  const folder = mkdtempSync(join(dir, 'case-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), body);
  }
  const { diagnostics } = await lintFile(join(folder, 'openapi.yaml'), {}, 'rest');
  return diagnostics.filter((d) => d.ruleId === 'APIGW-MODEL-006').map((d) => d.pointer);
}

describe('APIGW-MODEL-006 and bundled response refs', () => {
  it('does not report a response the author $ref-ed from another file (hoisted by the bundler)', async () => {
    const found = await model006({
      'openapi.yaml': `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { $ref: 'responses/ok.yaml' }
      ${integration}
`,
      'responses/ok.yaml': 'description: OK\n',
    });
    expect(found).toEqual([]);
  });

  it('reports a #/components/responses ref the author wrote, also in a multi-file spec', async () => {
    const found = await model006({
      'openapi.yaml': `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { $ref: '#/components/responses/Ok' }
        '404': { $ref: 'responses/missing.yaml' }
      ${integration}
components:
  responses:
    Ok: { description: OK }
`,
      'responses/missing.yaml': 'description: Not found\n',
    });
    expect(found).toEqual(['/paths/~1a/get/responses/200/$ref']);
  });
});
