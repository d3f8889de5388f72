// HTTP API CORS (AWS docs: "Configuring CORS for an HTTP API"): with x-amazon-apigateway-cors,
// the gateway answers preflight requests itself and adds the CORS headers to every response
// for an allowed origin, replacing any the integration sent. REST APIs get no CORS of the
// gateway's own: only what the spec configures (an OPTIONS mock and its headers).

import type { Cors } from '../model/types.js';
import { header, type OutgoingResponse, type RequestContext } from './context.js';

function allowedOrigin(cors: Cors, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowOrigins.some((o) => o.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/** An HTTP API with CORS configured and an OPTIONS request with Origin and Access-Control-Request-Method. */
export function isPreflight(ctx: RequestContext): boolean {
  const { headers, method } = ctx.request;
  return ctx.settings.api.kind === 'http' && ctx.settings.api.cors !== undefined && method === 'OPTIONS'
    && header(headers, 'origin') !== undefined && header(headers, 'access-control-request-method') !== undefined;
}

/** A preflight answer (204), even where no route matches; undefined when this is not a preflight request. */
export function preflight(ctx: RequestContext): OutgoingResponse | undefined {
  const cors = ctx.settings.api.cors;
  if (!cors || !isPreflight(ctx)) return undefined;
  const { headers } = ctx.request;
  const requestedMethod = header(headers, 'access-control-request-method')!;
  const origin = allowedOrigin(cors, header(headers, 'origin'));
  const out: [string, string][] = [];
  if (origin !== undefined) {
    out.push(['Access-Control-Allow-Origin', origin]);
    const methods = cors.allowMethods.includes('*') ? requestedMethod : cors.allowMethods.join(',');
    if (methods !== '') out.push(['Access-Control-Allow-Methods', methods]);
    const requestedHeaders = header(headers, 'access-control-request-headers');
    const allowHeaders = cors.allowHeaders.includes('*') ? requestedHeaders : cors.allowHeaders.join(',');
    if (allowHeaders) out.push(['Access-Control-Allow-Headers', allowHeaders]);
    if (cors.maxAge !== undefined) out.push(['Access-Control-Max-Age', String(cors.maxAge)]);
    if (cors.allowCredentials) out.push(['Access-Control-Allow-Credentials', 'true']);
    if (origin !== '*') out.push(['Vary', 'Origin']);
  }
  return { status: 204, headers: out, body: Buffer.alloc(0) };
}

/** The CORS headers of a non-preflight response; the integration's own CORS headers are dropped. */
export function addCorsHeaders(ctx: RequestContext, response: OutgoingResponse): void {
  const cors = ctx.settings.api.cors;
  if (ctx.settings.api.kind !== 'http' || !cors || isPreflight(ctx)) return;
  response.headers = response.headers.filter(([k]) => !k.toLowerCase().startsWith('access-control-'));
  const origin = allowedOrigin(cors, header(ctx.request.headers, 'origin'));
  if (origin === undefined) return;
  response.headers.push(['Access-Control-Allow-Origin', origin]);
  if (cors.exposeHeaders.length > 0) response.headers.push(['Access-Control-Expose-Headers', cors.exposeHeaders.join(',')]);
  if (cors.allowCredentials) response.headers.push(['Access-Control-Allow-Credentials', 'true']);
  if (origin !== '*') response.headers.push(['Vary', 'Origin']);
}
