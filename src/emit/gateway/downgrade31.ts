// OpenAPI 3.1 → 3.0.3: API Gateway imports 3.0. Each schema construct that 3.0 cannot express is
// rewritten to its 3.0 equivalent where one exists, else removed; every change is logged.

import type { ChangeLog } from './changes.js';
import { childPointer, isObject, newObject, type Json, type JsonObject } from './json.js';
import { forEachSchema } from './schema-walk.js';

/** JSON Schema 2020-12 keywords with no OpenAPI 3.0 counterpart. */
const DROPPED = [
  '$schema', '$id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$comment', '$defs', '$vocabulary',
  'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'prefixItems', 'unevaluatedItems',
  'unevaluatedProperties', 'contains', 'minContains', 'maxContains', 'propertyNames', 'patternProperties',
  'contentMediaType', 'contentEncoding', 'contentSchema',
];

export function downgrade31(doc: JsonObject, log: ChangeLog): void {
  doc.openapi = '3.0.3';
  log.add('downgrade-3.1', '/openapi', 'openapi 3.1 → 3.0.3 (API Gateway imports OpenAPI 3.0)');
  for (const key of ['webhooks', 'jsonSchemaDialect']) {
    if (key in doc) {
      delete doc[key];
      log.add('downgrade-3.1', `/${key}`, `removed ${key} (OpenAPI 3.1 only)`);
    }
  }
  const info = doc.info;
  if (isObject(info)) {
    if ('summary' in info) {
      delete info.summary;
      log.add('downgrade-3.1', '/info/summary', 'removed info.summary (OpenAPI 3.1 only)');
    }
    if (isObject(info.license) && 'identifier' in info.license) {
      delete info.license.identifier;
      log.add('downgrade-3.1', '/info/license/identifier', 'removed info.license.identifier (OpenAPI 3.1 only)');
    }
  }
  if (isObject(doc.components) && 'pathItems' in doc.components) {
    delete doc.components.pathItems;
    log.add('downgrade-3.1', '/components/pathItems', 'removed components.pathItems (OpenAPI 3.1 only)');
  }
  if (!isObject(doc.paths)) doc.paths = newObject();
  forEachSchema(doc, (schema, pointer) => downgradeSchema(schema, pointer, log));
}

function downgradeSchema(schema: JsonObject, pointer: string, log: ChangeLog): void {
  const type = schema.type;
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null');
    const nullable = nonNull.length !== type.length;
    if (nonNull.length === 1) schema.type = nonNull[0]!;
    else if (nonNull.length === 0) delete schema.type;
    else {
      delete schema.type;
      schema.anyOf = nonNull.map((t) => {
        const s = newObject();
        s.type = t;
        return s;
      });
    }
    if (nullable) schema.nullable = true;
    log.add('downgrade-3.1', childPointer(pointer, 'type'), `type ${JSON.stringify(type)} → ${nonNull.length > 1 ? 'anyOf of types' : `type ${JSON.stringify(schema.type ?? null)}`}${nullable ? ' + nullable: true' : ''}`);
  }
  if ('const' in schema) {
    schema.enum = [schema.const!];
    delete schema.const;
    log.add('downgrade-3.1', childPointer(pointer, 'const'), 'const → single-value enum');
  }
  if (Array.isArray(schema.examples)) {
    if (schema.examples.length > 0 && !('example' in schema)) schema.example = schema.examples[0]!;
    delete schema.examples;
    log.add('downgrade-3.1', childPointer(pointer, 'examples'), 'examples → example (the first one)');
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const value = schema[exclusive];
    if (typeof value === 'number') {
      schema[bound] = value;
      schema[exclusive] = true;
      log.add('downgrade-3.1', childPointer(pointer, exclusive), `${exclusive}: ${value} → ${bound}: ${value} + ${exclusive}: true`);
    }
  }
  if (typeof schema.$ref === 'string') {
    // 3.0 ignores a $ref's siblings; keep the meaning by wrapping the $ref in allOf.
    const siblings = Object.keys(schema).filter((k) => k !== '$ref' && k !== 'description' && k !== 'summary');
    if (siblings.length > 0) {
      const ref = newObject();
      ref.$ref = schema.$ref;
      delete schema.$ref;
      schema.allOf = [ref, ...(Array.isArray(schema.allOf) ? schema.allOf : [])] as Json[];
      log.add('downgrade-3.1', childPointer(pointer, '$ref'), '$ref with sibling keywords → allOf: [$ref] (3.0 ignores siblings of $ref)');
    }
    if ('summary' in schema) delete schema.summary;
  }
  for (const key of DROPPED) {
    if (key in schema) {
      delete schema[key];
      log.add('downgrade-3.1', childPointer(pointer, key), `removed ${key} (JSON Schema 2020-12 only; OpenAPI 3.0 has no equivalent)`);
    }
  }
}
