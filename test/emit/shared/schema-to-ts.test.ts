// Type-level tests: generate declarations, then compile assertions about their shapes with the
// real compiler (strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess). `@ts-expect-error`
// lines fail the compile when the expected error does not happen, so both directions are pinned.
import { describe, it, expect } from 'vitest';
import type { Model } from '../../../src/model/types.js';
import { TypeSpace } from '../../../src/emit/shared/schema-to-ts.js';
import { typeCheck, TYPE_ASSERTIONS } from './compile.js';

function models(schemas: Record<string, unknown>): Model[] {
  return Object.entries(schemas).map(([name, schema]) => ({ name, schema: schema as Record<string, unknown>, pointer: `/components/schemas/${name}` }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const SCHEMAS = {
  Pet: {
    type: 'object',
    description: 'A pet.\nSecond line with */ inside.',
    required: ['id', 'name', 'password'],
    properties: {
      id: { type: 'integer', readOnly: true },
      name: { type: 'string', default: 'rex' },
      password: { type: 'string', writeOnly: true },
      tag: { type: 'string', nullable: true },
      'x-dashed': { type: 'number' },
      status: { type: 'string', enum: ['available', 'sold'], deprecated: true },
      born: { type: 'string', format: 'date-time' },
    },
  },
  Owner: { type: 'object', properties: { pets: { type: 'array', items: ref('Pet') } } },
  Cat: { type: 'object', required: ['petType', 'meows'], properties: { petType: { type: 'string' }, meows: { type: 'boolean' } } },
  Dog: { type: 'object', required: ['petType', 'barks'], properties: { petType: { type: 'string' }, barks: { type: 'boolean' } } },
  Animal: { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } } },
  Shape: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind' } },
  Circle: { allOf: [ref('Shape'), { type: 'object', required: ['r'], properties: { r: { type: 'number' } } }] },
  Base: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, oneOf: [ref('Sub1'), ref('Sub2')], discriminator: { propertyName: 'kind' } },
  Sub1: { allOf: [ref('Base'), { type: 'object', properties: { a: { type: 'string' } } }] },
  Sub2: { allOf: [ref('Base'), { type: 'object', properties: { b: { type: 'string' } } }] },
  Dict: { type: 'object', additionalProperties: { type: 'integer' } },
  Mixed: { type: 'object', required: ['fixed'], properties: { fixed: { type: 'string' }, opt: { type: 'boolean' } }, additionalProperties: { type: 'number' } },
  Closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
  Open: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
  FreeForm: { type: 'object' },
  Nullable31: { type: ['string', 'null'] },
  Multi31: { type: ['string', 'integer'] },
  EnumMixed: { enum: ['a', 1, true, null] },
  EnumNum: { type: 'integer', enum: [1, 2, -3] },
  Const: { const: 'fixed' },
  Tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false, minItems: 2 },
  TupleRest: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'boolean' }, minItems: 1 },
  Both: { allOf: [ref('Cat'), { type: 'object', required: ['extra'], properties: { extra: { type: 'string' } } }] },
  AnyOf: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  Node: { type: 'object', properties: { children: { type: 'array', items: ref('Node') }, parent: ref('Node') } },
  SelfAlias: { allOf: [ref('SelfAlias')] },
  Bundled: { $ref: '#/paths/~1pets/get/responses/200/content/application~1json/schema' },
  Loop: { $ref: '#/x-loop/a' },
  'weird-name.with spaces': { type: 'string' },
  date: { type: 'string' },
  Hostile: {
    type: 'object',
    description: '*/ export const pwned = 1; /*',
    properties: {
      '*/ x': { type: 'string', enum: ['`${x}`', '*/', "'\"", 'new\nline'] },
      __proto__: { type: 'string' },
    },
  },
  NullableRef: { type: 'object', properties: { owner: { allOf: [ref('Owner')], nullable: true }, other: { anyOf: [ref('Owner')], nullable: true } } },
  BinaryField: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  SharedProps: { type: 'object', required: ['shared'], properties: { $ref: '#/x-props/common' } },
};

