// The spec-independent part of the generated SDK: builds requests from an operation description,
// authenticates them the way API Gateway expects (x-api-key, authorizer tokens, SigV4), retries
// throttling and integration failures, enforces timeouts and runs middleware. Uses only the
// global `fetch`, `URL`, `Headers`, `AbortController` and `crypto.subtle`.
// This file is copied verbatim into every generated SDK; do not edit the copy.

import { signRequest, type AwsCredentials } from './sigv4.js';

export type { AwsCredentials } from './sigv4.js';

export type Awaitable<T> = T | PromiseLike<T>;
/** What fetch accepts as a body. Derived from RequestInit so it exists with DOM libs and with @types/node alone. */
export type RequestBody = NonNullable<RequestInit['body']>;
/** A value, or a (sync or async) function that returns it on every request. */
export type Provider<T> = T | (() => Awaitable<T>);

export type FetchLike = (input: URL | string, init: RequestInit) => Promise<Response>;

export interface TokenContext {
  operationId: string;
  /** Security scheme name of the route's authorizer. */
  authorizer: string | undefined;
  /** `CUSTOM`, `COGNITO_USER_POOLS` or `JWT`. */
  type: AuthType;
  /** OAuth scopes the route requires. */
  scopes: readonly string[];
}

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff step. Default 100 ms; doubles each attempt; full jitter. */
  baseDelayMs?: number;
  /** Cap on one backoff step (not on Retry-After). Default 5000 ms. */
  maxDelayMs?: number;
  /** Cap on a `Retry-After` wait. Default 60000 ms. */
  maxRetryAfterMs?: number;
  /** Status codes retried. Default 429, 502, 503, 504 (API Gateway throttling and integration failures). */
  statuses?: readonly number[];
  /**
   * Network errors (fetch rejected, not a timeout or abort) are retried with the same backoff for
   * idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) by default; `always` opts POST/PATCH in
   * too (only safe when the API deduplicates, e.g. with an idempotency key); `never` turns it off.
   */
  networkErrors?: 'idempotent' | 'always' | 'never';
}

