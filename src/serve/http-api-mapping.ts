// HTTP API parameter mapping (AWS docs: "Transform API requests and responses for HTTP APIs"):
// `append|overwrite|remove:header.NAME`, `…:querystring.NAME` and `overwrite:path` on the
// request; `…:header.NAME` and `overwrite:statuscode` on the response, keyed by status code.
// Values: a static string or `$request.*`, `$context.*`, `$stageVariables.*`, `$response.*`,
// alone or inside `${…}` to concatenate.

import { evaluateJsonPath } from '../vtl/index.js';
import { header, headerValues, type OutgoingResponse, type RequestContext } from './context.js';
import { contextVariables, own, queryPairs } from './request-values.js';

export interface MappedRequest {
  headers: [string, string][];
  query: [string, string][];
  /** Set by `overwrite:path`. */
  path?: string;
}

type Lookup = (source: string) => string | undefined;

/** Apply an HTTP API's request parameters to the request forwarded to the integration. */
export function mapHttpApiRequest(ctx: RequestContext, parameters: Record<string, unknown>, request: MappedRequest): void {
  const lookup = requestLookup(ctx);
  for (const [key, raw] of Object.entries(parameters)) {
    if (typeof raw !== 'string') continue;
    const value = substitute(raw, lookup);
    if (key === 'overwrite:path') {
      if (value !== undefined) request.path = value;
      continue;
    }
    const m = /^(append|overwrite|remove):(header|querystring)\.(.+)$/.exec(key);
    if (!m) continue;
    apply(m[2] === 'header' ? request.headers : request.query, m[1]!, m[3]!, value, m[2] === 'header');
  }
}

/** Apply an HTTP API's response parameters for the response's status code. */
export function mapHttpApiResponse(ctx: RequestContext, byStatus: Record<string, Record<string, unknown>>, response: OutgoingResponse): void {
  const parameters = own(byStatus, String(response.status));
  if (!parameters) return;
  const forRequest = requestLookup(ctx);
  const body = response.body.toString('utf8');
  const lookup: Lookup = (source) => {
    if (source.startsWith('response.header.')) return header(response.headers, source.slice('response.header.'.length));
    if (source === 'response.body') return body;
    if (source.startsWith('response.body.')) return bodyPath(body, source.slice('response.body.'.length));
    return forRequest(source);
  };
  for (const [key, raw] of Object.entries(parameters)) {
    if (typeof raw !== 'string') continue;
    const value = substitute(raw, lookup);
    if (key === 'overwrite:statuscode') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 200 && n <= 599) response.status = n;
      continue;
    }
    const m = /^(append|overwrite|remove):header\.(.+)$/.exec(key);
    if (m) apply(response.headers, m[1]!, m[2]!, value, true);
  }
}

function apply(pairs: [string, string][], action: string, name: string, value: string | undefined, caseInsensitive: boolean): void {
  const same = (k: string) => (caseInsensitive ? k.toLowerCase() === name.toLowerCase() : k === name);
  if (action === 'remove' || action === 'overwrite') {
    for (let i = pairs.length - 1; i >= 0; i--) if (same(pairs[i]![0])) pairs.splice(i, 1);
  }
  if (action !== 'remove' && value !== undefined) pairs.push([name, value]);
}

function requestLookup(ctx: RequestContext): Lookup {
  return (source) => {
    const after = (prefix: string) => (source.startsWith(prefix) ? source.slice(prefix.length) : undefined);
    let name: string | undefined;
    if ((name = after('request.header.')) !== undefined) {
      const values = headerValues(ctx.request.headers, name);
      return values.length > 0 ? values.join(',') : undefined;
    }
    if ((name = after('request.querystring.')) !== undefined) {
      const values = queryPairs(ctx.request.rawQuery).filter(([k]) => k === name).map(([, v]) => v);
      return values.length > 0 ? values.join(',') : undefined;
    }
    if (source === 'request.path') return ctx.settings.stagePrefix + ctx.path;
    if ((name = after('request.path.')) !== undefined) return own(ctx.match?.pathParameters, name);
    if (source === 'request.body') return ctx.request.body.toString('utf8');
    if ((name = after('request.body.')) !== undefined) return bodyPath(ctx.request.body.toString('utf8'), name);
    if ((name = after('stageVariables.')) !== undefined) return own(ctx.settings.stageVariables, name);
    if ((name = after('context.')) !== undefined) {
      let v: unknown = contextVariables(ctx);
      for (const part of name.split('.')) v = v !== null && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
      return v === undefined || v === null ? undefined : String(v);
    }
    return undefined;
  };
}

/** `$request.header.x` alone, or text with `${request.header.x}` parts; anything else is static. */
function substitute(value: string, lookup: Lookup): string | undefined {
  const whole = /^\$((?:request|response|context|stageVariables)\.[^\s${}]+|request\.path|request\.body|response\.body)$/.exec(value);
  if (whole) return lookup(whole[1]!);
  return value.replace(/\$\{([^}]+)\}/g, (_, source: string) => lookup(source.trim()) ?? '');
}

/** HTTP APIs apply body JSONPath to the first 100 KB of the body. */
function bodyPath(body: string, path: string): string | undefined {
  try {
    const value = evaluateJsonPath(JSON.parse(body.slice(0, 100 * 1024)) as unknown, `$.${path}`);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}
