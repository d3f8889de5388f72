// JSON Schema (OpenAPI 2.0 / 3.0 / 3.1 flavours) → TypeScript type text, shared by every emitter
// that needs types (sdk, handlers).
//
// Usage:
//   const space = new TypeSpace(api.models, { document: options.document.document });
//   space.declarations()            // `export type Pet = { … };` for every named model
//   space.typeOf(schema, 'write')   // inline type text for a request body schema
//
// Named models (`#/components/schemas/X`, also `#/definitions/X`) become references to their
// exported type names; everything else is inlined. Other refs (bundled `#/paths/…` refs) resolve
// against the document; inline recursion through them stops at `unknown` instead of looping.
//
// Views: `readOnly` properties are absent from the `write` (request) view and `writeOnly` ones from
// the `read` (response) view. A model whose two views differ gets two exported types: `X` (read)
// and `XInput` (write); otherwise one type serves both.
//
// The output always compiles under `tsc --strict` (plus exactOptionalPropertyTypes and
// noUncheckedIndexedAccess): index signatures include every property type, direct alias cycles
// (`type A = B & …; type B = A | …`) are broken with `unknown`, and spec text only enters through
// `stringLiteral`/`jsDoc`.

import { MAX_NESTING_DEPTH } from '../../load/limits.js';
import type { Model, Schema } from '../../model/types.js';
import { unescapeToken } from '../../model/pointer.js';
import { jsDoc, stringLiteral, type JsDocTag } from './escape.js';
import { propertyKey, toTypeName, uniqueNames } from './naming.js';

export type View = 'read' | 'write';

export interface TypeSpaceOptions {
  /** The bundled document (`LoadedDocument.document`): needed to resolve refs outside named models. */
  document?: Record<string, unknown>;
  /** Type text for `format: date-time` strings. Default `string`. */
  dateTimeType?: string;
  /** Type text for `format: binary` strings and Swagger 2.0 `type: file`. Default `Blob`. */
  binaryType?: string;
  /** Names the emitter reserves in the module that declares the models (model types avoid them). */
  reservedNames?: Iterable<string>;
}

export interface ModelTypeNames {
  /** Exported name of the response (read) view. */
  read: string;
  /** Exported name of the request (write) view; equals `read` when both views are the same. */
  write: string;
}

/** Precedence of a printed type: what it may be embedded in without parentheses. */
const enum Prec {
  Union = 0,
  Intersection = 1,
  Atom = 2,
}

interface Printed {
  t: string;
  p: Prec;
  /** For unions: the member texts (each valid at intersection precedence), so unions flatten and dedupe. */
  parts?: string[];
}

const MODEL_REF = /^#\/(?:components\/schemas|definitions)\/([^/]+)$/;
const MODEL_SUBREF = /^#\/(?:components\/schemas|definitions)\/([^/]+)(\/.*)$/;

const UNKNOWN: Printed = { t: 'unknown', p: Prec.Atom };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeToken(token: string): string {
  let t = token;
  if (t.includes('%')) {
    try {
      t = decodeURIComponent(t);
    } catch {
      // A literal `%` that is not an escape: keep it.
    }
  }
  return unescapeToken(t);
}

/** Follows a JSON pointer (RFC 6901) from `root`; undefined when any step is missing. */
export function getByPointer(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? root : isObject(root) ? root[''] : undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = decodeToken(raw);
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else if (isObject(node)) node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return node;
}

function wrap(x: Printed, min: Prec): string {
  return x.p >= min ? x.t : `(${x.t})`;
}

function union(members: Printed[]): Printed {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (m.t === 'unknown') return UNKNOWN;
    if (m.t === 'never') continue;
    for (const text of m.parts ?? [wrap(m, Prec.Intersection)]) {
      if (seen.has(text)) continue;
      seen.add(text);
      parts.push(text);
    }
  }
  if (parts.length === 0) return { t: 'never', p: Prec.Atom };
  if (parts.length === 1) {
    const only = members.find((m) => m.t !== 'never' && (m.parts === undefined || m.parts.length === 1))!;
    return only.parts ? { t: only.parts[0]!, p: Prec.Intersection } : only;
  }
  return { t: parts.join(' | '), p: Prec.Union, parts };
}