export interface RequestContext {
  operationId: string;
  method: string;
  url: URL;
  /** Mutable: middleware may add headers (they are signed when the route uses IAM). */
  headers: Headers;
  body: RequestBody | undefined;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface Middleware {
  /** Before each attempt is sent (and before SigV4 signing). */
  onRequest?(context: RequestContext): Awaitable<void>;
  /** After each response; may return a replacement response. */
  onResponse?(response: Response, context: RequestContext): Awaitable<Response | void>;
  /** When an attempt fails without a response (network error, timeout, abort). */
  onError?(error: unknown, context: RequestContext): Awaitable<void>;
}

export interface ClientOptions {
  /** Overrides everything below: the full base URL (custom domain, local emulator, …). */
  baseUrl?: string;
  /** A stage from the generator's config (its custom-domain URL, or the execute-api URL of the stage). */
  stage?: string;
  /** For execute-api URLs: the API id (`{restApiId}` / `{apiId}` in server URLs). */
  restApiId?: string;
  /** Values for `{variables}` in the spec's server URL (defaults come from the spec). */
  serverVariables?: Record<string, string>;
  fetch?: FetchLike;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** API Gateway API key, sent as `x-api-key` on routes that require one (unless the call passes the route's own `x-api-key` header parameter). */
  apiKey?: Provider<string | undefined>;
  /**
   * The `Authorization` (or identity source) header value for routes behind a Lambda, Cognito or JWT
   * authorizer. A call that passes the route's own parameter for that header sends that value instead.
   */
  token?: string | ((context: TokenContext) => Awaitable<string | undefined>);
  /** AWS credentials for routes with IAM authorization (SigV4). */
  credentials?: Provider<AwsCredentials | undefined>;
  /** Region for SigV4; default taken from the base URL (`*.execute-api.<region>.amazonaws.com`). */
  region?: string;
  retry?: RetryOptions | false;
  /** Per-call timeout for the whole call including retries. */
  timeoutMs?: number;
  middleware?: readonly Middleware[];
  /** Clock for SigV4 (tests). */
  now?: () => Date;
  /** Random source for jitter (tests). */
  random?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
  retry?: RetryOptions | false;
}

// Status code unions: results are discriminated on `status`, and statuses a spec does not list
// are typed as the rest of their class (`Exclude<Status4XX, 404>`), so narrowing stays exact.
export type Status1XX = 100 | 101 | 102 | 103;
export type Status2XX = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 209 | 210 | 211 | 212 | 213 | 214 | 215 | 216 | 217 | 218 | 219 | 220 | 221 | 222 | 223 | 224 | 225 | 226 | 227 | 228 | 229 | 230 | 231 | 232 | 233 | 234 | 235 | 236 | 237 | 238 | 239 | 240 | 241 | 242 | 243 | 244 | 245 | 246 | 247 | 248 | 249 | 250 | 251 | 252 | 253 | 254 | 255 | 256 | 257 | 258 | 259 | 260 | 261 | 262 | 263 | 264 | 265 | 266 | 267 | 268 | 269 | 270 | 271 | 272 | 273 | 274 | 275 | 276 | 277 | 278 | 279 | 280 | 281 | 282 | 283 | 284 | 285 | 286 | 287 | 288 | 289 | 290 | 291 | 292 | 293 | 294 | 295 | 296 | 297 | 298 | 299;
export type Status3XX = 300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308 | 309 | 310 | 311 | 312 | 313 | 314 | 315 | 316 | 317 | 318 | 319 | 320 | 321 | 322 | 323 | 324 | 325 | 326 | 327 | 328 | 329 | 330 | 331 | 332 | 333 | 334 | 335 | 336 | 337 | 338 | 339 | 340 | 341 | 342 | 343 | 344 | 345 | 346 | 347 | 348 | 349 | 350 | 351 | 352 | 353 | 354 | 355 | 356 | 357 | 358 | 359 | 360 | 361 | 362 | 363 | 364 | 365 | 366 | 367 | 368 | 369 | 370 | 371 | 372 | 373 | 374 | 375 | 376 | 377 | 378 | 379 | 380 | 381 | 382 | 383 | 384 | 385 | 386 | 387 | 388 | 389 | 390 | 391 | 392 | 393 | 394 | 395 | 396 | 397 | 398 | 399;
export type Status4XX = 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415 | 416 | 417 | 418 | 419 | 420 | 421 | 422 | 423 | 424 | 425 | 426 | 427 | 428 | 429 | 430 | 431 | 432 | 433 | 434 | 435 | 436 | 437 | 438 | 439 | 440 | 441 | 442 | 443 | 444 | 445 | 446 | 447 | 448 | 449 | 450 | 451 | 452 | 453 | 454 | 455 | 456 | 457 | 458 | 459 | 460 | 461 | 462 | 463 | 464 | 465 | 466 | 467 | 468 | 469 | 470 | 471 | 472 | 473 | 474 | 475 | 476 | 477 | 478 | 479 | 480 | 481 | 482 | 483 | 484 | 485 | 486 | 487 | 488 | 489 | 490 | 491 | 492 | 493 | 494 | 495 | 496 | 497 | 498 | 499;
export type Status5XX = 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 509 | 510 | 511 | 512 | 513 | 514 | 515 | 516 | 517 | 518 | 519 | 520 | 521 | 522 | 523 | 524 | 525 | 526 | 527 | 528 | 529 | 530 | 531 | 532 | 533 | 534 | 535 | 536 | 537 | 538 | 539 | 540 | 541 | 542 | 543 | 544 | 545 | 546 | 547 | 548 | 549 | 550 | 551 | 552 | 553 | 554 | 555 | 556 | 557 | 558 | 559 | 560 | 561 | 562 | 563 | 564 | 565 | 566 | 567 | 568 | 569 | 570 | 571 | 572 | 573 | 574 | 575 | 576 | 577 | 578 | 579 | 580 | 581 | 582 | 583 | 584 | 585 | 586 | 587 | 588 | 589 | 590 | 591 | 592 | 593 | 594 | 595 | 596 | 597 | 598 | 599;
export type HttpStatus = Status1XX | Status2XX | Status3XX | Status4XX | Status5XX;
/** Statuses for which `ok` is false. */
export type ErrorStatus = Exclude<HttpStatus, Status2XX>;

export type AuthType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';
export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  style: string;
  explode: boolean;
}

/** How one property of a form or multipart body is sent (OpenAPI Encoding Object, as declared). */
export interface FieldEncoding {
  contentType?: string;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** Multipart part headers whose value the spec fixes (const, default or a single enum value). */
  headers?: readonly (readonly [string, string])[];
  /** A `format: binary` string property: a string value is sent as application/octet-stream. */
  binary?: boolean;
}

export interface OperationSpec {
  id: string;
  method: string;
  /** Path template, `{name}` and greedy `{name+}` placeholders. */
  path: string;
  params: readonly ParamSpec[];
  body?: { mediaType: string; kind: BodyKind; encoding?: Readonly<Record<string, FieldEncoding>> };
  /**
   * The Accept header: the documented response media types, success first. API Gateway picks
   * binary vs text handling from the first Accept type, so binary routes must not lead with JSON.
   */
  accept?: string;
  /**
   * `tokenHeader` / `tokenQuery`: the authorizer's identity source the token goes to (a header, or
   * a query parameter for a REQUEST authorizer reading the query string); default the
   * `authorization` header.
   */
  auth: { type: AuthType; authorizer?: string; scopes: readonly string[]; apiKey: boolean; tokenHeader?: string; tokenQuery?: string };
  /** Response header names the spec declares (any status), exposed as typed properties of `headers`. */
  responseHeaders?: readonly string[];
  /**
   * The documented success statuses, when the spec lists its 2xx codes one by one: only these are
   * `ok` (an undocumented 2xx is `ok: false`, its body in `error`), so `ok` narrows `data` to the
   * documented types. Absent: every 2xx is `ok`.
   */
  success?: readonly number[];
  /**
   * `manual` when the spec documents a redirect: the 3xx is the result instead of being followed.
   * Node.js, Deno and Bun then return the 3xx itself (status, Location, body). Browsers hide it:
   * the result has status 0, no headers and no body (`response.type === 'opaqueredirect'`).
   * Otherwise fetch follows redirects (at most 20; a longer chain or a loop rejects, not retried).
   */
  redirect?: 'manual';
}

export type HttpMethodName = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** `headers` of a result whose response declares headers: the raw Headers plus the declared ones as properties. */
export type TypedHeaders<T> = Headers & Readonly<T>;

/** The untyped part of a `$default`-route call (`client.request(method, path, init)`). */
export interface RawRequest {
  /** Query parameters; arrays repeat the name. */
  query?: Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>;
  headers?: Record<string, string>;
  /** A string, Blob, ArrayBuffer(View), FormData or URLSearchParams is sent as is; anything else as JSON. */
  body?: unknown;
  /** Content type for a string or binary body (JSON bodies are `application/json`). */
  contentType?: string;
}

export interface RequestInput {
  /** For `ANY` routes: the HTTP method to use (default GET). */
  method?: string;
  /** For the `$default` route: the path (below the base URL) and the untyped request. */
  raw?: { path: string; request: RawRequest };
  path?: object;
  query?: object;
  header?: object;
  cookie?: object;
  body?: unknown;
}

/** What every call resolves to (when not throwing): narrow on `ok` or `status`. */
export interface RawResult {
  ok: boolean;
  status: number;
  data?: unknown;
  error?: unknown;
  headers: Headers;
  response: Response;
}

/** Thrown for results that are not `ok` (non-2xx, or a 2xx the spec does not document) when the client is generated to throw. */
export class ApiError<R extends { status: number; error?: unknown } = { status: number; error?: unknown }> extends Error {
  readonly status: number;
  readonly result: R;
  constructor(result: R, operationId: string) {
    super(`${operationId} failed with HTTP ${result.status}`);
    this.name = 'ApiError';
    this.status = result.status;
    this.result = result;
  }
  get error(): R['error'] {
    return this.result.error;
  }
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

const DEFAULT_RETRY: Required<RetryOptions> = { retries: 2, baseDelayMs: 100, maxDelayMs: 5000, maxRetryAfterMs: 60000, statuses: [429, 502, 503, 504], networkErrors: 'idempotent' };
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

function has(o: object | undefined, key: string): boolean {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, key);
}

function valueOf(o: object | undefined, key: string): unknown {
  return has(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function entriesOf(value: object): [string, unknown][] {
  return Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
}

/** A path parameter value, encoded per style (simple, label, matrix). Greedy (`{x+}`) values keep their `/`. */
export function serializePathParam(spec: ParamSpec, value: unknown, greedy: boolean): string {
  const enc = greedy ? (s: string) => s.split('/').map(encodeURIComponent).join('/') : encodeURIComponent;
  const prefix = spec.style === 'label' ? '.' : spec.style === 'matrix' ? `;${spec.name}=` : '';
  if (Array.isArray(value)) {
    const sep = spec.explode ? (spec.style === 'label' ? '.' : spec.style === 'matrix' ? `;${spec.name}=` : ',') : ',';
    return prefix + value.map((v) => enc(text(v))).join(sep);
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const pairs = entriesOf(value).filter(([, v]) => v !== undefined);
    if (spec.explode) return (spec.style === 'matrix' ? ';' : prefix) + pairs.map(([k, v]) => `${enc(k)}=${enc(text(v))}`).join(spec.style === 'label' ? '.' : spec.style === 'matrix' ? ';' : ',');
    return prefix + pairs.map(([k, v]) => `${enc(k)},${enc(text(v))}`).join(',');
  }
  return prefix + enc(text(value));
}

/** `name=value` pairs (already encoded) for one query parameter per style/explode. */
export function serializeQueryParam(spec: ParamSpec, value: unknown): string[] {
  const key = encodeURIComponent(spec.name);
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined).map((v) => encodeURIComponent(text(v)));
    if (spec.explode && spec.style !== 'spaceDelimited' && spec.style !== 'pipeDelimited') return items.map((v) => `${key}=${v}`);
    const sep = spec.style === 'spaceDelimited' ? '%20' : spec.style === 'pipeDelimited' ? '|' : ',';
    return [`${key}=${items.join(sep)}`];
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const pairs = entriesOf(value).filter(([, v]) => v !== undefined);
    if (spec.style === 'deepObject') return pairs.map(([k, v]) => `${key}%5B${encodeURIComponent(k)}%5D=${encodeURIComponent(text(v))}`);
    if (spec.explode) return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(text(v))}`);
    return [`${key}=${pairs.map(([k, v]) => `${encodeURIComponent(k)},${encodeURIComponent(text(v))}`).join(',')}`];
  }
  return [`${key}=${encodeURIComponent(text(value))}`];
}

function headerValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(',');
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) return entriesOf(value).map(([k, v]) => `${k},${text(v)}`).join(',');
  return text(value);
}

/** Builds the URL of one call: path template filled in, query appended in parameter order. */
export function buildUrl(baseUrl: string, op: OperationSpec, input: RequestInput): URL {
  let path = op.path;
  for (const spec of op.params) {
    if (spec.in !== 'path') continue;
    const value = valueOf(input.path, spec.name);
    if (value === undefined) throw new ConfigurationError(`${op.id}: missing path parameter ${JSON.stringify(spec.name)}`);
    // Replaced by position, never by regex over user text.
    for (const greedy of [false, true]) {
      const placeholder = `{${spec.name}${greedy ? '+' : ''}}`;
      const at = path.indexOf(placeholder);
      if (at !== -1) path = path.slice(0, at) + serializePathParam(spec, value, greedy) + path.slice(at + placeholder.length);
    }
  }
  const query: string[] = [];
  for (const spec of op.params) {
    if (spec.in !== 'query') continue;
    const value = valueOf(input.query, spec.name);
    if (value !== undefined && value !== null) query.push(...serializeQueryParam(spec, value));
  }
  const base = baseUrl.replace(/\/+$/, '');
  return new URL(`${base}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`);
}

/**
 * The URL of a `$default`-route call. The path must stay below the base URL: it must start with
 * `/` and may not carry `.`/`..` segments, a query or a fragment (pass `query` instead).
 */
export function buildRawUrl(baseUrl: string, path: string, query: RawRequest['query']): URL {
  if (!path.startsWith('/')) throw new ConfigurationError(`request path must start with "/": ${JSON.stringify(path)}`);
  if (/[?#]/.test(path)) throw new ConfigurationError(`request path may not contain "?" or "#" (pass \`query\`): ${JSON.stringify(path)}`);
  const segments = path.split('/');
  if (segments.some((s) => s === '.' || s === '..' || /^%2e(%2e)?$|^\.%2e$|^%2e\.$/i.test(s))) throw new ConfigurationError(`request path may not contain "." or ".." segments: ${JSON.stringify(path)}`);
  // Encode what a path segment cannot hold raw; keep existing %XX escapes.
  const encoded = segments.map((s) => s.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@%]|%(?![0-9A-Fa-f]{2})/g, (c) => encodeURIComponent(c))).join('/');
  const pairs: string[] = [];
  for (const [k, v] of entriesOf(query ?? {})) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) pairs.push(`${encodeURIComponent(k)}=${encodeURIComponent(text(item))}`);
  }
  return new URL(`${baseUrl.replace(/\/+$/, '')}${encoded}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`);
}

