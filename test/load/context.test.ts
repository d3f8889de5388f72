// The bundler walks documents with KindTable (integer kinds, table lookups); it must answer exactly
// as childKind, the readable definition, for every parent kind, key shape and version.

import { describe, expect, it } from 'vitest';
import { childKind, isSection, KIND_NAMES, kindId, kindName, kindTable, type NodeKind } from '../../src/load/context.js';
import type { OpenApiVersion } from '../../src/load/types.js';

const KINDS: readonly NodeKind[] = KIND_NAMES;

// Every fixed field childKind knows, plus names that are not fields: user-chosen names, extensions
// (one that is an operation key), prototype names, near misses and the empty key.
const KEYS: Array<string | number> = [
  'paths', 'webhooks', 'components', 'schemas', 'responses', 'parameters', 'headers', 'requestBodies', 'examples',
  'pathItems', 'callbacks', 'requestBody', 'content', 'schema', 'example', 'value', 'definitions',
  'get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method',
  'properties', 'patternProperties', '$defs', 'dependentSchemas', 'items', 'additionalProperties', 'not', 'if', 'then',
  'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema',
  'allOf', 'anyOf', 'oneOf', 'prefixItems', 'enum', 'const', 'default',
  'Pet', 'application/json', '200', '/pets/{id}', 'x-amazon-apigateway-integration', 'x-request-id', 'x-', 'x',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'Properties', 'getx', '$ref',
  0, 1, 7,
];

describe('KindTable', () => {
  for (const version of ['2.0', '3.0', '3.1'] as OpenApiVersion[]) {
    it(`answers as childKind for every parent, key and child shape (OpenAPI ${version})`, () => {
      const table = kindTable(version);
      const mismatches: string[] = [];
      for (const parent of KINDS) {
        for (const key of KEYS) {
          for (const isArray of [false, true]) {
            const expected = childKind(parent, key, version, isArray);
            const actual = kindName(table.child(kindId(parent), key, isArray));
            if (actual !== expected) mismatches.push(`${parent} / ${String(key)} / ${isArray ? 'array' : 'object'}: ${actual}, expected ${expected}`);
          }
        }
        expect(table.isSection(kindId(parent))).toBe(isSection(parent));
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('numbers every kind, both ways', () => {
    for (const kind of KINDS) expect(kindName(kindId(kind))).toBe(kind);
    expect(new Set(KINDS.map(kindId)).size).toBe(KINDS.length);
    // KindTable keeps kind ids in Int8Array/Uint8Array tables (-1 = none): more kinds would wrap.
    expect(Math.max(...KINDS.map(kindId))).toBeLessThanOrEqual(127);
  });
});
