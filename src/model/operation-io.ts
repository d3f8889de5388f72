// An operation's inputs and outputs in one shape for both dialects: parameters (path-level and
// operation-level merged, 2.0 `type`/`items` forms turned into `schema`, `collectionFormat`
// mapped to style/explode), the request body (2.0 `in: body` / `in: formData` included) and
// responses (2.0 `schema` placed under each `produces` type).

import { child } from './pointer.js';
import { deref, type SchemaRefRewriter } from './refs.js';
import type { OpenApiVersion } from '../load/types.js';
import type { MediaEncoding, Parameter, ParameterLocation, Pointer, RequestBody, Response, Schema } from './types.js';
import { dict, get, getArray, getBoolean, getObject, getString, getStringList, getText, isObject, type Json } from './values.js';

export interface IoContext {
  root: Json;
  version: OpenApiVersion;
  schemas: SchemaRefRewriter;
}

interface RawParam {
  node: Json;
  pointer: Pointer;
}

const LOCATIONS: ReadonlySet<string> = new Set(['path', 'query', 'header', 'cookie']);

/** Resolve each entry of a `parameters` array; broken refs and non-objects are skipped (lint reports them). */
function resolveParams(ctx: IoContext, raw: unknown, pointer: Pointer): RawParam[] {
  const out: RawParam[] = [];
  if (!Array.isArray(raw)) return out;
  for (let i = 0; i < raw.length; i++) {
    const r = deref(ctx.root, raw[i], child(pointer, i));
    if (r && isObject(r.node)) out.push({ node: r.node, pointer: r.pointer });
  }
  return out;
}

/** Path-level then operation-level; an operation parameter replaces the path one with the same name+in. */
export function mergeParams(ctx: IoContext, pathLevel: unknown, pathPtr: Pointer, opLevel: unknown, opPtr: Pointer): RawParam[] {
  const merged = resolveParams(ctx, pathLevel, pathPtr);
  const keyOf = (p: RawParam) => `${String(get(p.node, 'in'))}\u0000${String(get(p.node, 'name'))}`;
  const index = new Map<string, number>();
  merged.forEach((p, i) => index.set(keyOf(p), i));
  for (const p of resolveParams(ctx, opLevel, opPtr)) {
    const at = index.get(keyOf(p));
    if (at === undefined) {
      index.set(keyOf(p), merged.length);
      merged.push(p);
    } else merged[at] = p;
  }
  return merged;
}

export function normalizeParameters(ctx: IoContext, params: RawParam[]): Parameter[] {
  const out: Parameter[] = [];
  for (const { node, pointer } of params) {
    const where = getString(node, 'in');
    if (where === undefined || !LOCATIONS.has(where)) continue;
    const loc = where as ParameterLocation;
    const name = getText(node, 'name') ?? '';
    const schema = ctx.version === '2.0' ? swagger2Schema(ctx, node) : parameterSchema(ctx, node);
    const { style, explode } = ctx.version === '2.0' ? swagger2Style(loc, node) : oas3Style(loc, node);
    const param: Parameter = {
      name,
      in: loc,
      // A path parameter is always required, whatever the spec says (lint reports a missing `required: true`).
      required: loc === 'path' || getBoolean(node, 'required') === true,
      deprecated: getBoolean(node, 'deprecated') === true,
      schema,
      style,
      explode,
      pointer,
    };
    const description = getText(node, 'description');
    if (description !== undefined) param.description = description;
    out.push(param);
  }
  return out;
}

function parameterSchema(ctx: IoContext, node: Json): Schema {
  const schema = get(node, 'schema');
  if (schema !== undefined) return ctx.schemas.schema(schema);
  const content = getObject(node, 'content');
  if (content) for (const media of Object.keys(content)) return ctx.schemas.schema(get(content[media], 'schema'));
  return {};
}

function oas3Style(loc: ParameterLocation, node: Json): { style: string; explode: boolean } {
  const style = getString(node, 'style') ?? (loc === 'query' || loc === 'cookie' ? 'form' : 'simple');
  const explode = getBoolean(node, 'explode') ?? style === 'form';
  return { style, explode };
}

