// Every sub-schema of a named model, with its pointer, computed once per model and shared by all
// model rules (several rules look at the same schemas; walking them once keeps big specs fast).
// `$ref`s are not followed: a referenced model is walked as its own model.

import type { Model, Pointer } from '../../model/types.js';
import { child } from '../pointer.js';
import { isObject, type JsonObject } from './raw.js';

export interface SchemaNode {
  schema: JsonObject;
  /** Built on first read: most sub-schemas are never reported, and Stripe has ~60,000 of them. */
  readonly pointer: Pointer;
}

class LazyNode implements SchemaNode {
  private built: Pointer | undefined;
  constructor(
    readonly schema: JsonObject,
    private readonly parent: LazyNode | Pointer,
    private readonly tokens: readonly (string | number)[],
  ) {}
  get pointer(): Pointer {
    if (this.built === undefined) {
      const base = typeof this.parent === 'string' ? this.parent : this.parent.pointer;
      this.built = this.tokens.length === 0 ? base : child(base, ...this.tokens);
    }
    return this.built;
  }
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_KEYS = new Set([...SUBSCHEMA_MAPS, ...SUBSCHEMA_SINGLE, ...SUBSCHEMA_LISTS]);

/**
 * Whether `schema` has any keyword holding sub-schemas. Most schemas are leaves (`type`,
 * `description`, …): one pass over their few keys is cheaper than looking each of the 20 keywords
 * up on objects of thousands of different shapes (~10 ms on Stripe's ~60,000 schemas).
 */
function hasSubschemaKeyword(schema: JsonObject): boolean {
  for (const key in schema) if (SUBSCHEMA_KEYS.has(key)) return true;
  return false;
}

/** Depth-first sub-schemas of `schema` (including itself); read `pointer` only for what you report. */
export function walkSchema(schema: unknown, pointer: Pointer): SchemaNode[] {
  const out: SchemaNode[] = [];
  visit(schema, pointer, [], out, 0);
  return out;
}

function visit(schema: unknown, parent: LazyNode | Pointer, tokens: (string | number)[], out: SchemaNode[], depth: number): void {
  if (!isObject(schema) || depth > 64) return;
  const node = new LazyNode(schema, parent, tokens);
  out.push(node);
  if (!hasSubschemaKeyword(schema)) return;
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const name of Object.keys(map)) visit(map[name], node, [key, name], out, depth + 1);
  }
  for (const key of SUBSCHEMA_SINGLE) {
    const sub = schema[key];
    if (Array.isArray(sub)) sub.forEach((s, i) => visit(s, node, [key, i], out, depth + 1));
    else if (isObject(sub)) visit(sub, node, [key], out, depth + 1);
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s, i) => visit(s, node, [key, i], out, depth + 1));
  }
}

const cache = new WeakMap<Model, SchemaNode[]>();

export function modelSchemas(model: Model): SchemaNode[] {
  let nodes = cache.get(model);
  if (!nodes) cache.set(model, (nodes = walkSchema(model.schema, model.pointer)));
  return nodes;
}
