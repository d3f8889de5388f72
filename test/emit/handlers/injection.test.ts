// A hostile spec: names, descriptions, enum values, selection patterns and function names that
// try to end comments or literals, or escape the output folder. The generated handlers must
// compile, run without executing any of it, and stay inside handlers/.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers } from '../../../src/emit/handlers/index.js';
import { assertSafeRelativePath } from '../../../src/output/index.js';
import { formatErrors, importModule, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { lambdaContext, restEvent } from './events.js';

const EVIL = '*/ globalThis.pwned = 1; /* ` ${globalThis.pwned = 2} \\" \' \n // next line';
const q = (s: string) => JSON.stringify(s);

const SPEC = `openapi: 3.0.1
info: { title: ${q(EVIL)}, version: "1" }
paths:
  /evil/{id}:
    post:
      operationId: ${q(`op${EVIL}`)}
      summary: ${q(EVIL)}
      description: ${q(EVIL)}
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: ${q(`h${EVIL}`)}, in: header, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                ${q(EVIL)}: { type: string, enum: [${q(EVIL)}], description: ${q(EVIL)} }
                __proto__: { type: string }
      responses:
        "200": { description: ${q(EVIL)}, content: { application/json: { schema: { $ref: "#/components/schemas/${'Evil*~1Model'}" } } } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:..%2F..%2Fevil*/\`x\`/invocations"
  /legacy:
    post:
      operationId: legacy
      responses: { "200": { description: ok }, "400": { description: bad } }
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:legacy/invocations"
        responses:
          default: { statusCode: "200" }
          ${q(".*\\*/ globalThis.pwned = 3; /\\*.*")}: { statusCode: "400" }
components:
  schemas:
    ${q('Evil*/Model')}:
      type: object
      description: ${q(EVIL)}
      properties:
        ${q(EVIL)}: { type: string }
`;

const dirs: string[] = [];
afterAll(() => { if (!process.env.KEEP_HANDLERS_OUTPUT) dirs.forEach(removeDir); });

describe('hostile spec text cannot inject code or escape the output folder', () => {
  it('compiles, imports without side effects, and keeps paths safe', async () => {
    const out = tempOutDir('injection');
    dirs.push(out);
    const specFile = join(out, 'openapi.yaml');
    writeFileSync(specFile, SPEC);
    const document = await load(specFile);
    const api = normalize(document);
    const files = emitHandlers(api, { document, config: {} });
    for (const path of files.keys()) expect(() => assertSafeRelativePath(path)).not.toThrow();
    writeHandlers(files, out);
    const dir = join(out, 'handlers');
    expect(formatErrors(typecheck(dir))).toBe('');

    const modules = [...files.keys()].filter((p) => p.endsWith('.generated.ts') && p !== 'runtime.generated.ts').map((p) => p.replace(/\.ts$/, ''));
    expect(modules.length).toBeGreaterThanOrEqual(3);
    for (const m of modules) await importModule(dir, m);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();

    // The evil function's stub runs and answers its 501, the header name survives as data.
    const stubStem = [...files.keys()].find((p) => p.endsWith('.ts') && !p.endsWith('.generated.ts') && p !== 'legacy.ts')!.replace(/\.ts$/, '');
    const { handler } = await importModule<{ handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> }>(dir, stubStem);
    const res = await handler(restEvent({ method: 'POST', resource: '/evil/{id}', path: '/evil/1', pathParameters: { id: '1' }, headers: { [`h${EVIL}`]: 'v' }, body: '{}' }), lambdaContext);
    expect(res.statusCode).toBe(501);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });
});
