// A Lambda proxy result turned into the HTTP response, with AWS's checks (AWS docs: "Output
// format of a Lambda function for proxy integration", "Create AWS Lambda proxy integrations
// for HTTP APIs"): anything outside the format is a malformed response, which the client sees
// as REST 502 / HTTP API 500 while the local log says what was wrong.

import { header, mediaType, type OutgoingResponse, type RequestContext } from './context.js';
import { GatewayError, internalError } from './errors.js';
import { matchesBinaryMediaType } from './events.js';

const V1_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** REST answers 502 `Internal server error`; HTTP APIs 500 `Internal Server Error`. */
export function functionFailure(ctx: RequestContext, detail: string): GatewayError {
  if (ctx.settings.api.kind === 'http') return new GatewayError('DEFAULT_5XX', { status: 500, message: 'Internal Server Error', detail });
  return internalError(detail, 502);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Payload 1.0: REST, and HTTP APIs with payloadFormatVersion 1.0. */
export function proxyResponseV1(ctx: RequestContext, payload: unknown): OutgoingResponse {
  const malformed = (why: string) => functionFailure(ctx, `malformed Lambda proxy response: ${why}`);
  if (!isPlainObject(payload)) throw malformed(`expected an object, got ${describe(payload)}`);
  const extra = Object.keys(payload).filter((k) => !V1_KEYS.has(k));
  if (extra.length > 0) throw malformed(`unexpected key${extra.length === 1 ? '' : 's'} ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
  const status = statusOf(payload.statusCode ?? 200);
  if (status === undefined) throw malformed(`statusCode ${JSON.stringify(payload.statusCode)} is not an HTTP status`);
  if (payload.body !== undefined && payload.body !== null && typeof payload.body !== 'string') throw malformed(`body must be a string, got ${describe(payload.body)}`);
  if (payload.isBase64Encoded !== undefined && typeof payload.isBase64Encoded !== 'boolean') throw malformed('isBase64Encoded must be a boolean');
  const headers: [string, string][] = [];
  const multi = payload.multiValueHeaders;
  if (multi !== undefined && multi !== null) {
    if (!isPlainObject(multi)) throw malformed('multiValueHeaders must be an object');
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values) || !values.every(isScalar)) throw malformed(`multiValueHeaders.${name} must be a list of strings`);
      for (const v of values) headers.push([name, String(v)]);
    }
  }
  const single = payload.headers;
  if (single !== undefined && single !== null) {
    if (!isPlainObject(single)) throw malformed('headers must be an object');
    // A header given in both appears only with its multiValueHeaders values.
    const taken = new Set(headers.map(([k]) => k.toLowerCase()));
    for (const [name, value] of Object.entries(single)) {
      if (!isScalar(value)) throw malformed(`headers.${name} must be a string, number or boolean`);
      if (!taken.has(name.toLowerCase())) headers.push([name, String(value)]);
    }
  }
  const text = typeof payload.body === 'string' ? payload.body : '';
  // REST decodes a base64 body only when the client accepts a binary media type (its first Accept type).
  const decode = payload.isBase64Encoded === true && (ctx.settings.api.kind === 'http' || acceptsBinary(ctx));
  if (!headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
  return { status, headers, body: Buffer.from(text, decode ? 'base64' : 'utf8') };
}


/** Payload 2.0, with its inference rules for results that are not `{statusCode, …}`. */
export function proxyResponseV2(ctx: RequestContext, payload: unknown): OutgoingResponse {
  if (typeof payload === 'string') return { status: 200, headers: [['Content-Type', 'application/json']], body: Buffer.from(payload) };
  if (!isPlainObject(payload) || payload.statusCode === undefined) {
    return { status: 200, headers: [['Content-Type', 'application/json']], body: Buffer.from(JSON.stringify(payload) ?? '') };
  }
  const malformed = (why: string) => functionFailure(ctx, `malformed Lambda response: ${why}`);
  const status = statusOf(payload.statusCode);
  if (status === undefined) throw malformed(`statusCode ${JSON.stringify(payload.statusCode)} is not an HTTP status`);
  const headers: [string, string][] = [];
  if (payload.headers !== undefined && payload.headers !== null) {
    if (!isPlainObject(payload.headers)) throw malformed('headers must be an object');
    for (const [name, value] of Object.entries(payload.headers)) {
      if (!isScalar(value)) throw malformed(`headers.${name} must be a string, number or boolean`);
      headers.push([name, String(value)]);
    }
  }
  if (payload.cookies !== undefined) {
    if (!Array.isArray(payload.cookies) || !payload.cookies.every((c) => typeof c === 'string')) throw malformed('cookies must be a list of strings');
    for (const c of payload.cookies as string[]) headers.push(['Set-Cookie', c]);
  }
  const body = payload.body;
  if (body !== undefined && body !== null && typeof body !== 'string') throw malformed(`body must be a string, got ${describe(body)}`);
  if (!headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
  return { status, headers, body: Buffer.from(body ?? '', payload.isBase64Encoded === true ? 'base64' : 'utf8') };
}

function statusOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** The first type of the Accept header is a binary media type of the API. */
export function acceptsBinary(ctx: RequestContext): boolean {
  const first = mediaType(header(ctx.request.headers, 'accept')?.split(',')[0]);
  return first !== undefined && matchesBinaryMediaType(first, ctx.settings.api.binaryMediaTypes);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
