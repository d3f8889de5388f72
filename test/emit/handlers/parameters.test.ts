// Parameter types: string enums narrow to literal unions (values stay strings, as API Gateway
// delivers them) and the router keeps that true at run time (400 for other values); `__proto__`
// as a parameter or response header name is ordinary data end to end.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers } from '../../../src/emit/handlers/index.js';
import type { FileSet } from '../../../src/emit/types.js';
import { formatErrors, importModule, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { lambdaContext, restEvent } from './events.js';

const SPEC = `openapi: 3.0.1
info: { title: Catalog, version: "1" }
paths:
  /items/{kind}:
    get:
      operationId: listItems
      parameters:
        - { name: kind, in: path, required: true, schema: { type: string, enum: [book, film] } }
        - $ref: "#/components/parameters/Order"
        - { name: limit, in: query, schema: { type: integer, enum: [10, 50] } }
        - { name: __proto__, in: query, schema: { type: string } }
        - { name: X-Mode, in: header, schema: { type: string, enum: [fast, "it's \\"safe\\""], nullable: true } }
      responses:
        "200":
          description: ok
          headers:
            __proto__: { required: true, schema: { type: string } }
          content: { application/json: { schema: { type: object, properties: { echo: { type: string } } } } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:catalog/invocations
components:
  parameters:
    Order: { name: order, in: query, schema: { $ref: "#/components/schemas/SortOrder" } }
  schemas:
    SortOrder: { type: string, enum: [asc, desc] }
`;

/** A user implementation that pins the parameter types: tsc fails if they are wider or narrower. */
const IMPL = `import { createHandler, type ListItemsEvent } from './catalog.generated.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Query = ListItemsEvent['queryStringParameters'];
export const kindIsUnion: Equals<ListItemsEvent['pathParameters']['kind'], 'book' | 'film'> = true;
export const orderIsUnion: Equals<Query['order'], 'asc' | 'desc' | undefined> = true;
// A number enum stays text: '10' and '10.0' both reach the function.
export const limitIsString: Equals<Query['limit'], string | undefined> = true;
export const modeIsUnion: Equals<ListItemsEvent['headers']['x-mode'], 'fast' | 'it\\'s "safe"' | undefined> = true;
// @ts-expect-error a value outside the enum is a type error
export const sideways: Query['order'] = 'sideways';

export const handler = createHandler({
  async listItems(event) {
    const order: 'asc' | 'desc' = event.queryStringParameters.order ?? 'asc';
    const proto = event.queryStringParameters['__proto__'] ?? 'none';
    return { statusCode: 200, headers: { ['__proto__']: proto }, body: { echo: \`\${event.pathParameters.kind}:\${order}:\${proto}\` } };
  },
});
`;

type Handler = (event: unknown, context: unknown) => Promise<any>;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe('handler parameters', () => {
  let dir: string;
  let files: FileSet;
  let handler: Handler;

  beforeAll(async () => {
    const out = tempOutDir('parameters');
    dirs.push(out);
    const specFile = join(out, 'openapi.yaml');
    writeFileSync(specFile, SPEC);
    const document = await load(specFile);
    files = emitHandlers(normalize(document), { document, config: {} });
    writeHandlers(files, out);
    dir = join(out, 'handlers');
    writeFileSync(join(dir, 'impl.ts'), IMPL);
    handler = (await importModule<{ handler: Handler }>(dir, 'impl')).handler;
  });

  it('narrows string enums to literal unions (type-level checks compile, stubs included, zero errors)', () => {
    expect(formatErrors(typecheck(dir, { noUncheckedIndexedAccess: true }))).toBe('');
    const generated = files.get('catalog.generated.ts')!.content;
    expect(generated).toContain(`kind: "book" | "film";`);
    expect(generated).toContain(`order?: "asc" | "desc";`);
    expect(generated).toContain(`limit?: string;`);
  });

  it('the type checks can fail: a literal outside the union is reported', () => {
    writeFileSync(join(dir, 'wrong.ts'), `import type { ListItemsEvent } from './catalog.generated.js';\nexport const x: ListItemsEvent['pathParameters']['kind'] = 'music';\n`);
    try {
      expect(formatErrors(typecheck(dir))).toMatch(/wrong\.ts:2:\d+ TS2322: Type '"music"' is not assignable to type '"book" \| "film"'/);
    } finally {
      writeFileSync(join(dir, 'wrong.ts'), 'export {};\n');
    }
  });

  it('answers 400 for a value outside the enum without calling the implementation', async () => {
    const event = (query: Record<string, string>, kind = 'book', headers: Record<string, string> = {}) =>
      restEvent({ method: 'GET', resource: '/items/{kind}', path: `/items/${kind}`, pathParameters: { kind }, query, headers });
    expect(await handler(event({ order: 'sideways' }), lambdaContext)).toMatchObject({
      statusCode: 400,
      body: JSON.stringify({ message: 'Invalid request parameter querystring.order: expected one of asc, desc' }),
    });
    expect((await handler(event({}, 'music'), lambdaContext)).statusCode).toBe(400);
    expect((await handler(event({}, 'book', { 'X-Mode': 'slow' }), lambdaContext)).statusCode).toBe(400);
    // Header names are matched case-insensitively; a number enum is not checked (it stays string).
    const ok = await handler(event({ order: 'desc', limit: '10.0' }, 'film', { 'X-MODE': 'fast' }), lambdaContext);
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ echo: 'film:desc:none' });
  });

  it('keeps __proto__ as a real parameter and response header key', async () => {
    const res = await handler(restEvent({ method: 'GET', resource: '/items/{kind}', path: '/items/book', pathParameters: { kind: 'book' }, query: JSON.parse('{"__proto__": "polluted?"}') }), lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ echo: 'book:asc:polluted?' });
    expect(Object.prototype.hasOwnProperty.call(res.headers, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(res.headers, '__proto__')?.value).toBe('polluted?');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