function isRawBody(body: unknown): body is RequestBody {
  return typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof FormData || body instanceof URLSearchParams || (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream);
}

/** The body of a `$default`-route call. */
export function encodeRawBody(request: RawRequest): { body: RequestBody | undefined; contentType: string | undefined } {
  const body = request.body;
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (isRawBody(body)) return { body, contentType: request.contentType ?? (typeof body === 'string' ? 'text/plain;charset=UTF-8' : undefined) };
  return { body: JSON.stringify(body), contentType: request.contentType ?? 'application/json' };
}

/** `headers` of a result: the raw Headers, plus each declared response header present as a property. */
function resultHeaders(response: Response, declared: readonly string[] | undefined): Headers {
  if (!declared || declared.length === 0) return response.headers;
  const headers = new Headers(response.headers);
  for (const name of declared) {
    // Never shadow a member (`get`, `toString`, …) or define a name twice; skip names that are no
    // valid header name (Headers.get would throw on them, and no response can carry them).
    if (name in headers || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) continue;
    const value = response.headers.get(name);
    // defineProperty: a header name is data, never a setter or prototype key.
    if (value !== null) Object.defineProperty(headers, name, { value, enumerable: true });
  }
  return headers;
}

// Form bodies follow OpenAPI's Encoding Object. application/x-www-form-urlencoded: each property
// by its `style` (default `form`), `explode` (default true for `form`) and `allowReserved` (default
// false), or, when only `contentType` is given, as that media type's text. multipart/form-data: one
// part per property (per item for arrays, unless the part is JSON), with the part's `contentType`
// (default by value: a Blob's own type, application/json for objects, text/plain otherwise;
// application/octet-stream for strings of binary properties) and the `headers` the spec fixes.