const COLLECTION_STYLES: Record<string, { style: string; explode: boolean }> = {
  ssv: { style: 'spaceDelimited', explode: false },
  pipes: { style: 'pipeDelimited', explode: false },
  // OAS3 has no tab-delimited style; keep the name so a consumer can see it.
  tsv: { style: 'tabDelimited', explode: false },
  multi: { style: 'form', explode: true },
};

function swagger2Style(loc: ParameterLocation, node: Json): { style: string; explode: boolean } {
  if (getString(node, 'type') === 'array') {
    const format = getString(node, 'collectionFormat') ?? 'csv';
    const mapped = Object.prototype.hasOwnProperty.call(COLLECTION_STYLES, format) ? COLLECTION_STYLES[format] : undefined;
    if (mapped) return { ...mapped };
    return { style: loc === 'query' || loc === 'cookie' ? 'form' : 'simple', explode: false };
  }
  return oas3Style(loc, {});
}

/** The JSON-Schema keywords a 2.0 non-body parameter, header or `items` carries directly. */
const SWAGGER2_SCHEMA_KEYS = [
  'type', 'format', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
] as const;

/** A 2.0 parameter/header/items object → a JSON Schema (`type: file` → binary string). */
export function swagger2Schema(ctx: IoContext, node: Json, depth = 0): Schema {
  if (get(node, 'in') === 'body') return ctx.schemas.schema(get(node, 'schema'));
  const schema: Schema = {};
  for (const key of SWAGGER2_SCHEMA_KEYS) {
    const v = get(node, key);
    if (v !== undefined) schema[key] = v;
  }
  if (schema.type === 'file') {
    schema.type = 'string';
    schema.format = 'binary';
  }
  const items = get(node, 'items');
  if (isObject(items) && depth < 16) {
    schema.items = typeof items.$ref === 'string' ? ctx.schemas.schema(items) : swagger2Schema(ctx, items, depth + 1);
  }
  if (get(node, 'x-nullable') === true) schema.nullable = true;
  return schema;
}

/** 3.x `requestBody` (possibly a `$ref` to `components.requestBodies`). */
export function oas3RequestBody(ctx: IoContext, raw: unknown, pointer: Pointer): RequestBody | undefined {
  if (raw === undefined) return undefined;
  const r = deref(ctx.root, raw, pointer);
  if (!r || !isObject(r.node)) return undefined;
  const body: RequestBody = {
    required: getBoolean(r.node, 'required') === true,
    content: mediaContent(ctx, get(r.node, 'content'), child(r.pointer, 'content')),
    pointer: r.pointer,
  };
  const description = getText(r.node, 'description');
  if (description !== undefined) body.description = description;
  return body;
}

/** A `content` map; `encoding` is read only for request bodies (`pointer` given), where it applies. */
function mediaContent(ctx: IoContext, raw: unknown, pointer?: Pointer): RequestBody['content'] {
  const out = dict<RequestBody['content'][string]>();
  if (!isObject(raw)) return out;
  for (const media of Object.keys(raw)) {
    const schema = get(raw[media], 'schema');
    out[media] = schema === undefined ? {} : { schema: ctx.schemas.schema(schema) };
    const encoding = get(raw[media], 'encoding');
    if (pointer !== undefined && isObject(encoding)) out[media]!.encoding = mediaEncodings(ctx, encoding, child(child(pointer, media), 'encoding'));
  }
  return out;
}

