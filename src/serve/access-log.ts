// One access-log line per request: the stage's JSON format (the one the gateway target deploys)
// when the stage has access logging on, else a compact line.

import type { OutgoingResponse, RequestContext } from './context.js';
import { contextVariables } from './request-values.js';

export function accessLogLine(ctx: RequestContext, response: OutgoingResponse): string {
  const latency = Date.now() - ctx.startedAt;
  const fields = ctx.settings.accessLogFields;
  if (!fields) {
    const route = ctx.match ? ` (${ctx.match.route.key})` : '';
    return `${ctx.requestId} ${ctx.request.sourceIp} "${ctx.request.method} ${ctx.request.rawPath}${ctx.request.rawQuery ? `?${ctx.request.rawQuery}` : ''}" ${response.status} ${response.body.length} ${latency}ms${route}`;
  }
  const values: Record<string, unknown> = {
    ...contextVariables(ctx),
    status: response.status,
    responseLength: response.body.length,
    responseLatency: latency,
    integrationLatency: ctx.integrationLatency ?? '-',
    integrationErrorMessage: ctx.errorMessage ?? '-',
    'error.message': ctx.errorMessage ?? '-',
  };
  const line: Record<string, string> = {};
  for (const [name, variable] of fields) {
    const key = variable.replace(/^\$context\./, '');
    const v = Object.hasOwn(values, key) ? values[key] : lookup(values, key);
    line[name] = v === undefined || v === null ? '-' : String(v);
  }
  return JSON.stringify(line);
}

function lookup(values: Record<string, unknown>, dotted: string): unknown {
  let v: unknown = values;
  for (const part of dotted.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
