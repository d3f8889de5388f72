// Just enough JSON Schema reading to decide DynamoDB attribute types: refs to named models,
// `allOf` merging, `type` lists with `null`, OpenAPI 3.0 `nullable`.

import { ApigwError } from '../../../errors.js';
import type { Model, Schema } from '../../../model/types.js';
import { unescapeToken } from '../../../model/pointer.js';

export type AttributeShape =
  | { type: 'S' | 'N' | 'BOOL' }
  | { type: 'M'; properties: { name: string; shape: AttributeShape }[] }
  | { type: 'L'; items: AttributeShape }
  | { type: 'SS' | 'NS' };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export class SchemaReader {
  private readonly models = new Map<string, Schema>();

  constructor(models: readonly Model[]) {
    for (const m of models) this.models.set(m.name, m.schema);
  }

  /** Follows `$ref`s to named models (`#/components/schemas/X` in every dialect). */
  resolve(schema: Schema, seen: ReadonlySet<string> = new Set()): Schema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const m = /^#\/(?:components\/schemas|definitions)\/(.+)$/.exec(ref);
    const name = m ? unescapeToken(decodeURIComponent(m[1]!)) : undefined;
    const target = name === undefined ? undefined : this.models.get(name);
    if (!target) throw new ApigwError('BAD_TEMPLATE', `cannot generate a template: the schema reference ${JSON.stringify(ref)} names no model`);
    if (seen.has(name!)) throw new ApigwError('BAD_TEMPLATE', `cannot generate a template for the recursive model ${JSON.stringify(name)}`);
    return this.resolve(target, new Set([...seen, name!]));
  }

  /** The DynamoDB shape of a schema; throws for what a template cannot map (free-form objects, unions). */
  shape(schema: Schema, where: string, seen: ReadonlySet<string> = new Set()): AttributeShape {
    const refName = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (refName !== undefined && seen.has(refName)) throw new ApigwError('BAD_TEMPLATE', `cannot generate a template for ${where}: the schema is recursive`);
    const nextSeen = refName !== undefined ? new Set([...seen, refName]) : seen;
    const s = this.merged(this.resolve(schema), where);
    const type = this.typeOf(s, where);
    switch (type) {
      case 'string': return { type: 'S' };
      case 'number':
      case 'integer': return { type: 'N' };
      case 'boolean': return { type: 'BOOL' };
      case 'array': {
        const items = isObject(s.items) ? s.items : {};
        const itemShape = this.shape(items, `${where}[]`, nextSeen);
        if (s.uniqueItems === true && itemShape.type === 'S') return { type: 'SS' };
        if (s.uniqueItems === true && itemShape.type === 'N') return { type: 'NS' };
        return { type: 'L', items: itemShape };
      }
      case 'object': {
        const props = isObject(s.properties) ? s.properties : {};
        const names = Object.keys(props);
        if (names.length === 0) throw new ApigwError('BAD_TEMPLATE', `cannot generate a template for ${where}: an object without declared properties has no fixed DynamoDB shape`);
        return { type: 'M', properties: names.map((name) => ({ name, shape: this.shape(isObject(props[name]) ? (props[name] as Schema) : {}, `${where}.${name}`, nextSeen) })) };
      }
      default:
        throw new ApigwError('BAD_TEMPLATE', `cannot generate a template for ${where}: its schema has no single type`);
    }
  }

  /** `allOf` members merged into one object schema. */
  private merged(schema: Schema, where: string): Schema {
    if (!Array.isArray(schema.allOf)) return schema;
    const properties: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let type: unknown = schema.type;
    for (const part of [schema, ...(schema.allOf as unknown[])]) {
      if (!isObject(part)) continue;
      const p = part === schema ? schema : this.merged(this.resolve(part), where);
      if (isObject(p.properties)) for (const [k, v] of Object.entries(p.properties)) properties[k] = v;
      if (type === undefined && p.type !== undefined) type = p.type;
    }
    return { ...schema, allOf: undefined, type: type ?? 'object', properties };
  }

  private typeOf(s: Schema, _where: string): string | undefined {
    let t = s.type;
    if (Array.isArray(t)) {
      const nonNull = t.filter((x) => x !== 'null');
      t = nonNull.length === 1 ? nonNull[0] : undefined;
    }
    if (typeof t === 'string') return t;
    if (isObject(s.properties)) return 'object';
    if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => typeof v === 'string')) return 'string';
    return undefined;
  }
}