/** A media type's `encoding` map (property name → Encoding Object); non-objects are skipped. */
function mediaEncodings(ctx: IoContext, raw: Json, pointer: Pointer): Record<string, MediaEncoding> {
  const out = dict<MediaEncoding>();
  for (const name of Object.keys(raw)) {
    const node = raw[name];
    if (!isObject(node)) continue;
    const e: MediaEncoding = { headers: responseHeaders(ctx, get(node, 'headers'), child(child(pointer, name), 'headers')) };
    const contentType = getString(node, 'contentType');
    if (contentType !== undefined) e.contentType = contentType;
    const style = getString(node, 'style');
    if (style !== undefined) e.style = style;
    for (const key of ['explode', 'allowReserved'] as const) {
      const v = getBoolean(node, key);
      if (v !== undefined) e[key] = v;
    }
    out[name] = e;
  }
  return out;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** 2.0: the `in: body` parameter, or the `in: formData` parameters as one object schema. */
export function swagger2RequestBody(ctx: IoContext, params: RawParam[], consumes: string[]): RequestBody | undefined {
  const bodyParam = params.find((p) => get(p.node, 'in') === 'body');
  if (bodyParam) {
    const schema = ctx.schemas.schema(get(bodyParam.node, 'schema'));
    const content = dict<{ schema?: Schema }>();
    for (const media of consumes.length > 0 ? consumes : ['application/json']) content[media] = { schema };
    const body: RequestBody = { required: getBoolean(bodyParam.node, 'required') === true, content, pointer: bodyParam.pointer };
    const description = getText(bodyParam.node, 'description');
    if (description !== undefined) body.description = description;
    return body;
  }
  const formParams = params.filter((p) => get(p.node, 'in') === 'formData');
  if (formParams.length === 0) return undefined;
  const properties = dict<Schema>();
  const required: string[] = [];
  let hasFile = false;
  for (const p of formParams) {
    const name = getText(p.node, 'name') ?? '';
    if (get(p.node, 'type') === 'file') hasFile = true;
    const schema = swagger2Schema(ctx, p.node);
    const description = getText(p.node, 'description');
    if (description !== undefined) schema.description = description;
    properties[name] = schema;
    if (getBoolean(p.node, 'required') === true) required.push(name);
  }
  const schema: Schema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const declared = consumes.filter((c) => FORM_TYPES.includes(c.split(';')[0]!.trim().toLowerCase()));
  const media = declared.length > 0 ? declared : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  // A `collectionFormat` other than `multi` is the array's style in the form body too.
  const encoding = dict<MediaEncoding>();
  for (const p of formParams) {
    if (get(p.node, 'type') !== 'array') continue;
    encoding[getText(p.node, 'name') ?? ''] = { headers: {}, ...swagger2Style('query', p.node) };
  }
  const content = dict<RequestBody['content'][string]>();
  for (const m of media) content[m] = Object.keys(encoding).length > 0 ? { schema, encoding } : { schema };
  return { required: required.length > 0, content, pointer: formParams[0]!.pointer };
}

export function normalizeResponses(ctx: IoContext, raw: unknown, pointer: Pointer, produces: string[]): Response[] {
  const out: Response[] = [];
  if (!isObject(raw)) return out;
  for (const status of Object.keys(raw)) {
    if (status.startsWith('x-')) continue;
    const r = deref(ctx.root, raw[status], child(pointer, status));
    if (!r || !isObject(r.node)) continue;
    const response: Response = {
      status,
      headers: responseHeaders(ctx, get(r.node, 'headers'), child(r.pointer, 'headers')),
      content: ctx.version === '2.0' ? swagger2Content(ctx, r.node, produces) : mediaContent(ctx, get(r.node, 'content')),
      pointer: r.pointer,
    };
    const description = getText(r.node, 'description');
    if (description !== undefined) response.description = description;
    out.push(response);
  }
  return out;
}

function swagger2Content(ctx: IoContext, node: Json, produces: string[]): Record<string, { schema?: Schema }> {
  const out = dict<{ schema?: Schema }>();
  const schema = get(node, 'schema');
  if (schema === undefined) return out;
  const normalized = ctx.schemas.schema(schema);
  for (const media of produces.length > 0 ? produces : ['application/json']) out[media] = { schema: normalized };
  return out;
}

function responseHeaders(ctx: IoContext, raw: unknown, pointer: Pointer): Response['headers'] {
  const out = dict<Response['headers'][string]>();
  if (!isObject(raw)) return out;
  for (const name of Object.keys(raw)) {
    const r = deref(ctx.root, raw[name], child(pointer, name));
    if (!r || !isObject(r.node)) continue;
    const schema = ctx.version === '2.0' ? swagger2Schema(ctx, r.node) : parameterSchema(ctx, r.node);
    const header: Response['headers'][string] = { schema, required: getBoolean(r.node, 'required') === true };
    const description = getText(r.node, 'description');
    if (description !== undefined) header.description = description;
    out[name] = header;
  }
  return out;
}

/** `consumes`/`produces`: the operation's list if it has one, else the root's. */
export function mediaTypes(op: Json, root: Json, key: 'consumes' | 'produces'): string[] {
  const own = getArray(op, key);
  return own !== undefined ? getStringList(op, key) : getStringList(root, key);
}
