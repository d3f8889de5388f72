// The API Gateway environment of a template: `$input`, `$util`, `$context`, `$stageVariables`,
// built from a request, and the overrides read back after rendering (aws-apigateway.md §3).

import { CONTEXT_KEY_ORDER, IDENTITY_KEY_ORDER } from './context-variables.js';
import { parseJson, JsonSyntaxError } from './json.js';
import { evaluateJsonPathDetailed } from './jsonpath.js';
import { JavaException } from './java-methods.js';
import { UtilObject } from './util.js';
import { JDouble, NO_METHOD, OpaqueMap, toJavaString, toJson, type VtlObject } from './values.js';

type ParamValue = string | readonly string[];

/** What a template renders against. For a response template, `body` is the integration response. */
export interface VtlRequest {
  body?: string | null;
  headers?: Readonly<Record<string, ParamValue>>;
  query?: Readonly<Record<string, ParamValue>>;
  path?: Readonly<Record<string, string>>;
  /** `$context` values (`stage`, `requestId`, `authorizer`, `identity`, …; overrides from an earlier template). */
  context?: Readonly<Record<string, unknown>>;
  stageVariables?: Readonly<Record<string, string>>;
}

/**
 * Headers API Gateway does not pass to templates: `$input.params()` sees them as absent
 * (AWS recording `input-params-header-visibility-restricted-headers` in cases.json).
 */
export const HIDDEN_HEADERS: ReadonlySet<string> = new Set(
  ['connection', 'content-length', 'content-md5', 'expect', 'max-forwards', 'proxy-authenticate', 'server', 'te',
    'transfer-encoding', 'trailer', 'upgrade', 'www-authenticate'],
);

function single(v: ParamValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : v[0];
}

/** HIDDEN_HEADERS as one case-insensitive test: no lower-cased copy of every header name per render. */
const HIDDEN_HEADER_NAME = new RegExp(`^(?:${[...HIDDEN_HEADERS].join('|')})$`, 'i');

function paramMap(record: Readonly<Record<string, ParamValue>> | undefined, hide?: RegExp): Map<string, unknown> {
  const m = new Map<string, unknown>();
  if (record)
    for (const k of Object.keys(record)) {
      const s = single(record[k]);
      if (s !== undefined && !(hide && hide.test(k))) m.set(k, s);
    }
  return m;
}

/** `$input`. */
export class InputObject implements VtlObject {
  private readonly bodyText: string;
  private parsed: { value: unknown } | undefined;
  /** Built on the first `params` call: most templates never ask for them. */
  private params: { path: Map<string, unknown>; querystring: Map<string, unknown>; header: Map<string, unknown> } | undefined;

  constructor(private readonly request: VtlRequest) {
    // An empty body renders as `{}` (aws-apigateway.md §3.2, recorded on AWS).
    this.bodyText = request.body === undefined || request.body === null || request.body === '' ? '{}' : request.body;
  }

  private paramMaps() {
    this.params ??= {
      path: paramMap(this.request.path),
      querystring: paramMap(this.request.query),
      header: paramMap(this.request.headers, HIDDEN_HEADER_NAME),
    };
    return this.params;
  }

  /** The body as JSONPath sees it: JSON, or the plain string when it isn't JSON. */
  private document(): unknown {
    if (!this.parsed) {
      try {
        this.parsed = { value: parseJson(this.bodyText) };
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        const first = this.bodyText.trimStart()[0];
        // AWS answers 400 for a body that looks like JSON but isn't; other text is a plain string.
        if (first === '{' || first === '[') throw new JavaException(`Invalid JSON in the body: ${e.message}`);
        this.parsed = { value: this.bodyText };
      }
    }
    return this.parsed.value;
  }

  vtlProperty(name: string): unknown {
    if (name === 'body') return this.bodyText;
    return undefined;
  }

  vtlMethod(name: string, args: unknown[]): unknown {
    switch (args.length === 0 ? name : args.length === 1 ? `${name}/1` : '') {
      case 'getBody':
        return this.bodyText;
      case 'json/1': {
        const r = evaluateJsonPathDetailed(this.document(), toJavaString(args[0]));
        // A definite path that matches nothing renders as "" (aws-apigateway.md §3.2).
        return r.found ? toJson(r.value) : '""';
      }
      case 'path/1':
        return evaluateJsonPathDetailed(this.document(), toJavaString(args[0])).value;
      case 'params': {
        const p = this.paramMaps();
        return new Map<string, unknown>([
          ['path', p.path],
          ['querystring', p.querystring],
          ['header', p.header],
        ]);
      }
      case 'params/1': {
        const key = toJavaString(args[0]);
        const p = this.paramMaps();
        // Path, then query string, then header; the first hit wins; missing is "".
        const v = p.path.get(key) ?? p.querystring.get(key) ?? p.header.get(key);
        return v ?? '';
      }
      default:
        return NO_METHOD;
    }
  }

