// The one place a GatewayError becomes a response (AWS docs: "Set up gateway responses to
// customize error responses"): the API's own response for the type, else its DEFAULT_4XX or
// DEFAULT_5XX, else AWS's default — `{"message":$context.error.messageString}` with
// x-amzn-ErrorType. HTTP APIs have no customisation and answer the plain default body.

import { renderTemplate, VtlError } from '../vtl/index.js';
import type { GatewayResponse } from '../model/types.js';
import { RESPONSE_DEFAULTS, type GatewayError } from './errors.js';
import type { OutgoingResponse, RequestContext } from './context.js';
import { mappingValue } from './parameter-mapping.js';
import { vtlRequest } from './request-values.js';

const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

export function renderGatewayError(ctx: RequestContext, error: GatewayError): OutgoingResponse {
  const { api } = ctx.settings;
  const errorType = RESPONSE_DEFAULTS[error.type].errorType;
  if (api.kind === 'http') {
    return { status: error.status, headers: [['Content-Type', 'application/json']], body: Buffer.from(JSON.stringify({ message: error.message })) };
  }
  const custom = customisation(api.gatewayResponses, error);
  const status = custom?.statusCode !== undefined && /^[1-5]\d\d$/.test(custom.statusCode) ? Number(custom.statusCode) : error.status;
  const headers: [string, string][] = [['Content-Type', 'application/json'], ['x-amzn-ErrorType', errorType]];
  for (const [target, expression] of Object.entries(custom?.responseParameters ?? {})) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(target)?.[1];
    const value = name !== undefined ? mappingValue(expression, { ctx }) : undefined;
    if (name !== undefined && value !== undefined) setHeader(headers, name, value);
  }
  const [contentType, template] = pickTemplate(custom?.responseTemplates ?? {});
  if (contentType !== undefined) setHeader(headers, 'Content-Type', contentType);
  const context = {
    error: {
      message: error.message,
      messageString: JSON.stringify(error.message),
      responseType: error.type,
      validationErrorString: error.validationErrorString ?? ctx.validationErrorString ?? '',
    },
  };
  let body: string;
  try {
    body = renderTemplate(template, vtlRequest(ctx, ctx.request.body.toString('utf8'), context)).output;
  } catch (e) {
    if (!(e instanceof VtlError)) throw e;
    ctx.settings.log(`apigw-gen serve: ${ctx.requestId}: gateway response ${error.type} template: ${e.message}; sent the default body`);
    body = renderTemplate(DEFAULT_TEMPLATE, vtlRequest(ctx, null, context)).output;
  }
  return { status, headers, body: Buffer.from(body) };
}

/** The API's response for this type, else DEFAULT_4XX / DEFAULT_5XX by the error's status class. */
function customisation(responses: readonly GatewayResponse[], error: GatewayError): GatewayResponse | undefined {
  const byType = (type: string) => responses.find((r) => r.type === type);
  return byType(error.type) ?? byType(error.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
}

/** application/json when given, else the first; with none, AWS's default template. */
function pickTemplate(templates: Record<string, string>): [string | undefined, string] {
  if (templates['application/json'] !== undefined) return ['application/json', templates['application/json']];
  const first = Object.entries(templates)[0];
  return first ? first : [undefined, DEFAULT_TEMPLATE];
}

export function setHeader(headers: [string, string][], name: string, value: string): void {
  const lower = name.toLowerCase();
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]![0].toLowerCase() === lower) headers.splice(i, 1);
  headers.push([name, value]);
}
