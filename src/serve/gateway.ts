// The gateway: a request walks the stages in API Gateway's order; any stage may end it with a
// response (a CORS preflight) or a GatewayError, which gateway-responses renders. Bad input never
// escapes as an exception: whatever a stage throws becomes the response AWS would give.

import type { Integration } from '../model/types.js';
import { routeOf, type IncomingRequest, type OutgoingResponse, type RequestContext } from './context.js';
import { addCorsHeaders, isPreflight, preflight } from './cors.js';
import { GatewayError, internalError } from './errors.js';
import { renderGatewayError } from './gateway-responses.js';
import { refuseUnverifiedGuards } from './guards.js';
import { awsServiceIntegration } from './integrations/aws-service.js';
import { httpIntegration } from './integrations/http.js';
import { lambdaCustom, lambdaProxy } from './integrations/lambda.js';
import { mockIntegration } from './integrations/mock.js';
import { mapHttpApiResponse } from './http-api-mapping.js';
import { newExtendedRequestId, newRequestId } from './request-values.js';
import type { GatewaySettings } from './settings.js';
import { RequestValidation } from './validators.js';

/** A stage returns a response to end the request early, or nothing to go on. */
type Stage = (ctx: RequestContext, gateway: Gateway) => OutgoingResponse | undefined | Promise<OutgoingResponse | undefined>;

/**
 * API Gateway's order. Method request: authorization and the API key (refused until serve
 * verifies them; then throttling beside them) go before validation; the cache lookup after it.
 */
const STAGES: readonly (readonly [string, Stage])[] = [
  ['route', route],
  ['cors preflight', (ctx) => preflight(ctx)],
  ['authorization and API key', (ctx) => refuseUnverifiedGuards(ctx)],
  ['request validation', (ctx, gateway) => (gateway.validation.validate(ctx), undefined)],
  ['integration', (ctx) => integrate(ctx)],
];

export class Gateway {
  readonly validation: RequestValidation;

  constructor(readonly settings: GatewaySettings) {
    this.validation = new RequestValidation(settings.api);
  }

  /** The response to one request; never throws for anything the request or a backend does. */
  async handle(request: IncomingRequest, tooLarge = false): Promise<{ response: OutgoingResponse; ctx: RequestContext }> {
    const ctx: RequestContext = {
      settings: this.settings,
      request,
      requestId: newRequestId(),
      extendedRequestId: newExtendedRequestId(),
      startedAt: Date.now(),
      path: request.rawPath,
    };
    let response: OutgoingResponse | undefined;
    try {
      if (tooLarge) throw new GatewayError('REQUEST_TOO_LARGE', { detail: 'the request body is larger than 10 MB' });
      for (const [, stage] of STAGES) {
        response = await stage(ctx, this);
        if (response) break;
      }
      if (!response) throw internalError('no stage answered');
    } catch (error) {
      response = this.errorResponse(ctx, error);
    }
    addCorsHeaders(ctx, response);
    response.headers.push(...requestIdHeaders(ctx));
    ctx.response = response;
    return { response, ctx };
  }

  private errorResponse(ctx: RequestContext, error: unknown): OutgoingResponse {
    const gatewayError = error instanceof GatewayError ? error : internalError(`internal error in the local gateway: ${error instanceof Error ? error.message : String(error)}`);
    if (gatewayError.detail !== undefined) {
      ctx.errorMessage = gatewayError.detail;
      const where = ctx.match ? ctx.match.route.key : `${ctx.request.method} ${ctx.request.rawPath}`;
      this.settings.log(`apigw-gen serve: ${ctx.requestId} ${where}: ${gatewayError.detail}`);
    }
    try {
      return renderGatewayError(ctx, gatewayError);
    } catch (e) {
      this.settings.log(`apigw-gen serve: ${ctx.requestId}: gateway response failed: ${e instanceof Error ? e.message : String(e)}`);
      return { status: 500, headers: [['Content-Type', 'application/json']], body: Buffer.from('{"message":"Internal server error"}') };
    }
  }
}

function requestIdHeaders(ctx: RequestContext): [string, string][] {
  if (ctx.settings.api.kind === 'http') return [['apigw-requestid', ctx.extendedRequestId], ['x-amzn-RequestId', ctx.requestId]];
  return [['x-amzn-RequestId', ctx.requestId], ['x-amz-apigw-id', ctx.extendedRequestId]];
}

/** Find the route below the stage prefix. No match: REST 403 Missing Authentication Token, HTTP API 404. */
function route(ctx: RequestContext): undefined {
  const { settings, request } = ctx;
  const http = settings.api.kind === 'http';
  const prefix = settings.stagePrefix;
  if (prefix !== '') {
    const inStage = request.rawPath === prefix || request.rawPath.startsWith(`${prefix}/`);
    // A stage that does not exist: REST answers 403 Forbidden, HTTP APIs 404.
    if (!inStage) throw http ? new GatewayError('RESOURCE_NOT_FOUND') : new GatewayError('MISSING_AUTHENTICATION_TOKEN', { message: 'Forbidden' });
    ctx.path = request.rawPath.slice(prefix.length) || '/';
  }
  const match = settings.router.match(request.method, ctx.path);
  // HTTP APIs answer a CORS preflight whether or not a route matches it (the next stage).
  if (!match && isPreflight(ctx)) return undefined;
  if (!match) throw http ? new GatewayError('RESOURCE_NOT_FOUND') : new GatewayError('MISSING_AUTHENTICATION_TOKEN');
  ctx.match = match;
  return undefined;
}

/** Integration request → integration → integration response, by integration type. */
async function integrate(ctx: RequestContext): Promise<OutgoingResponse> {
  const integration: Integration | undefined = routeOf(ctx).integration;
  if (!integration) throw internalError('the route has no x-amazon-apigateway-integration');
  const response = await callIntegration(ctx, integration);
  if (ctx.settings.api.kind === 'http') mapHttpApiResponse(ctx, integration.responseParameters, response);
  return response;
}

function callIntegration(ctx: RequestContext, integration: Integration): Promise<OutgoingResponse> | OutgoingResponse {
  switch (integration.kind) {
    case 'lambda-proxy': return lambdaProxy(ctx, integration);
    case 'lambda': return lambdaCustom(ctx, integration);
    case 'http-proxy': return httpIntegration(ctx, integration, true);
    case 'http': return httpIntegration(ctx, integration, false);
    case 'mock': return mockIntegration(ctx, integration);
    case 'aws-service': return awsServiceIntegration(ctx, integration);
    default: throw internalError(`integration type ${JSON.stringify(integration.rawType)} is not one API Gateway knows`);
  }
}