/** Form bytes: WHATWG's application/x-www-form-urlencoded serializer (space as `+`). */
function formEncode(value: string, allowReserved: boolean): string {
  // allowReserved keeps RFC 3986's reserved characters, except the three that would change how
  // the form itself is read (`&` and `=` split pairs, `+` is a space).
  const keep = allowReserved ? /[A-Za-z0-9*\-._:/?#[\]@!$'(),;]/ : /[A-Za-z0-9*\-._]/;
  let out = '';
  for (const ch of value) out += ch === ' ' ? '+' : keep.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return out;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Blob);
}

/** `key[a][b]=v` pairs for a deepObject property; arrays repeat their key (`key[a]=1&key[a]=2`). */
function deepObjectPairs(key: string, value: unknown, enc: (s: string) => string, depth: number): string[] {
  if (depth > 32) throw new ConfigurationError(`form field ${JSON.stringify(key)} nests deeper than 32 levels`);
  if (Array.isArray(value)) return value.flatMap((item) => (isPlainObject(item) ? deepObjectPairs(key, item, enc, depth + 1) : item === undefined ? [] : [`${enc(key)}=${enc(text(item))}`]));
  if (isPlainObject(value)) return entriesOf(value).flatMap(([k, v]) => (v === undefined ? [] : deepObjectPairs(`${key}[${k}]`, v, enc, depth + 1)));
  return [`${enc(key)}=${enc(text(value))}`];
}