function intersection(members: Printed[]): Printed {
  const parts = members.filter((m) => m.t !== 'unknown');
  if (parts.length === 0) return UNKNOWN;
  if (parts.length === 1) return parts[0]!;
  return { t: parts.map((m) => wrap(m, Prec.Intersection)).join(' & '), p: Prec.Intersection };
}

/** A literal type for a JSON value, or undefined for objects/arrays (which have no literal type). */
export function literalType(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Per-emission state: where we are, so cycles are cut instead of looped. */
interface Walk {
  view: View;
  /** The model being declared (for alias-cycle breaking), if any. */
  model: string | undefined;
  /** True while no property/items boundary has been crossed since the declaration's root. */
  top: boolean;
  /** Non-model refs currently being expanded (inline recursion guard). */
  expanding: Set<string>;
  indent: string;
  /** Prefix for model type references (`T.` when the models live in another module imported as `T`). */
  refPrefix: string;
}

export class TypeSpace {
  readonly names: ReadonlyMap<string, ModelTypeNames>;
  private readonly models = new Map<string, Model>();
  private readonly document: Record<string, unknown> | undefined;
  private readonly dateTime: Printed;
  private readonly binaryType: string;
  /** Model name → id of its strongly connected component in the graph of direct (top-level) refs, for cyclic ones. */
  private readonly aliasCycle = new Map<string, number>();
  private readonly viewSpecific = new Set<string>();
  /** Nested print() calls (see print). */
  private printDepth = 0;

  constructor(models: readonly Model[], options: TypeSpaceOptions = {}) {
    this.document = options.document;
    const dt = options.dateTimeType ?? 'string';
    this.dateTime = dt.includes('|') ? { t: dt, p: Prec.Union, parts: dt.split('|').map((x) => x.trim()) } : { t: dt, p: Prec.Atom };
    this.binaryType = options.binaryType ?? 'Blob';
    for (const m of models) if (!this.models.has(m.name)) this.models.set(m.name, m);
    const list = [...this.models.values()];
    this.computeViewSpecific(list);
    this.computeAliasCycles(list);
    const readNames = list.map((m) => toTypeName(m.name));
    const writeIdx: number[] = [];
    const wanted = [...readNames];
    list.forEach((m, i) => {
      if (this.viewSpecific.has(m.name)) {
        writeIdx[i] = wanted.length;
        wanted.push(`${readNames[i]}Input`);
      }
    });
    const unique = uniqueNames(wanted, { taken: options.reservedNames });
    const names = new Map<string, ModelTypeNames>();
    list.forEach((m, i) => {
      const read = unique[i]!;
      const w = writeIdx[i];
      names.set(m.name, { read, write: w === undefined ? read : unique[w]! });
    });
    this.names = names;
  }

  /** The exported type name of a model in a view, or undefined when there is no such model. */
  modelTypeName(modelName: string, view: View): string | undefined {
    const n = this.names.get(modelName);
    return n && n[view];
  }

  /** True when the model's read and write views differ (it has, or reaches, readOnly/writeOnly properties). */
  hasViews(modelName: string): boolean {
    return this.viewSpecific.has(modelName);
  }

  /** The model a `$ref` names, when it is a whole-model ref. */
  modelOfRef(ref: string): Model | undefined {
    const m = MODEL_REF.exec(ref);
    return m ? this.models.get(decodeToken(m[1]!)) : undefined;
  }

  /** The schema a `$ref` points to (model or any other location), or undefined when it does not resolve. */
  resolveRef(ref: string): unknown {
    const model = this.modelOfRef(ref);
    if (model) return model.schema;
    if (!ref.startsWith('#')) return undefined;
    const pointer = ref.slice(1);
    const inDoc = this.document ? getByPointer(this.document, pointer) : undefined;
    if (inDoc !== undefined) return inDoc;
    // The model's ref form may differ from the document's (2.0 `definitions` read as `components/schemas`).
    const sub = MODEL_SUBREF.exec(ref);
    if (sub) {
      const base = this.models.get(decodeToken(sub[1]!));
      if (base) return getByPointer(base.schema, sub[2]!);
    }
    return undefined;
  }

  /** Follows `$ref` chains until a schema that is not a ref (or undefined when broken/cyclic). */
  resolve(schema: unknown): Schema | undefined {
    let s = schema;
    for (let i = 0; i < 64 && isObject(s) && typeof s.$ref === 'string'; i++) s = this.resolveRef(s.$ref);
    return isObject(s) && typeof s.$ref !== 'string' ? s : undefined;
  }

  /**
   * Inline type text for a schema in a view. `indent` is the indentation of the line the type
   * starts on; `refPrefix` qualifies model references (e.g. `T.` for `import type * as T`).
   */
  typeOf(schema: unknown, view: View, indent = '', refPrefix = ''): string {
    return this.print(schema, { view, model: undefined, top: false, expanding: new Set(), indent, refPrefix }).t;
  }

  /** `export type X = …;` (with JSDoc) for one model in one view. */
  declaration(model: Model, view: View): string {
    const name = this.names.get(model.name)![view];
    const s = model.schema;
    const walk: Walk = { view, model: model.name, top: true, expanding: new Set(), indent: '', refPrefix: '' };
    let body = this.print(s, walk);
    const tag = this.inheritedDiscriminatorTag(model);
    if (tag) body = intersection([body, tag]);
    const doc = isObject(s) ? jsDoc(describe(s), docTags(s)) : '';
    return `${doc}export type ${name} = ${body.t};\n`;
  }

  /** Declarations of every model (both views where they differ), in document order, separated by blank lines. */
  declarations(): string {
    const out: string[] = [];
    for (const m of this.models.values()) {
      out.push(this.declaration(m, 'read'));
      if (this.viewSpecific.has(m.name)) out.push(this.declaration(m, 'write'));
    }
    return out.join('\n');
  }

  // ------------------------------------------------------------------ printing

  private print(schema: unknown, w: Walk): Printed {
    // Expanding refs that are not models (`#/components/schemas/A/properties/b`) can chain on past
    // any nesting the document itself has; deeper than a document may nest, the type is unknown.
    if (this.printDepth >= MAX_NESTING_DEPTH) return UNKNOWN;
    this.printDepth++;
    try {
      return this.printSchema(schema, w);
    } finally {
      this.printDepth--;
    }
  }

  private printSchema(schema: unknown, w: Walk): Printed {
    if (schema === true || schema === undefined) return UNKNOWN;
    if (schema === false) return { t: 'never', p: Prec.Atom };
    if (!isObject(schema)) return UNKNOWN;
    if (typeof schema.$ref === 'string') return this.printRef(schema, schema.$ref, w);

    const parts: Printed[] = [];
    const own = this.ownType(schema, w);
    if (own) parts.push(own);
    if (Array.isArray(schema.allOf)) {
      for (const member of schema.allOf) parts.push(this.printAllOfMember(member, w));
    }
    const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
    if (alternatives) parts.push(this.printAlternatives(schema, alternatives, w));
    let result = parts.length === 0 ? UNKNOWN : intersection(parts);
    if (isNullable(schema)) result = union([result, { t: 'null', p: Prec.Atom }]);
    return result;
  }

  private printRef(schema: Record<string, unknown>, ref: string, w: Walk): Printed {
    const model = this.modelOfRef(ref);
    let result: Printed;
    if (model) {
      if (w.top && w.model !== undefined && this.breaksAliasCycle(w.model, model.name)) result = UNKNOWN;
      else result = { t: w.refPrefix + this.names.get(model.name)![w.view], p: Prec.Atom };
    } else {
      if (w.expanding.has(ref)) return UNKNOWN;
      const target = this.resolveRef(ref);
      if (target === undefined) return UNKNOWN;
      w.expanding.add(ref);
      result = this.print(target, w);
      w.expanding.delete(ref);
    }
    // 3.0 specs write `$ref` + `nullable` siblings in practice (3.1 allows siblings).
    if (isNullable(schema)) result = union([result, { t: 'null', p: Prec.Atom }]);
    return result;
  }

  /** An `allOf` member; a ref to a polymorphic model (one with oneOf/anyOf) contributes only its base. */
  private printAllOfMember(member: unknown, w: Walk): Printed {
    if (isObject(member) && typeof member.$ref === 'string') {
      const model = this.modelOfRef(member.$ref);
      if (model && isObject(model.schema) && isPolymorphic(model.schema)) {
        return this.print(baseOf(model.schema), w);
      }
    }
    return this.print(member, w);
  }

  private printAlternatives(schema: Record<string, unknown>, members: unknown[], w: Walk): Printed {
    const disc = discriminatorOf(schema);
    const printed = members.map((member) => {
      const p = this.print(member, w);
      if (!disc || !isObject(member) || typeof member.$ref !== 'string') return p;
      const model = this.modelOfRef(member.$ref);
      if (!model) return p;
      const tags = tagsFor(disc, model.name, member.$ref);
      return intersection([p, tagObject(disc.propertyName, tags)]);
    });
    return { t: wrap(union(printed), Prec.Atom), p: Prec.Atom };
  }

  /** `{ kind: "cat" }` for a model that extends (allOf) a discriminated base model. */
  private inheritedDiscriminatorTag(model: Model): Printed | undefined {
    const s = model.schema;
    if (!isObject(s) || !Array.isArray(s.allOf)) return undefined;
    for (const member of s.allOf) {
      if (!isObject(member) || typeof member.$ref !== 'string') continue;
      const parent = this.modelOfRef(member.$ref);
      if (!parent || parent === model || !isObject(parent.schema)) continue;
      const disc = discriminatorOf(parent.schema);
      if (disc) return tagObject(disc.propertyName, tagsFor(disc, model.name, `#/components/schemas/${model.name}`));
    }
    return undefined;
  }

  /** The type the schema's own keywords (type/enum/const/properties/items) describe, or undefined when it has none. */
  private ownType(s: Record<string, unknown>, w: Walk): Printed | undefined {
    if ('const' in s) return literal(s.const) ?? UNKNOWN;
    const types = typeList(s);
    if (Array.isArray(s.enum)) {
      const lits = s.enum.map(literal);
      if (lits.every((l): l is Printed => l !== undefined)) {
        const withNull = types?.includes('null') && !s.enum.includes(null) ? [...lits, { t: 'null', p: Prec.Atom }] : lits;
        return this.layoutUnion(withNull, w.indent);
      }
    }
    const hasComposition = Array.isArray(s.allOf) || Array.isArray(s.oneOf) || Array.isArray(s.anyOf);
    const objectish = isObject(s.properties) || s.additionalProperties !== undefined || isObject(s.patternProperties);
    const arrayish = s.items !== undefined || Array.isArray(s.prefixItems);
    let kinds: string[];
    if (types) kinds = types;
    else if (objectish) kinds = ['object'];
    else if (arrayish) kinds = ['array'];
    else return undefined;
    const printed: Printed[] = [];
    for (const kind of kinds) {
      if (kind === 'object' && hasComposition && !objectish) continue;
      printed.push(this.printKind(kind, s, w));
    }
    if (printed.length === 0) return undefined;
    return union(printed);
  }

  private printKind(kind: string, s: Record<string, unknown>, w: Walk): Printed {
    switch (kind) {
      case 'string':
        if (s.format === 'binary') return { t: this.binaryType, p: Prec.Atom };
        if (s.format === 'date-time') return this.dateTime;
        return { t: 'string', p: Prec.Atom };
      case 'integer':
      case 'number':
        return { t: 'number', p: Prec.Atom };
      case 'boolean':
        return { t: 'boolean', p: Prec.Atom };
      case 'null':
        return { t: 'null', p: Prec.Atom };
      case 'file':
        return { t: this.binaryType, p: Prec.Atom };
      case 'array':
        return this.printArray(s, w);
      case 'object':
        return this.printObject(s, w);
      default:
        return UNKNOWN;
    }
  }

  private nested(w: Walk, indent: string): Walk {
    return { view: w.view, model: w.model, top: false, expanding: w.expanding, indent, refPrefix: w.refPrefix };
  }

  private printArray(s: Record<string, unknown>, w: Walk): Printed {
    const inner = this.nested(w, w.indent);
    // 3.1 `prefixItems`; draft-4 style `items: [...]` (seen in the wild) is a tuple too.
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined;
    if (prefix) {
      const rest = Array.isArray(s.prefixItems) ? s.items : s.additionalItems;
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      const elements = prefix.map((item, i) => `${wrap(this.print(item, inner), Prec.Union)}${i >= min ? '?' : ''}`);
      if (rest !== false) elements.push(`...${wrap(this.print(rest, inner), Prec.Atom)}[]`);
      return { t: `[${elements.join(', ')}]`, p: Prec.Atom };
    }
    return { t: `${wrap(this.print(s.items, inner), Prec.Atom)}[]`, p: Prec.Atom };
  }

  private printObject(s: Record<string, unknown>, w: Walk): Printed {
    const inner = w.indent + '  ';
    const nested = this.nested(w, inner);
    const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
    const lines: string[] = [];
    const memberTypes: Printed[] = [];
    let anyOptional = false;
    const props = this.propertiesOf(s);
    if (props) {
      for (const key of Object.keys(props)) {
        const prop = props[key];
        if (this.omittedInView(prop, w.view)) continue;
        const type = this.print(prop, nested);
        const optional = !required.has(key);
        anyOptional ||= optional;
        memberTypes.push(type);
        const doc = isObject(prop) ? jsDoc(describe(prop), docTags(prop), inner) : '';
        lines.push(`${doc}${inner}${propertyKey(key)}${optional ? '?' : ''}: ${type.t};`);
      }
    }
    const extra = s.additionalProperties;
    const open = extra === true || (isObject(extra) && Object.keys(extra).length === 0) || isObject(s.patternProperties) || (extra === undefined && !props);
    if (open || isObject(extra)) {
      const valueType = isObject(extra) && Object.keys(extra).length > 0 ? this.print(extra, nested) : UNKNOWN;
      // Every property must fit the index signature, so it is widened by the properties' types.
      const all = memberTypes.length > 0 ? union([valueType, ...memberTypes, ...(anyOptional ? [{ t: 'undefined', p: Prec.Atom }] : [])]) : valueType;
      lines.push(`${inner}[key: string]: ${all.t};`);
    }
    if (lines.length === 0) return { t: '{ [key: string]: never }', p: Prec.Atom };
    return { t: `{\n${lines.join('\n')}\n${w.indent}}`, p: Prec.Atom };
  }

  /**
   * The `properties` map. Some specs (DigitalOcean) write `properties: { $ref: … }`, pointing at a
   * shared map of properties; that ref is followed rather than read as a property named `$ref`.
   */
  private propertiesOf(s: Record<string, unknown>): Record<string, unknown> | undefined {
    const props = s.properties;
    if (!isObject(props)) return undefined;
    if (typeof props.$ref === 'string' && Object.keys(props).length === 1) {
      const target = this.resolveRef(props.$ref);
      return isObject(target) ? target : undefined;
    }
    return props;
  }

  private omittedInView(prop: unknown, view: View): boolean {
    if (!isObject(prop)) return false;
    const flag = view === 'write' ? 'readOnly' : 'writeOnly';
    if (prop[flag] === true) return true;
    if (typeof prop.$ref === 'string') {
      const model = this.modelOfRef(prop.$ref);
      if (model && isObject(model.schema) && model.schema[flag] === true) return true;
    }
    return false;
  }

  /** Long literal unions go one member per line so the output stays readable. */
  private layoutUnion(members: Printed[], indent: string): Printed {
    const u = union(members);
    if (!u.parts || u.t.length <= 100) return u;
    return { t: `\n${u.parts.map((p) => `${indent}  | ${p}`).join('\n')}`, p: Prec.Union, parts: u.parts };
  }

  // ------------------------------------------------------------------ analyses

  /** Marks models whose read and write views differ: they have, or reach through refs, readOnly/writeOnly properties. */
  private computeViewSpecific(models: Model[]): void {
    const refsOf = new Map<string, Set<string>>();
    const direct: string[] = [];
    for (const m of models) {
      const refs = new Set<string>();
      let flagged = false;
      const visitedRefs = new Set<string>();
      // depth: as in print(), refs to parts of models may chain past any nesting of the document
      const visit = (node: unknown, isProperty: boolean, depth = 0): void => {
        if (depth > MAX_NESTING_DEPTH) return;
        if (Array.isArray(node)) {
          for (const n of node) visit(n, false, depth + 1);
          return;
        }
        if (!isObject(node)) return;
        if (isProperty && (node.readOnly === true || node.writeOnly === true)) flagged = true;
        if (typeof node.$ref === 'string') {
          const target = this.modelOfRef(node.$ref);
          if (target) refs.add(target.name);
          else if (!visitedRefs.has(node.$ref)) {
            visitedRefs.add(node.$ref);
            visit(this.resolveRef(node.$ref), isProperty, depth + 1);
          }
        }
        for (const key of Object.keys(node)) {
          const v = node[key];
          if (key === 'properties' && isObject(v)) {
            const map = this.propertiesOf(node) ?? {};
            for (const k of Object.keys(map)) visit(map[k], true, depth + 1);
          }
          else if (key !== 'example' && key !== 'examples' && key !== 'default' && key !== 'enum' && key !== 'const' && typeof v === 'object') visit(v, false, depth + 1);
        }
      };
      visit(m.schema, false);
      refsOf.set(m.name, refs);
      if (flagged) direct.push(m.name);
    }
    // Propagate backwards along refs: whoever reaches a view-specific model is view-specific.
    const referrers = new Map<string, string[]>();
    for (const [from, tos] of refsOf) for (const to of tos) (referrers.get(to) ?? referrers.set(to, []).get(to)!).push(from);
    const queue = [...direct];
    for (const n of direct) this.viewSpecific.add(n);
    while (queue.length > 0) {
      const n = queue.pop()!;
      for (const r of referrers.get(n) ?? []) {
        if (!this.viewSpecific.has(r)) {
          this.viewSpecific.add(r);
          queue.push(r);
        }
      }
    }
  }

  /** Finds cycles among models that reference each other at alias level (not via a property or array), which TS rejects. */
  private computeAliasCycles(models: Model[]): void {
    const edges = new Map<string, string[]>();
    for (const m of models) {
      const out: string[] = [];
      const seen = new Set<string>();
      const visit = (node: unknown, depth = 0): void => {
        if (!isObject(node) || depth > MAX_NESTING_DEPTH) return;
        if (typeof node.$ref === 'string') {
          const target = this.modelOfRef(node.$ref);
          if (target) out.push(target.name);
          else if (!seen.has(node.$ref)) {
            seen.add(node.$ref);
            visit(this.resolveRef(node.$ref), depth + 1);
          }
          return;
        }
        if (Array.isArray(node.allOf)) {
          for (const member of node.allOf) {
            const target = isObject(member) && typeof member.$ref === 'string' ? this.modelOfRef(member.$ref) : undefined;
            if (target && isObject(target.schema) && isPolymorphic(target.schema)) visit(baseOf(target.schema), depth + 1);
            else visit(member, depth + 1);
          }
        }
        for (const key of ['oneOf', 'anyOf'] as const) if (Array.isArray(node[key])) for (const member of node[key] as unknown[]) visit(member, depth + 1);
      };
      visit(m.schema);
      edges.set(m.name, out);
    }
    // Tarjan's strongly connected components.
    let index = 0;
    let sccId = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const closeComponent = (v: string): void => {
      const members: string[] = [];
      let x: string;
      do {
        x = stack.pop()!;
        onStack.delete(x);
        members.push(x);
      } while (x !== v);
      const cyclic = members.length > 1 || (edges.get(v) ?? []).includes(v);
      if (cyclic) {
        for (const mname of members) this.aliasCycle.set(mname, sccId);
        sccId++;
      }
    };
    // With its own stack of frames (model, next edge): a chain of models each an alias of the next is
    // as deep as the spec has models, far past the call stack.
    const strong = (root: string): void => {
      const frames: Array<{ v: string; next: number }> = [];
      const enter = (v: string): void => {
        idx.set(v, index);
        low.set(v, index);
        index++;
        stack.push(v);
        onStack.add(v);
        frames.push({ v, next: 0 });
      };
      enter(root);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1]!;
        const out = edges.get(frame.v) ?? [];
        if (frame.next < out.length) {
          const to = out[frame.next++]!;
          if (!idx.has(to)) enter(to);
          else if (onStack.has(to)) low.set(frame.v, Math.min(low.get(frame.v)!, idx.get(to)!));
          continue;
        }
        frames.pop();
        if (low.get(frame.v) === idx.get(frame.v)) closeComponent(frame.v);
        const parent = frames[frames.length - 1];
        if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(frame.v)!));
      }
    };
    for (const m of models) if (!idx.has(m.name)) strong(m.name);
  }

  private breaksAliasCycle(from: string, to: string): boolean {
    const a = this.aliasCycle.get(from);
    return a !== undefined && a === this.aliasCycle.get(to);
  }
}

