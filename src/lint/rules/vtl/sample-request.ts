// A plausible request for a route, built from its declared parameters and request schema, to render
// request templates in lint (APIGW-VTL-013). Values are placeholders; only the shape matters.

import type { Route, Model, Schema } from '../../../model/types.js';
import type { VtlRequest } from '../../../vtl/index.js';
import { unescapeToken } from '../../pointer.js';
import { displayText } from '../../../text/display-text.js';

const MAX_DEPTH = 6;

/**
 * An object for keys taken from the spec: without a prototype, `obj['__proto__'] = v` creates an
 * ordinary own property (on a plain `{}` it would set the prototype and the key would vanish).
 */
function dataObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function modelFor(ref: string, models: readonly Model[]): Schema | undefined {
  const name = unescapeToken(decodeURIComponent(ref.split('/').pop() ?? ''));
  return models.find((m) => m.name === name)?.schema;
}

/** A sample JSON value for a schema (examples, enums and defaults first). */
export function sampleFromSchema(schema: unknown, models: readonly Model[], depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH) return 'sample';
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') return sampleFromSchema(modelFor(s.$ref, models), models, depth + 1);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = s[k];
    if (Array.isArray(list) && list.length > 0) {
      if (k !== 'allOf') return sampleFromSchema(list[0], models, depth + 1);
      // Key by key into a prototype-less object: Object.assign would turn a `__proto__` property
      // into a prototype change and lose it.
      const merged = dataObject<unknown>();
      for (const part of list) {
        const v = sampleFromSchema(part, models, depth + 1);
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
          for (const key of Object.keys(v)) merged[key] = (v as Record<string, unknown>)[key];
        }
      }
      return merged;
    }
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'integer': return 1;
    case 'number': return 1.5;
    case 'boolean': return true;
    case 'array': return [sampleFromSchema(s.items, models, depth + 1)];
    case 'string': return 'sample';
    default: {
      const props = s.properties;
      if (typeof props !== 'object' || props === null) return type === 'object' ? {} : 'sample';
      const out = dataObject<unknown>();
      for (const [k, v] of Object.entries(props)) out[k] = sampleFromSchema(v, models, depth + 1);
      return out;
    }
  }
}

/**
 * Two requests: one shaped by the schemas (strings "sample"), one where every parameter and the body
 * are `1` — templates that print a parameter unquoted expect numbers, and a body may be plain text.
 * A template is only reported when it breaks for both, so the sample data is not the cause.
 */
export function sampleRequests(route: Route, contentType: string, models: readonly Model[]): VtlRequest[] {
  const shaped = sampleRequest(route, contentType, models);
  const ones = (m: Record<string, string> | undefined): Record<string, string> =>
    Object.fromEntries(Object.keys(m ?? {}).map((k) => [k, k === 'Content-Type' ? contentType : '1']));
  const numeric: VtlRequest = { body: '1', path: ones(shaped.path as Record<string, string>), query: ones(shaped.query as Record<string, string>), headers: ones(shaped.headers as Record<string, string>) };
  return [shaped, numeric];
}

export function sampleRequest(route: Route, contentType: string, models: readonly Model[]): VtlRequest {
  const path = dataObject<string>();
  const query = dataObject<string>();
  const headers = dataObject<string>();
  headers['Content-Type'] = contentType;
  for (const p of route.parameters) {
    const v = displayText(sampleFromSchema(p.schema, models));
    if (p.in === 'path') path[p.name] = v;
    else if (p.in === 'query') query[p.name] = v;
    else if (p.in === 'header') headers[p.name] = v;
  }
  for (const m of route.path.matchAll(/\{([^}+]+)\+?\}/g)) path[m[1]!] ??= 'sample';
  const media = route.requestBody?.content[contentType] ?? route.requestBody?.content['application/json'];
  const body = media?.schema ? JSON.stringify(sampleFromSchema(media.schema, models)) : '{"sample":"value"}';
  return { body, path, query, headers };
}