const DELIMITERS: Record<string, string> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

function formPairs(name: string, value: unknown, e: FieldEncoding | undefined): string[] {
  const allowReserved = e?.allowReserved ?? false;
  const enc = (s: string) => formEncode(s, allowReserved);
  if (e?.contentType !== undefined && e.style === undefined && e.explode === undefined && e.allowReserved === undefined) {
    return [`${enc(name)}=${enc(isJsonMediaType(e.contentType) ? JSON.stringify(value) : text(value))}`];
  }
  const style = e?.style ?? 'form';
  const explode = e?.explode ?? style === 'form';
  if (style === 'deepObject') return deepObjectPairs(name, value, enc, 0);
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined).map((v) => text(v));
    if (explode && style === 'form') return items.map((v) => `${enc(name)}=${enc(v)}`);
    // The form style's comma is a reserved character and stays literal; the other separators are text.
    const separator = DELIMITERS[style] ?? ',';
    return [`${enc(name)}=${items.map(enc).join(separator === ',' ? ',' : enc(separator))}`];
  }
  if (isPlainObject(value)) {
    const pairs = entriesOf(value).filter(([, v]) => v !== undefined);
    if (explode) return pairs.map(([k, v]) => `${enc(k)}=${enc(text(v))}`);
    return [`${enc(name)}=${pairs.map(([k, v]) => `${enc(k)},${enc(text(v))}`).join(',')}`];
  }
  return [`${enc(name)}=${enc(text(value))}`];
}

function formBody(value: unknown, encoding: Readonly<Record<string, FieldEncoding>> | undefined): string {
  if (typeof value !== 'object' || value === null) return '';
  return entriesOf(value)
    .filter(([, v]) => v !== undefined)
    .flatMap(([k, v]) => formPairs(k, v, has(encoding, k) ? encoding![k] : undefined))
    .join('&');
}

function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}