// ------------------------------------------------------------------ schema helpers

function typeList(s: Record<string, unknown>): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

/** 3.0 `nullable`, 2.0 `x-nullable`, 3.1 `type: [..., "null"]` (the last is handled by typeList). */
function isNullable(s: Record<string, unknown>): boolean {
  return s.nullable === true || s['x-nullable'] === true;
}

function literal(value: unknown): Printed | undefined {
  const t = literalType(value);
  return t === undefined ? undefined : { t, p: Prec.Atom };
}

function isPolymorphic(s: Record<string, unknown>): boolean {
  return Array.isArray(s.oneOf) || Array.isArray(s.anyOf);
}

/** A polymorphic schema without its alternatives: the part its subtypes inherit. */
function baseOf(s: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(s)) if (key !== 'oneOf' && key !== 'anyOf' && key !== 'discriminator') base[key] = s[key];
  return base;
}

interface Discriminator {
  propertyName: string;
  mapping: [string, string][];
}

function discriminatorOf(s: Record<string, unknown>): Discriminator | undefined {
  const d = s.discriminator;
  // 2.0 writes `discriminator: propertyName`.
  if (typeof d === 'string') return { propertyName: d, mapping: [] };
  if (!isObject(d) || typeof d.propertyName !== 'string') return undefined;
  const mapping: [string, string][] = [];
  if (isObject(d.mapping)) for (const k of Object.keys(d.mapping)) if (typeof d.mapping[k] === 'string') mapping.push([k, d.mapping[k] as string]);
  return { propertyName: d.propertyName, mapping };
}

