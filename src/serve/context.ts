// The per-request context every stage reads and extends, and the request and response as the
// gateway sees them (raw header pairs, raw path and query, the body as bytes).

import type { Route } from '../model/types.js';
import type { GatewaySettings } from './settings.js';
import type { RouteMatch } from './router.js';

export interface IncomingRequest {
  method: string;
  /** The path as sent, percent-encoding kept, without the query string. */
  rawPath: string;
  /** The query string as sent, without `?`. */
  rawQuery: string;
  /** Header name/value pairs in the order and case sent. */
  headers: [string, string][];
  body: Buffer;
  sourceIp: string;
  protocol: string;
}

export interface OutgoingResponse {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** What the integration answered, before integration-response mapping. */
export interface IntegrationResult {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** Lambda custom integrations: the function's error message, which response selection matches. */
  errorMessage?: string;
}

export interface RequestContext {
  readonly settings: GatewaySettings;
  readonly request: IncomingRequest;
  readonly requestId: string;
  /** `x-amz-apigw-id` / `$context.extendedRequestId`. */
  readonly extendedRequestId: string;
  readonly startedAt: number;
  /** The request path below the stage prefix, raw. */
  path: string;
  match?: RouteMatch;
  /** `$context` overrides and custom keys a request template set, handed to the response template. */
  templateContext?: { requestOverride: unknown; responseOverride: unknown };
  integration?: IntegrationResult;
  integrationLatency?: number;
  response?: OutgoingResponse;
  /** Why the request failed, for the local log (AWS hides it from the client). */
  errorMessage?: string;
  /** `$context.error.validationErrorString`. */
  validationErrorString?: string;
}

export function routeOf(ctx: RequestContext): Route {
  if (!ctx.match) throw new Error('stage ran before routing');
  return ctx.match.route;
}

/** Every value of a header, case-insensitively. */
export function headerValues(headers: readonly [string, string][], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([k]) => k.toLowerCase() === lower).map(([, v]) => v);
}

export function header(headers: readonly [string, string][], name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length > 0 ? values[values.length - 1] : undefined;
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  return t === '' ? undefined : t;
}