/** A Content-Disposition parameter value, escaped as browsers escape FormData names. */
function dispositionValue(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/** The part's content type: the declared one (for a list, the one matching the Blob, else the first), else by value. */
function partContentType(declared: string | undefined, value: unknown, binary: boolean): string | undefined {
  if (declared !== undefined) {
    const choices = declared.split(',').map((t) => t.trim()).filter((t) => t !== '');
    const own = value instanceof Blob ? value.type.toLowerCase() : '';
    const matching = choices.find((t) => own !== '' && (t.toLowerCase() === own || (t.endsWith('/*') && own.startsWith(t.slice(0, -1).toLowerCase())) || t === '*/*'));
    const chosen = matching ? (/\*/.test(matching) ? own : matching) : choices.find((t) => !/\*/.test(t));
    if (chosen !== undefined) return chosen;
  }
  if (value instanceof Blob) return value.type || 'application/octet-stream';
  if (isPlainObject(value) || Array.isArray(value)) return 'application/json';
  // RFC 7578: a part without Content-Type is text/plain, as FormData sends text fields.
  return binary ? 'application/octet-stream' : undefined;
}

function multipartBody(value: unknown, mediaType: string, encoding: Readonly<Record<string, FieldEncoding>> | undefined): { body: Blob; contentType: string } {
  const random = new Uint8Array(16);
  crypto.getRandomValues(random);
  const boundary = `----apigw-gen-${[...random].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const parts: (string | Blob)[] = [];
  const addPart = (name: string, item: unknown, e: FieldEncoding | undefined) => {
    const type = partContentType(e?.contentType, item, e?.binary === true);
    const isFile = item instanceof Blob;
    const filename = isFile ? ((item as Blob & { name?: unknown }).name ?? 'blob') : undefined;
    let head = `--${boundary}\r\nContent-Disposition: form-data; name=${dispositionValue(name)}${typeof filename === 'string' ? `; filename=${dispositionValue(filename)}` : ''}\r\n`;
    if (type !== undefined) head += `Content-Type: ${type}\r\n`;
    for (const [header, headerValue] of e?.headers ?? []) head += `${header}: ${headerValue}\r\n`;
    parts.push(`${head}\r\n`, isFile ? item : type !== undefined && isJsonMediaType(type) ? JSON.stringify(item) : text(item), '\r\n');
  };
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of entriesOf(value)) {
      if (v === undefined) continue;
      const e = has(encoding, k) ? encoding![k] : undefined;
      // An array is one part per item, unless it is declared as one JSON part.
      if (Array.isArray(v) && !(e?.contentType !== undefined && isJsonMediaType(e.contentType))) for (const item of v) addPart(k, item, e);
      else addPart(k, v, e);
    }
  }
  parts.push(`--${boundary}--\r\n`);
  return { body: new Blob(parts), contentType: `${mediaType.split(';')[0]!.trim()}; boundary=${boundary}` };
}

/** The request body and its content type (undefined content type: let fetch set it, e.g. multipart boundaries). */
export function encodeBody(op: OperationSpec, body: unknown): { body: RequestBody | undefined; contentType: string | undefined } {
  if (body === undefined || !op.body) return { body: undefined, contentType: undefined };
  const { mediaType, kind } = op.body;
  switch (kind) {
    case 'json':
      return { body: JSON.stringify(body), contentType: mediaType };
    case 'form':
      return { body: formBody(body, op.body.encoding), contentType: mediaType };
    case 'multipart':
      return multipartBody(body, mediaType, op.body.encoding);
    case 'text':
      return { body: String(body), contentType: mediaType };
    case 'binary':
      return { body: body as RequestBody, contentType: mediaType === '*/*' ? 'application/octet-stream' : mediaType };
  }
}

/** fetch gave up on a redirect chain (too long, or a loop): repeating the request cannot help. */
function isRedirectLimit(error: unknown): boolean {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  return cause instanceof Error && /redirect/i.test(cause.message);
}

async function resolveProvider<T>(provider: Provider<T> | undefined): Promise<T | undefined> {
  return typeof provider === 'function' ? await (provider as () => Awaitable<T>)() : provider;
}

/** Retry-After (seconds or HTTP date) in ms, or undefined. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function parseResponse(response: Response, method: string): Promise<unknown> {
  if (method === 'HEAD' || response.status === 204 || response.status === 205 || response.status === 304) return undefined;
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('json')) {
    const raw = await response.text();
    if (raw === '') return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (type.startsWith('text/') || type.includes('xml') || type.includes('x-www-form-urlencoded')) return response.text();
  if (type === '') {
    const raw = await response.text();
    return raw === '' ? undefined : raw;
  }
  return response.blob();
}

/** SigV4 needs the exact bytes; multipart/stream/blob bodies are materialised (fetch sets the same boundary header we read). */
async function bytesForSigning(body: RequestBody | undefined, headers: Headers): Promise<Uint8Array | string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const materialised = new Response(body);
  const type = materialised.headers.get('content-type');
  if (type && !headers.has('content-type')) headers.set('content-type', type);
  return new Uint8Array(await materialised.arrayBuffer());
}

function regionOf(url: URL): string | undefined {
  return /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1];
}

/** Where the API is served, as the generator found it in the spec's `servers` and the config's `stages`. */
export interface Endpoints {
  /** `[stage, custom-domain URL or undefined]`, from the config. */
  stages: readonly (readonly [string, string | undefined])[];
  /** Server URL templates with their variables' defaults. */
  servers: readonly { url: string; variables: readonly (readonly [string, string])[] }[];
}

function fill(template: string, values: Map<string, string>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => values.get(name) ?? whole);
}

/**
 * The base URL: `baseUrl`, else the chosen stage's URL (custom domain, or
 * `https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}`), else the first server URL
 * with its variables filled from options and defaults.
 */
export function resolveBaseUrl(endpoints: Endpoints, options: ClientOptions): string {
  if (options.baseUrl !== undefined) return options.baseUrl;
  const values = new Map<string, string>();
  if (options.restApiId !== undefined) {
    values.set('restApiId', options.restApiId);
    values.set('apiId', options.restApiId);
  }
  if (options.region !== undefined) values.set('region', options.region);
  let url: string | undefined;
  if (options.stage !== undefined) {
    const stage = endpoints.stages.find(([name]) => name === options.stage);
    if (!stage) throw new ConfigurationError(`unknown stage ${JSON.stringify(options.stage)}; known: ${endpoints.stages.map(([n]) => n).join(', ') || 'none'}`);
    const stagePath = options.stage === '$default' ? '' : `/${encodeURIComponent(options.stage)}`;
    url = stage[1] ?? `https://{restApiId}.execute-api.{region}.amazonaws.com${stagePath}`;
  } else {
    const server = endpoints.servers[0];
    if (!server) throw new ConfigurationError('the spec names no server: pass `baseUrl` (or `stage`) to the client');
    for (const [name, value] of server.variables) if (!values.has(name)) values.set(name, value);
    for (const [name, value] of Object.entries(options.serverVariables ?? {})) values.set(name, value);
    url = server.url;
  }
  const filled = fill(url, values);
  const missing = /\{([^{}]+)\}/.exec(filled);
  if (missing) throw new ConfigurationError(`the base URL ${filled} needs a value for {${missing[1]}}: pass it to the client (restApiId, region or serverVariables)`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(filled)) {
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
    if (!origin) throw new ConfigurationError(`the base URL ${filled} is relative: pass an absolute \`baseUrl\` to the client`);
    return origin + filled;
  }
  return filled;
}