const DOCUMENT = {
  paths: { '/pets': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { type: 'string', enum: ['x'] } } } } } } } } },
  'x-loop': { a: { type: 'object', properties: { next: { $ref: '#/x-loop/a' } } } },
  'x-props': { common: { shared: { type: 'string' }, secret: { type: 'string', readOnly: true } } },
};

describe('schema → TypeScript', () => {
  // Object.defineProperty keeps `__proto__` an own data key as a loaded document would.
  const hostileProps = (SCHEMAS.Hostile as { properties: Record<string, unknown> }).properties;
  Object.defineProperty(hostileProps, '__proto__', { value: { type: 'string' }, enumerable: true, configurable: true, writable: true });
  const space = new TypeSpace(models(SCHEMAS), { document: DOCUMENT });
  const types = space.declarations();

  it('names models uniquely and gives view-specific models two types', () => {
    expect(space.names.get('Pet')).toEqual({ read: 'Pet', write: 'PetInput' });
    expect(space.names.get('Owner')).toEqual({ read: 'Owner', write: 'OwnerInput' });
    expect(space.names.get('Cat')).toEqual({ read: 'Cat', write: 'Cat' });
    expect(space.names.get('weird-name.with spaces')!.read).toBe('WeirdNameWithSpaces');
    expect(space.names.get('date')!.read).toBe('Date_');
  });

  it('is deterministic', () => {
    expect(new TypeSpace(models(SCHEMAS), { document: DOCUMENT }).declarations()).toBe(types);
  });

  it('escapes spec text in comments and literals', () => {
    expect(types).toContain('*\\/ export const pwned = 1; /*');
    expect(types).not.toMatch(/^export const pwned/m);
    expect(types).toContain('@deprecated');
    expect(types).toContain('@default "rex"');
  });

  it('compiles under strict settings and has the pinned shapes', () => {
    const check = `${TYPE_ASSERTIONS}
import type * as T from './types.js';

// readOnly absent from the request view, writeOnly absent from the response view.
assertType<Equal<keyof T.PetInput, 'name' | 'password' | 'tag' | 'x-dashed' | 'status' | 'born'>>();
assertType<Equal<keyof T.Pet, 'id' | 'name' | 'tag' | 'x-dashed' | 'status' | 'born'>>();
assertType<Equal<T.Pet['id'], number>>();
assertType<Equal<T.Pet['tag'], string | null | undefined>>();
assertType<Equal<T.Pet['status'], 'available' | 'sold' | undefined>>();
assertType<Equal<T.Pet['born'], string | undefined>>();
assertType<Equal<T.OwnerInput['pets'], T.PetInput[] | undefined>>();
const p: T.PetInput = { name: 'x', password: 'y' };
// @ts-expect-error exactOptionalPropertyTypes: an optional property is not undefined-valued
const bad: T.PetInput = { name: 'x', password: 'y', tag: undefined };

// Discriminated unions narrow, mapping honoured (ref and bare-name forms).
declare const a: T.Animal;
if (a.petType === 'cat') assertType<Equal<typeof a.meows, boolean>>();
else assertType<Equal<typeof a.barks, boolean>>();
assertType<Equal<T.Animal['petType'], 'cat' | 'dog'>>();
// Subtype of a discriminated base gets its tag.
assertType<Equal<T.Circle['kind'], 'Circle'>>();
// Base with oneOf whose subtypes allOf the base: no alias cycle, narrowable.
declare const b: T.Base;
if (b.kind === 'Sub1') { const s: string | undefined = b.a; void s; }
const k: T.Sub2['kind'] = 'Sub2';
// @ts-expect-error the subtype's tag is fixed
const k2: T.Sub2['kind'] = 'Sub1';

// additionalProperties.
declare const dict: T.Dict;
const dv = dict['any'];
assertType<Equal<typeof dv, number | undefined>>();
const m: T.Mixed = { fixed: 'x', other: 1 };
// @ts-expect-error additional values must be numbers (or a declared property's type)
const m2: T.Mixed = { fixed: 'x', other: {} };
// @ts-expect-error closed object rejects unknown keys
const c: T.Closed = { a: 'x', b: 1 };
const o: T.Open = { a: 'x', b: 1 };
const f: T.FreeForm = { anything: [1] };

// 3.1 type arrays, enums, const, tuples.
assertType<Equal<T.Nullable31, string | null>>();
assertType<Equal<T.Multi31, string | number>>();
assertType<Equal<T.EnumMixed, 'a' | 1 | true | null>>();
assertType<Equal<T.EnumNum, 1 | 2 | -3>>();
assertType<Equal<T.Const, 'fixed'>>();
assertType<Equal<T.Tuple, [string, number]>>();
assertType<Equal<T.TupleRest, [string, ...boolean[]]>>();
assertType<Equal<T.AnyOf, string | string[]>>();
const both: T.Both = { petType: 'x', meows: true, extra: 'e' };

// Recursion via named types; broken self-alias; bundled non-model ref; inline ref loop.
const n: T.Node = { children: [{ parent: {} }] };
assertType<Equal<T.SelfAlias, unknown>>();
assertType<Equal<T.Bundled, 'x'[]>>();
declare const l: T.Loop;
const next: unknown = l.next;
assertType<Equal<T.NullableRef['owner'], T.Owner | null | undefined>>();
assertType<Equal<T.NullableRef['other'], T.Owner | null | undefined>>();
assertType<Equal<T.BinaryField['file'], Blob | undefined>>();
// \`properties: { $ref }\` pointing at a shared property map (DigitalOcean does this).
assertType<Equal<T.SharedProps, { shared: string; secret?: string }>>();
assertType<Equal<T.SharedPropsInput, { shared: string }>>();
assertType<Equal<T.Hostile['*/ x'], '\`\${x}\`' | '*/' | '\\'"' | 'new\\nline' | undefined>>();
assertType<Equal<T.Hostile['__proto__'], string | undefined>>();
void [dv, k, k2, p, bad, m, m2, c, o, f, both, n, next];
`;
    expect(typeCheck({ 'types.ts': types, 'check.ts': check })).toEqual([]);
  });

  it('inlines schemas with typeOf, following the view', () => {
    expect(space.typeOf({ type: 'array', items: ref('Pet') }, 'write')).toBe('PetInput[]');
    expect(space.typeOf({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } }, 'read')).toBe('(string | number)[]');
    expect(space.typeOf({ type: 'string', format: 'date-time' }, 'read')).toBe('string');
    expect(new TypeSpace([], { dateTimeType: 'string | Date' }).typeOf({ type: ['string', 'null'], format: 'date-time' }, 'read')).toBe('string | Date | null');
  });
});

