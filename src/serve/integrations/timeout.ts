// The gateway's integration timeout: REST 29 s unless timeoutInMillis says otherwise, HTTP APIs
// 30 s (AWS docs: "Amazon API Gateway quotas").

import type { Integration } from '../../model/types.js';
import type { RequestContext } from '../context.js';
import { GatewayError } from '../errors.js';

export function integrationTimeoutMs(ctx: RequestContext, integration: Integration): number {
  const fallback = ctx.settings.api.kind === 'http' ? 30_000 : 29_000;
  const t = integration.timeoutInMillis;
  return typeof t === 'number' && t >= 50 ? t : fallback;
}

/** The error a request whose integration ran out of time answers with. */
export function timeoutError(ctx: RequestContext, ms: number): GatewayError {
  const detail = `the integration did not answer within ${ms} ms (timeoutInMillis)`;
  if (ctx.settings.api.kind === 'http') return new GatewayError('INTEGRATION_TIMEOUT', { status: 503, message: 'Service Unavailable', detail });
  return new GatewayError('INTEGRATION_TIMEOUT', { detail });
}

/** Race `work` against the integration timeout; the work is told to stop through the signal. */
export async function withIntegrationTimeout<T>(ctx: RequestContext, integration: Integration, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = integrationTimeoutMs(ctx, integration);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timeoutError(ctx, ms));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