export class ClientCore {
  readonly options: ClientOptions;
  private readonly baseUrl: string;
  private readonly throwOnError: boolean;

  constructor(endpoints: Endpoints, options: ClientOptions, throwOnError: boolean) {
    this.options = options;
    this.baseUrl = resolveBaseUrl(endpoints, options);
    this.throwOnError = throwOnError;
  }

  /** Performs one operation. `R` is the generated result union of the operation (the runtime builds a RawResult that matches it). */
  async request<R = RawResult>(op: OperationSpec, input: RequestInput = {}, call: CallOptions = {}): Promise<R> {
    return (await this.perform(op, input, call)) as R;
  }

  private async perform(op: OperationSpec, input: RequestInput, call: CallOptions): Promise<RawResult> {
    const options = this.options;
    const method = op.method === 'ANY' ? (input.method ?? 'GET').toUpperCase() : op.method;
    const url = input.raw ? buildRawUrl(this.baseUrl, input.raw.path, input.raw.request.query) : buildUrl(this.baseUrl, op, input);
    const headers = new Headers();
    for (const [k, v] of entriesOf(options.headers ?? {})) headers.set(k, String(v));
    headers.set('accept', op.accept ?? 'application/json, */*;q=0.8');
    for (const spec of op.params) {
      const value = spec.in === 'header' ? valueOf(input.header, spec.name) : undefined;
      if (value !== undefined && value !== null) headers.set(spec.name, headerValue(value));
    }
    const cookies = op.params.filter((p) => p.in === 'cookie' && valueOf(input.cookie, p.name) !== undefined).map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(headerValue(valueOf(input.cookie, p.name)))}`);
    if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
    for (const [k, v] of entriesOf(input.raw?.request.headers ?? {})) headers.set(k, String(v));
    for (const [k, v] of entriesOf(call.headers ?? {})) headers.set(k, String(v));
    const encoded = input.raw ? encodeRawBody(input.raw.request) : encodeBody(op, input.body);
    if (encoded.contentType) headers.set('content-type', encoded.contentType);
    await this.authenticate(op, headers, url, input);

    const retry = call.retry === false || options.retry === false ? undefined : { ...DEFAULT_RETRY, ...options.retry, ...call.retry };
    const attempts = 1 + (retry ? Math.max(0, retry.retries) : 0);
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(call.signal!.reason);
    if (call.signal?.aborted) controller.abort(call.signal.reason);
    call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
    const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
    const random = options.random ?? Math.random;
    try {
      for (let attempt = 1; ; attempt++) {
        const context: RequestContext = { operationId: op.id, method, url, headers: new Headers(headers), body: encoded.body, attempt };
        for (const m of options.middleware ?? []) await m.onRequest?.(context);
        let bodyToSend = context.body;
        if (op.auth.type === 'AWS_IAM') bodyToSend = await this.sign(op.id, context);
        let response: Response;
        try {
          if (controller.signal.aborted) throw controller.signal.reason;
          response = await doFetch(context.url, { method, headers: context.headers, body: bodyToSend ?? null, signal: controller.signal, redirect: op.redirect ?? 'follow' });
        } catch (error) {
          const aborted = controller.signal.aborted;
          const reason = aborted ? controller.signal.reason : error;
          for (const m of options.middleware ?? []) await m.onError?.(reason, context);
          // A network error (not a timeout or abort) is retried when repeating the request is safe.
          const retryNetwork =
            !aborted && !isRedirectLimit(error) && retry !== undefined && attempt < attempts && !(context.body instanceof ReadableStream) &&
            (retry.networkErrors === 'always' || (retry.networkErrors === 'idempotent' && IDEMPOTENT_METHODS.includes(method)));
          if (!retryNetwork) throw reason;
          await sleep(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)) * random(), controller.signal);
          continue;
        }
        for (const m of options.middleware ?? []) response = (await m.onResponse?.(response, context)) ?? response;
        const canRetry = retry !== undefined && attempt < attempts && retry.statuses.includes(response.status) && !(context.body instanceof ReadableStream);
        if (canRetry) {
          const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)) * random();
          const after = retryAfterMs(response.headers.get('retry-after'), Date.now());
          const wait = after === undefined ? backoff : Math.min(after, retry.maxRetryAfterMs);
          await response.body?.cancel().catch(() => undefined);
          await sleep(wait, controller.signal);
          continue;
        }
        const payload = await parseResponse(response, method);
        const ok = op.success ? op.success.includes(response.status) : response.status >= 200 && response.status < 300;
        const resultHeaderSet = resultHeaders(response, op.responseHeaders);
        const result: RawResult = ok ? { ok, status: response.status, data: payload, headers: resultHeaderSet, response } : { ok, status: response.status, error: payload, headers: resultHeaderSet, response };
        if (!ok && this.throwOnError) throw new ApiError(result as RawResult & { error: unknown }, op.id);
        return result;
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /**
   * Adds the route's credentials. A value the call passed in the operation's own parameter for that
   * header (or query parameter) wins, and the client option is not consulted (the generated types
   * make such parameters optional for that reason).
   */
  private async authenticate(op: OperationSpec, headers: Headers, url: URL, input: RequestInput): Promise<void> {
    const { auth } = op;
    const given = (location: 'header' | 'query', name: string) =>
      op.params.some((p) => p.in === location && (location === 'header' ? p.name.toLowerCase() === name : p.name === name) && valueOf(input[location], p.name) != null);
    if (auth.apiKey && !given('header', 'x-api-key')) {
      const key = await resolveProvider(this.options.apiKey);
      if (key === undefined) throw new ConfigurationError(`${op.id} requires an API key: pass \`apiKey\` to the client`);
      headers.set('x-api-key', key);
    }
    if (auth.type === 'CUSTOM' || auth.type === 'COGNITO_USER_POOLS' || auth.type === 'JWT') {
      if (auth.tokenQuery !== undefined ? given('query', auth.tokenQuery) : given('header', auth.tokenHeader ?? 'authorization')) return;
      const provider = this.options.token;
      const token = typeof provider === 'function' ? await provider({ operationId: op.id, authorizer: auth.authorizer, type: auth.type, scopes: auth.scopes }) : provider;
      if (token === undefined) throw new ConfigurationError(`${op.id} requires an authorizer token: pass \`token\` to the client`);
      if (auth.tokenQuery !== undefined) {
        // Appended as is (not via searchParams, which would re-encode the query already built).
        const pair = `${encodeURIComponent(auth.tokenQuery)}=${encodeURIComponent(token)}`;
        url.search = url.search === '' || url.search === '?' ? `?${pair}` : `${url.search}&${pair}`;
      } else headers.set(auth.tokenHeader ?? 'authorization', token);
    }
  }

  private async sign(operationId: string, context: RequestContext): Promise<RequestBody | undefined> {
    const credentials = await resolveProvider(this.options.credentials);
    if (!credentials) throw new ConfigurationError(`${operationId} uses IAM authorization: pass \`credentials\` to the client`);
    const region = this.options.region ?? regionOf(context.url);
    if (!region) throw new ConfigurationError(`${operationId} uses IAM authorization: pass \`region\` to the client (the base URL does not name one)`);
    const bytes = await bytesForSigning(context.body, context.headers);
    await signRequest({ method: context.method, url: context.url, headers: context.headers, body: bytes }, { credentials, region, now: this.options.now?.() ?? new Date() });
    return bytes === undefined ? undefined : typeof bytes === 'string' ? bytes : (bytes as unknown as RequestBody);
  }
}
