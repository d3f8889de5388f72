// Several non-proxy (`aws`) routes on one Lambda function: the event is only what each request
// mapping template builds, so the router can tell the routes apart only by template fields filled
// from $context.httpMethod / $context.resourcePath. Routes it can tell apart are routed; one route
// without the fields is reached by elimination; several fail with an error naming the fix, and
// the generated README says which routes need it. The generated stubs throw "Not implemented: <route
// key>", which shows where each event went.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers } from '../../../src/emit/handlers/index.js';
import type { FileSet } from '../../../src/emit/types.js';
import { formatErrors, importModule, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { lambdaContext } from './events.js';

const WITH_FIELDS = `'{"method": "$context.httpMethod", "resource": "$context.resourcePath", "body": $input.json(''$'')}'`;
const METHOD_ONLY = `'{"method": "$context.httpMethod", "body": $input.json(''$'')}'`;
const NO_FIELDS = `'{"body": $input.json(''$'')}'`;
const route = (fn: string, operationId: string, template: string) => `      operationId: ${operationId}
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations
        requestTemplates: { application/json: ${template} }
        responses: { default: { statusCode: "200" } }`;

const SPEC = `openapi: 3.0.1
info: { title: Legacy, version: "1" }
paths:
  /orders:
    post:
${route('orders', 'createOrder', WITH_FIELDS)}
    get:
${route('orders', 'listOrders', WITH_FIELDS)}
  /reports:
    get:
${route('orders', 'listReports', NO_FIELDS)}
  /a:
    get:
${route('halfway', 'getA', METHOD_ONLY)}
  /b:
    get:
${route('halfway', 'getB', WITH_FIELDS)}
  /x:
    get:
${route('blind', 'getX', NO_FIELDS)}
  /y:
    get:
${route('blind', 'getY', METHOD_ONLY)}
`;

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** The error the handler fails with (the stubs always fail: with "Not implemented: <key>" once routed). */
async function failure(handler: Handler, event: unknown): Promise<string> {
  return handler(event, lambdaContext).then(() => 'resolved', (e: Error) => e.message);
}

describe('non-proxy routes sharing a function', () => {
  let files: FileSet;
  let dir: string;
  const handlers: Record<string, Handler> = {};

  beforeAll(async () => {
    const out = tempOutDir('non-proxy-routing');
    dirs.push(out);
    const specFile = join(out, 'openapi.yaml');
    writeFileSync(specFile, SPEC);
    const document = await load(specFile);
    files = emitHandlers(normalize(document), { document, config: {} });
    writeHandlers(files, out);
    dir = join(out, 'handlers');
    for (const fn of ['orders', 'halfway', 'blind']) handlers[fn] = (await importModule<{ handler: Handler }>(dir, fn)).handler;
  });

  it('compiles as generated', () => {
    expect(formatErrors(typecheck(dir))).toBe('');
  });

  it('routes by the template fields, and the one route without them by elimination', async () => {
    const orders = handlers.orders!;
    expect(await failure(orders, { method: 'POST', resource: '/orders', body: {} })).toBe('Not implemented: POST /orders');
    expect(await failure(orders, { method: 'GET', resource: '/orders', body: {} })).toBe('Not implemented: GET /orders');
    expect(await failure(orders, { body: {} })).toBe('Not implemented: GET /reports');
  });

  it('does not route by a field that cannot tell the routes apart (a method alone, when another route has the same method)', async () => {
    const halfway = handlers.halfway!;
    // GET /a's template has only the method: it must not catch GET /b's events, whatever the order.
    expect(await failure(halfway, { method: 'GET', resource: '/b', body: {} })).toBe('Not implemented: GET /b');
    expect(await failure(halfway, { method: 'GET', body: {} })).toBe('Not implemented: GET /a');
  });

  it('fails with a message naming the fix when several routes lack the fields', async () => {
    const message = await failure(handlers.blind!, { method: 'GET', body: {} });
    expect(message).toBe(
      'apigw-gen router: this function serves 2 non-proxy routes and cannot tell which one this event is for. ' +
        'Add "httpMethod": "$context.httpMethod" and "resourcePath": "$context.resourcePath" to the request mapping templates of GET /x, GET /y, ' +
        'then rebuild (see the "Non-proxy routes" section of handlers/README.md).',
    );
  });

  it('documents it in the generated README, per function', () => {
    const readme = files.get('README.md')!.content;
    expect(readme).toContain('## Non-proxy routes that share a function');
    expect(readme).toContain('"httpMethod": "$context.httpMethod",\n"resourcePath": "$context.resourcePath",');
    expect(readme).toMatch(/- blind \(`blind\.ts`\): \*\*cannot route\*\* `GET \/x`, `GET \/y` — add the fields/);
    expect(readme).toMatch(/- orders \(`orders\.ts`\): `GET \/reports` lacks the fields and gets every event no other route's fields match/);
    expect(readme).toMatch(/- halfway \(`halfway\.ts`\): `GET \/a` lacks the fields/);
    // The generated module gives `match` only to routes it can tell apart.
    const halfway = files.get('halfway.generated.ts')!.content;
    expect(halfway.match(/match: \{/g)).toHaveLength(1);
  });
});
