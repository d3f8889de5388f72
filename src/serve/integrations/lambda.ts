// Lambda integrations: proxy (the event in, the proxy result out) and custom (a request
// template makes the event; the result or the error goes through integration responses).
// The function runs in the runtime, never in the gateway's process.

import type { FunctionRef, Integration } from '../../model/types.js';
import type { IntegrationResult, OutgoingResponse, RequestContext } from '../context.js';
import { internalError } from '../errors.js';
import { eventV1, eventV2 } from '../events.js';
import { mapIntegrationResponse } from '../integration-response.js';
import { withStageVariables } from '../parameter-mapping.js';
import { functionFailure, proxyResponseV1, proxyResponseV2 } from '../proxy-response.js';
import { renderRequestTemplate } from '../templates.js';
import type { InvokeOutcome } from '../lambda/index.js';
import { withIntegrationTimeout } from './timeout.js';
import { functionName } from '../../report/routes.js';

type LambdaIntegration = Integration & { kind: 'lambda-proxy' | 'lambda'; function?: FunctionRef };

/**
 * The function to call: named as `routes` shows it (a stage-variable name keeps its expression,
 * `${stageVariables.fn}`), or, when the config names the function the stage variable picks in
 * this stage, that one.
 */
export function functionNameFor(fn: FunctionRef, stageVariables: Readonly<Record<string, string>>, known: ReadonlySet<string>): string {
  const named = functionName(fn);
  if (fn.stageVariable === undefined) return named;
  const picked = withStageVariables(named, stageVariables).replace(/:.*$/, '');
  return known.has(picked) ? picked : named;
}

async function invoke(ctx: RequestContext, integration: LambdaIntegration, event: unknown): Promise<InvokeOutcome> {
  const fn = integration.function;
  if (!fn) throw internalError('the integration names no Lambda function the gateway can call (its uri is not a function ARN)');
  const name = functionNameFor(fn, ctx.settings.stageVariables, ctx.settings.functions);
  if (!ctx.settings.functions.has(name)) {
    // AWS answers a call to a function that does not exist as a configuration error (500).
    throw internalError(`function ${name} has no code: add serve.functions.${name}: "<module>#<export>" to the config`);
  }
  const started = Date.now();
  try {
    return await withIntegrationTimeout(ctx, integration, () => ctx.settings.runtime.invoke(name, event, { requestId: ctx.requestId }));
  } finally {
    ctx.integrationLatency = Date.now() - started;
  }
}

function describeError(name: string, outcome: Extract<InvokeOutcome, { kind: 'error' }>): string {
  const where = outcome.trace.find((l) => /:\d+:\d+\)?$/.test(l.trim()))?.trim();
  return `function ${name} failed (${outcome.cause}): ${outcome.errorType}: ${outcome.errorMessage}${where ? ` ${where}` : ''}`;
}

export async function lambdaProxy(ctx: RequestContext, integration: LambdaIntegration): Promise<OutgoingResponse> {
  const v2 = ctx.settings.api.kind === 'http' && (integration.payloadFormatVersion ?? '2.0') === '2.0';
  const outcome = await invoke(ctx, integration, v2 ? eventV2(ctx) : eventV1(ctx));
  if (outcome.kind === 'error') throw functionFailure(ctx, describeError(functionName(integration.function!), outcome));
  return v2 ? proxyResponseV2(ctx, outcome.payload) : proxyResponseV1(ctx, outcome.payload);
}

export async function lambdaCustom(ctx: RequestContext, integration: LambdaIntegration): Promise<OutgoingResponse> {
  const { body } = renderRequestTemplate(ctx, integration);
  let event: unknown;
  try {
    event = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw internalError(`the Lambda payload is not JSON (Lambda refuses it): ${JSON.stringify(body.slice(0, 80))}`);
  }
  const outcome = await invoke(ctx, integration, event);
  let result: IntegrationResult;
  if (outcome.kind === 'ok') {
    result = { status: 200, headers: [], body: Buffer.from(JSON.stringify(outcome.payload) ?? 'null') };
  } else {
    ctx.settings.log(`apigw-gen serve: ${ctx.requestId}: ${describeError(functionName(integration.function!), outcome)}`);
    // What Lambda returns for an error, which response templates see as the body.
    const payload = { errorMessage: outcome.errorMessage, errorType: outcome.errorType, ...(outcome.cause === 'timeout' ? {} : { stackTrace: outcome.trace }) };
    result = { status: 200, headers: [], body: Buffer.from(JSON.stringify(payload)), errorMessage: outcome.errorMessage };
  }
  return mapIntegrationResponse(ctx, integration, result, true);
}
