// Every sub-schema of a named model, with its pointer, computed once per model and shared by all
// model rules (several rules look at the same schemas; walking them once keeps big specs fast).
// `$ref`s are not followed: a referenced model is walked as its own model.

import type { Model, Pointer } from '../../model/types.js';
import { child } from '../pointer.js';
import { isObject, type JsonObject } from './raw.js';

export interface SchemaNode {
  schema: JsonObject;
  pointer: Pointer;
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Depth-first sub-schemas of `schema` (including itself). */
export function walkSchema(schema: unknown, pointer: Pointer, out: SchemaNode[] = [], depth = 0): SchemaNode[] {
  if (!isObject(schema) || depth > 64) return out;
  out.push({ schema, pointer });
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const [name, sub] of Object.entries(map)) walkSchema(sub, child(pointer, key, name), out, depth + 1);
  }
  for (const key of SUBSCHEMA_SINGLE) {
    const sub = schema[key];
    if (Array.isArray(sub)) sub.forEach((s, i) => walkSchema(s, child(pointer, key, i), out, depth + 1));
    else if (isObject(sub)) walkSchema(sub, child(pointer, key), out, depth + 1);
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s, i) => walkSchema(s, child(pointer, key, i), out, depth + 1));
  }
  return out;
}

const cache = new WeakMap<Model, SchemaNode[]>();

export function modelSchemas(model: Model): SchemaNode[] {
  let nodes = cache.get(model);
  if (!nodes) cache.set(model, (nodes = walkSchema(model.schema, model.pointer)));
  return nodes;
}
