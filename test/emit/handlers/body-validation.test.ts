// Body validation sees only the keys a JSON body has. A parsed body is a plain object, so ajv's
// default lookups (`data.toString !== undefined`) would find Object.prototype's members: `{}`
// would fail an optional `toString: { type: string }` and pass `required: [constructor]`, the
// opposite of what API Gateway's validator answers. The class is tested with every member name
// Object.prototype has, as optional, required, closed (additionalProperties: false) and
// pattern-matched properties, and with `__proto__` as a key of the JSON body.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers } from '../../../src/emit/handlers/index.js';
import { formatErrors, importModule, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { lambdaContext, restEvent } from './events.js';

/** Every name Object.prototype carries: `constructor`, `toString`, `__proto__`, `hasOwnProperty`, … */
const MEMBERS = Object.getOwnPropertyNames(Object.prototype).sort();

const fnUri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:body-fn/invocations';
/** An object whose own keys are `names` (Object.fromEntries defines `__proto__` as an own key too). */
const own = (names: readonly string[], value: (name: string) => unknown) => Object.fromEntries(names.map((n) => [n, value(n)]));
const stringProps = own(MEMBERS, () => ({ type: 'string' }));

function route(operationId: string, schema: object) {
  return {
    post: {
      operationId,
      requestBody: { required: true, content: { 'application/json': { schema } } },
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
      'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: fnUri },
    },
  };
}

const SPEC = {
  openapi: '3.0.1',
  info: { title: 'Bodies', version: '1' },
  paths: {
    '/optional': route('optionalMembers', { type: 'object', properties: stringProps }),
    '/required': route('requiredMembers', { type: 'object', properties: stringProps, required: MEMBERS }),
    '/closed': route('closedMembers', { type: 'object', properties: stringProps, additionalProperties: false }),
    '/patterns': route('patternMembers', { type: 'object', patternProperties: { '^[a-zA-Z_]+$': { type: 'string' } }, additionalProperties: false }),
    '/model': route('modelMembers', { $ref: '#/components/schemas/Members' }),
  },
  components: { schemas: { Members: { type: 'object', properties: stringProps, required: ['toString'] } } },
};

/** An implementation that reports what it received: the body's own keys and whether its prototype is intact. */
const IMPL = `import { createHandler, type BodyFnImplementation } from './body-fn.generated.js';

const echo = async (event: { body: object }) => ({
  statusCode: 200 as const,
  body: { keys: Object.keys(event.body), plainPrototype: Object.getPrototypeOf(event.body) === Object.prototype },
});

export const handler = createHandler({
  optionalMembers: (event) => echo(event),
  requiredMembers: (event) => echo(event),
  closedMembers: (event) => echo(event),
  patternMembers: (event) => echo(event),
  modelMembers: (event) => echo(event),
} satisfies BodyFnImplementation);
`;

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

describe('body validation reads only the body\'s own keys (every Object.prototype member name)', () => {
  let out: string;
  let handler: Handler;
  const post = async (path: string, body: string) => {
    const res = await handler(restEvent({ method: 'POST', resource: path, path, body, headers: { 'content-type': 'application/json' } }), lambdaContext);
    return { status: res.statusCode, body: JSON.parse(res.body) as { keys?: string[]; plainPrototype?: boolean; message?: string } };
  };

  beforeAll(async () => {
    out = tempOutDir('body-validation');
    const specFile = join(out, 'openapi.json');
    writeFileSync(specFile, JSON.stringify(SPEC));
    const document = await load(specFile);
    writeHandlers(emitHandlers(normalize(document), { document, config: {} }), out);
    const dir = join(out, 'handlers');
    writeFileSync(join(dir, 'impl.ts'), IMPL);
    // The generated types declare every member name as a property, and they compile.
    expect(formatErrors(typecheck(dir))).toBe('');
    handler = (await importModule<{ handler: Handler }>(dir, 'impl')).handler;
  });
  afterAll(() => removeDir(out));

  it('covers the whole class', () => {
    expect(MEMBERS).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']));
  });

  it('optional properties: {} is valid; each member given as a string is valid, as a number is not', async () => {
    expect(await post('/optional', '{}')).toEqual({ status: 200, body: { keys: [], plainPrototype: true } });
    for (const name of MEMBERS) {
      expect(await post('/optional', JSON.stringify(own([name], () => 'x'))), name).toEqual({ status: 200, body: { keys: [name], plainPrototype: true } });
      const wrong = await post('/optional', JSON.stringify(own([name], () => 1)));
      expect(wrong.status, name).toBe(400);
      expect(wrong.body.message, name).toBe(`Invalid request body: /${name} must be string`);
    }
  });

  it('required properties: an inherited member does not satisfy required; all given as strings is valid', async () => {
    const all = own(MEMBERS, () => 'x');
    expect(await post('/required', JSON.stringify(all))).toEqual({ status: 200, body: { keys: Object.keys(all), plainPrototype: true } });
    for (const name of MEMBERS) {
      const res = await post('/required', JSON.stringify(own(MEMBERS.filter((n) => n !== name), () => 'x')));
      expect(res, name).toEqual({ status: 400, body: { message: `Invalid request body: (root) must have required property '${name}'` } });
    }
    expect((await post('/required', '{}')).status).toBe(400);
    // The same through a named model (the shared schemas document).
    expect((await post('/model', '{}')).body.message).toBe("Invalid request body: (root) must have required property 'toString'");
    expect((await post('/model', '{"toString":"x"}')).status).toBe(200);
    expect((await post('/model', '{"toString":"x","valueOf":2}')).status).toBe(400);
  });

  it('additionalProperties: false: {} and every declared member are valid, an undeclared key is not', async () => {
    expect((await post('/closed', '{}')).status).toBe(200);
    expect((await post('/closed', JSON.stringify(own(MEMBERS, () => 'x')))).status).toBe(200);
    const extra = await post('/closed', '{"toString":"x","other":"y"}');
    expect(extra).toEqual({ status: 400, body: { message: 'Invalid request body: (root) must NOT have additional properties' } });
  });

  it('patternProperties: {} is valid; member keys are checked against the pattern\'s schema', async () => {
    expect((await post('/patterns', '{}')).status).toBe(200);
    for (const name of MEMBERS) {
      expect((await post('/patterns', JSON.stringify(own([name], () => 'x')))).status, name).toBe(200);
      expect((await post('/patterns', JSON.stringify(own([name], () => 1)))).status, name).toBe(400);
    }
    expect((await post('/patterns', '{"not-matching":"x"}')).status).toBe(400);
  });

  it('__proto__ as a JSON key is a plain own key: validated as data, never a prototype', async () => {
    const res = await post('/optional', '{"__proto__":"x","toString":"y"}');
    expect(res).toEqual({ status: 200, body: { keys: ['__proto__', 'toString'], plainPrototype: true } });
    // An object under __proto__ is data of the wrong type here, not a new prototype for the body.
    expect((await post('/optional', '{"__proto__":{"polluted":true}}')).body.message).toBe('Invalid request body: /__proto__ must be string');
    expect((await post('/closed', '{"__proto__":"x"}')).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