describe('alias chains and cycles', () => {
  it('a chain of 20,000 models, each an alias of the next, declared first to last, needs no deep call stack; a cycle still breaks', () => {
    const n = 20_000;
    const schemas: Record<string, unknown> = { C1: ref('C2'), C2: { allOf: [ref('C3')] }, C3: ref('C1') };
    for (let i = n - 1; i > 0; i--) schemas[`S${i}`] = i % 2 === 0 ? ref(`S${i - 1}`) : { allOf: [ref(`S${i - 1}`)] };
    schemas.S0 = { type: 'string' };
    const types = new TypeSpace(models(schemas), { document: { components: { schemas } } }).declarations();
    expect(types).toContain(`export type S${n - 1} = S${n - 2};`);
    expect(types).toContain('export type S0 = string;');
    for (const name of ['C1', 'C2', 'C3']) expect(types).toMatch(new RegExp(`export type ${name} = [^;]*unknown`));
  });
});

describe('refs to parts of models', () => {
  it('a chain of 20,000 of them is followed as deep as a document may nest, then unknown (no stack overflow)', () => {
    const n = 20_000;
    const schemas: Record<string, unknown> = {};
    for (let i = n - 1; i > 0; i--) schemas[`S${i}`] = { type: 'object', properties: { x: { $ref: `#/components/schemas/S${i - 1}/properties/x` } } };
    schemas.S0 = { type: 'object', properties: { x: { type: 'string' } } };
    const space = new TypeSpace(models(schemas), { document: { components: { schemas } } });
    const types = space.declarations();
    expect(types).toMatch(/export type S1 = \{\n\s+x\?: string;/);
    expect(types).toMatch(new RegExp(`export type S${n - 1} = \\{\\n\\s+x\\?: unknown;`));
  });
});