  vtlToString(): string {
    return '{}';
  }
}

/** JSON-ish data from a request's `context` to Java values; nested objects print as "" like AWS's. */
function toContextValue(v: unknown, nested: boolean): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v : new JDouble(v);
  if (Array.isArray(v)) return v.map((x) => toContextValue(x, true));
  if (v instanceof Map) return v;
  if (typeof v === 'object') {
    const m = nested ? new OpaqueMap() : new Map<string, unknown>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, toContextValue(x, true));
    return m;
  }
  return String(v);
}

function mergeInto(target: Map<string, unknown>, source: unknown): void {
  if (source && typeof source === 'object' && !Array.isArray(source))
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
      const existing = target.get(k);
      if (existing instanceof Map && v && typeof v === 'object' && !Array.isArray(v)) mergeInto(existing, v);
      else target.set(k, toContextValue(v, true));
    }
}

/** `$context` with AWS's key set and order, filled from `request.context`. */
export function buildContext(request: VtlRequest): Map<string, unknown> {
  const given = request.context ?? {};
  const ctx = new Map<string, unknown>();
  for (const key of CONTEXT_KEY_ORDER) ctx.set(key, null);
  const identity = new OpaqueMap();
  for (const key of IDENTITY_KEY_ORDER) identity.set(key, null);
  const ua = single(request.headers?.['User-Agent'] ?? request.headers?.['user-agent']);
  if (ua !== undefined) identity.set('userAgent', ua);
  ctx.set('identity', identity);
  ctx.set('requestOverride', new OpaqueMap([['header', new OpaqueMap()], ['path', new OpaqueMap()], ['querystring', new OpaqueMap()]]));
  ctx.set('responseOverride', new OpaqueMap([['header', new OpaqueMap()]]));
  for (const [key, value] of Object.entries(given)) {
    const existing = ctx.get(key);
    if (existing instanceof Map && value && typeof value === 'object' && !Array.isArray(value)) mergeInto(existing, value);
    else if (key === 'authorizer' && value && typeof value === 'object') ctx.set(key, authorizerMap(value as Record<string, unknown>));
    else ctx.set(key, toContextValue(value, true));
  }
  return ctx;
}

/** Lambda authorizer context values reach templates as strings (§3.4, §3.9 10); `claims` stays a map. */
function authorizerMap(value: Record<string, unknown>): OpaqueMap {
  const m = new OpaqueMap();
  for (const [k, v] of Object.entries(value)) {
    if (k === 'claims' && v && typeof v === 'object') m.set(k, toContextValue(v, true));
    else m.set(k, v === null || v === undefined ? null : typeof v === 'object' ? toJson(toContextValue(v, true)) : toJavaString(toContextValue(v, true)));
  }
  return m;
}

export function buildStageVariables(request: VtlRequest): Map<string, unknown> {
  const m = new Map<string, unknown>();
  const given = request.stageVariables;
  if (given) for (const k of Object.keys(given)) m.set(k, given[k]);
  return m;
}

/** `$util` has no state: one instance serves every render. */
const UTIL = new UtilObject();

export function newUtil(): UtilObject {
  return UTIL;
}

/** Overrides a template assigned, as API Gateway applies them. */
export interface VtlOverrides {
  request: { header: Record<string, string>; path: Record<string, string>; querystring: Record<string, string> };
  response: { header: Record<string, string>; status?: number };
  /** Override parameters assigned more than once (AWS answers 5XX for these). */
  duplicates: string[];
}

function overrideValue(v: unknown): string {
  return Array.isArray(v) ? v.map(toJavaString).join(',') : toJavaString(v);
}

function stringRecord(m: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (m instanceof Map) for (const [k, v] of m) if (v !== null && v !== undefined) out[k] = overrideValue(v);
  return out;
}

/** Plain data of a Java value, to hand `$context` overrides to the next template. */
export function toPlain(v: unknown): unknown {
  if (v instanceof Map) {
    if (v.size === 0) return Object.create(null) as Record<string, unknown>;
    const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of v) o[k] = toPlain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof JDouble) return v.value;
  return v;
}

export function collectOverrides(context: Map<string, unknown>, duplicates: string[]): VtlOverrides {
  const req = context.get('requestOverride');
  const res = context.get('responseOverride');
  const get = (m: unknown, k: string) => (m instanceof Map ? m.get(k) : undefined);
  const overrides: VtlOverrides = {
    request: { header: stringRecord(get(req, 'header')), path: stringRecord(get(req, 'path')), querystring: stringRecord(get(req, 'querystring')) },
    response: { header: stringRecord(get(res, 'header')) },
    duplicates,
  };
  const status = get(res, 'status');
  if (status !== null && status !== undefined) {
    const n = Number(toJavaString(status));
    if (Number.isInteger(n) && n >= 100 && n <= 599) overrides.response.status = n;
  }
  return overrides;
}