/** The tag values that select `modelName`: mapping keys pointing at it (by ref or bare name), else its name. */
function tagsFor(disc: Discriminator, modelName: string, ref: string): string[] {
  const targetsModel = (target: string): boolean => {
    if (target === ref || target === modelName) return true;
    const m = MODEL_REF.exec(target);
    return m !== null && decodeToken(m[1]!) === modelName;
  };
  const tags = disc.mapping.filter(([, target]) => targetsModel(target)).map(([k]) => k);
  return tags.length > 0 ? tags : [modelName];
}

function tagObject(propertyName: string, tags: string[]): Printed {
  return { t: `{ ${propertyKey(propertyName)}: ${tags.map(stringLiteral).join(' | ')} }`, p: Prec.Atom };
}

function describe(s: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  if (typeof s.title === 'string' && s.title.trim() !== '' && s.title !== s.description) parts.push(s.title);
  if (typeof s.description === 'string') parts.push(s.description);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** JSDoc tags: `@deprecated`, `@default`, `@format`. */
export function docTags(s: Record<string, unknown>): JsDocTag[] {
  const tags: JsDocTag[] = [];
  if (s.deprecated === true) tags.push({ tag: 'deprecated' });
  if (typeof s.format === 'string') tags.push({ tag: 'format', text: s.format });
  if (s.default !== undefined) {
    const json = JSON.stringify(s.default);
    if (json !== undefined && json.length <= 200) tags.push({ tag: 'default', text: json });
  }
  return tags;
}

export { describe as schemaDescription };
