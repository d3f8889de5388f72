// HTTP and HTTP_PROXY integrations, public or through a VPC link (AWS docs: "HTTP integrations
// for REST APIs", "Private integrations"): the URI with stage variables and mapped path
// parameters, mapped query strings and headers, the gateway's timeout; a proxy passes the
// request and the response through, a custom integration maps both with templates.

import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Integration } from '../../model/types.js';
import type { IntegrationResult, OutgoingResponse, RequestContext } from '../context.js';
import { GatewayError, internalError } from '../errors.js';
import { mapIntegrationResponse } from '../integration-response.js';
import { mappingValue, withStageVariables } from '../parameter-mapping.js';
import { queryPairs } from '../request-values.js';
import { renderRequestTemplate } from '../templates.js';
import { valueText } from '../../model/values.js';
import { withIntegrationTimeout } from './timeout.js';
import { mapHttpApiRequest, type MappedRequest } from '../http-api-mapping.js';

/** Integration responses are bounded like requests (API Gateway's 10 MB payload quota). */
export const MAX_INTEGRATION_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Headers that describe one hop, never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);

export interface OutboundRequest {
  url: URL;
  method: string;
  headers: [string, string][];
  body: Buffer;
}

export async function httpIntegration(ctx: RequestContext, integration: Integration, proxy: boolean): Promise<OutgoingResponse> {
  const rendered = proxy ? undefined : renderRequestTemplate(ctx, integration);
  const overrides = rendered?.overrides?.request;
  const path: Record<string, string> = {};
  const query: [string, string][] = proxy ? queryPairs(ctx.request.rawQuery) : [];
  const headers: [string, string][] = proxy ? ctx.request.headers.filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase())) : [['Content-Type', 'application/json']];
  const http = ctx.settings.api.kind === 'http';
  let pathOverride: string | undefined;
  if (http) {
    const mapped: MappedRequest = { headers, query };
    mapHttpApiRequest(ctx, integration.requestParameters, mapped);
    pathOverride = mapped.path;
  } else {
    for (const [target, expression] of Object.entries(integration.requestParameters)) {
      const m = /^integration\.request\.(path|querystring|header)\.(.+)$/.exec(target);
      const value = m ? mappingValue(expression, { ctx }) : undefined;
      if (!m || value === undefined) continue;
      if (m[1] === 'path') path[m[2]!] = value;
      else if (m[1] === 'querystring') replace(query, m[2]!, value);
      else replace(headers, m[2]!, value);
    }
  }
  for (const [k, v] of Object.entries(overrides?.path ?? {})) path[k] = v;
  for (const [k, v] of Object.entries(overrides?.querystring ?? {})) replace(query, k, v);
  for (const [k, v] of Object.entries(overrides?.header ?? {})) replace(headers, k, v);
  // HTTP APIs fill `{name}` from the route's path parameters without a mapping.
  if (http) for (const [k, v] of Object.entries(ctx.match!.pathParameters)) path[k] ??= v;

  const url = targetUrl(ctx, integration, path);
  if (pathOverride !== undefined) url.pathname = pathOverride;
  for (const [k, v] of query) url.searchParams.append(k, v);
  const method = proxy && http ? ctx.request.method : (integration.httpMethod ?? ctx.request.method).toUpperCase();
  const body = rendered ? Buffer.from(rendered.body) : ctx.request.body;
  const started = Date.now();
  let result: IntegrationResult;
  try {
    result = await withIntegrationTimeout(ctx, integration, (signal) => send({ url, method: method === 'ANY' ? ctx.request.method : method, headers, body }, signal));
  } finally {
    ctx.integrationLatency = Date.now() - started;
  }
  if (proxy) return { status: result.status, headers: result.headers.filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase())), body: result.body };
  return mapIntegrationResponse(ctx, integration, result, false);
}

function replace(pairs: [string, string][], name: string, value: string): void {
  const lower = name.toLowerCase();
  for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]![0].toLowerCase() === lower) pairs.splice(i, 1);
  pairs.push([name, value]);
}

/** The integration URI as a URL: stage variables and `{param}`s filled; a VPC link's base URL from config. */
function targetUrl(ctx: RequestContext, integration: Integration, path: Record<string, string>): URL {
  const raw = valueText(integration.uri) ?? '';
  let text = withStageVariables(raw, ctx.settings.stageVariables).replace(/\{([^}]+?)\+?\}/g, (whole, name: string) => (Object.hasOwn(path, name) ? path[name]! : whole));
  if (integration.connectionType === 'VPC_LINK') {
    const id = valueText(integration.connectionId) ?? '';
    const links = ctx.settings.vpcLinks;
    const base = Object.hasOwn(links, id) ? links[id] : links['*'];
    if (base === undefined) throw internalError(`VPC link ${id || '(no connectionId)'}: set serve.vpcLinks.${id || '"*"'} to the URL to send its requests to`);
    // A URI that is a URL keeps its path and query; a load balancer or Cloud Map ARN takes the request's path.
    const parsed = URL.canParse(text) && /^https?:/.test(text) ? new URL(text) : undefined;
    text = new URL(parsed ? parsed.pathname + parsed.search : ctx.path, base).toString();
  }
  if (!URL.canParse(text) || !/^https?:\/\//i.test(text)) throw internalError(`the integration URI ${JSON.stringify(raw)} is not an http(s) URL`);
  return new URL(text);
}

/** Send one request; the response is read whole, bounded. Connection failures are 500s. */
export function send(out: OutboundRequest, signal: AbortSignal): Promise<IntegrationResult> {
  return new Promise((resolve, reject) => {
    const request = (out.url.protocol === 'https:' ? httpsRequest : httpRequest)(out.url, { method: out.method, signal, headers: headerObject(out.headers, out.body.length) }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_INTEGRATION_RESPONSE_BYTES) {
          response.destroy();
          reject(internalError(`the integration response is larger than ${MAX_INTEGRATION_RESPONSE_BYTES} bytes`));
        } else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: pairsOf(response.rawHeaders), body: Buffer.concat(chunks) }));
      response.on('error', (e) => reject(internalError(`${out.method} ${out.url.origin}${out.url.pathname}: ${e.message}`)));
    });
    request.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError') return; // the timeout answers
      reject(new GatewayError('DEFAULT_5XX', { detail: `${out.method} ${out.url.origin}${out.url.pathname}: ${e.code ?? e.message}` }));
    });
    request.end(out.body);
  });
}

function headerObject(pairs: readonly [string, string][], length: number): IncomingHttpHeaders {
  const headers: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of pairs) {
    const existing = headers[k];
    headers[k] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  headers['content-length'] = String(length);
  return headers;
}

function pairsOf(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}
