// Views of a request that several stages share: decoded query pairs, multi-value maps,
// `$context` as templates and events see it, AWS's time format.

import { randomBytes, randomUUID } from 'node:crypto';
import type { VtlRequest } from '../vtl/index.js';
import { header, type RequestContext } from './context.js';

/** A map with no prototype: request keys such as `__proto__` stay data. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `map[key]` when the map has it as its own key: a name from a request (`constructor`) never reaches a prototype. */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** `a=1&a=2&b` → [[a,1],[a,2],[b,'']], decoded (`+` is a space), in order. Undecodable stays raw. */
export function queryPairs(rawQuery: string): [string, string][] {
  if (rawQuery === '') return [];
  return rawQuery.split('&').filter((p) => p !== '').map((pair) => {
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [decodeQuery(k), decodeQuery(v)];
  });
}

function decodeQuery(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function multiValues(pairs: readonly [string, string][], lowerCaseNames = false): Record<string, string[]> {
  const out = record<string[]>();
  for (const [k0, v] of pairs) {
    const k = lowerCaseNames ? k0.toLowerCase() : k0;
    (out[k] ??= []).push(v);
  }
  return out;
}

/** Each name's last value (API Gateway's single-value view of repeated headers and query strings). */
export function lastValues(pairs: readonly [string, string][]): Record<string, string> {
  const out = record<string>();
  for (const [k, v] of pairs) out[k] = v;
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of `$context.requestTime`. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function newRequestId(): string {
  return randomUUID();
}

/** Shaped like AWS's extended request ids (`AbCdEfGhIjKlMnO=`). */
export function newExtendedRequestId(): string {
  return randomBytes(11).toString('base64').slice(0, 15) + '=';
}

/** The host the client addressed (`$context.domainName`). */
export function domainName(ctx: RequestContext): string {
  return header(ctx.request.headers, 'host') ?? `${ctx.settings.host}:${ctx.settings.port}`;
}

/** `$context` for templates and the event's requestContext (REST names). */
export function contextVariables(ctx: RequestContext): Record<string, unknown> {
  const { settings, request } = ctx;
  const route = ctx.match?.route;
  const host = domainName(ctx);
  return {
    accountId: settings.accountId,
    apiId: settings.apiId,
    deploymentId: settings.deploymentId,
    domainName: host,
    domainPrefix: host.split('.')[0]!.split(':')[0],
    extendedRequestId: ctx.extendedRequestId,
    httpMethod: request.method,
    path: settings.stagePrefix + ctx.path,
    protocol: request.protocol,
    requestId: ctx.requestId,
    requestTime: requestTime(ctx.startedAt),
    requestTimeEpoch: ctx.startedAt,
    resourceId: route ? settings.resourceId(route.path) : null,
    resourcePath: route ? (route.isDefaultRoute ? '$default' : route.path) : null,
    stage: settings.stage,
    identity: { sourceIp: request.sourceIp, userAgent: header(request.headers, 'user-agent') ?? null },
    ...(route && settings.api.kind === 'http' ? { routeKey: route.isDefaultRoute ? '$default' : `${route.method} ${route.path}` } : {}),
    ...(ctx.validationErrorString !== undefined ? { error: { validationErrorString: ctx.validationErrorString } } : {}),
  };
}

/** What a mapping template renders against for this request. */
export function vtlRequest(ctx: RequestContext, body: string | null, extraContext: Record<string, unknown> = {}): VtlRequest {
  const headers = record<string>();
  for (const [k, v] of ctx.request.headers) headers[k] = headers[k] === undefined ? v : headers[k];
  return {
    body,
    headers,
    query: firstValues(queryPairs(ctx.request.rawQuery)),
    path: ctx.match?.pathParameters ?? {},
    context: { ...contextVariables(ctx), ...extraContext },
    stageVariables: ctx.settings.stageVariables,
  };
}

/** Each name's first value: `$input.params()` shows the first of repeated values. */
function firstValues(pairs: readonly [string, string][]): Record<string, string> {
  const out = record<string>();
  for (const [k, v] of pairs) if (out[k] === undefined) out[k] = v;
  return out;
}
