// Integration response (AWS docs: "Integration responses for REST APIs"): pick the response
// whose selectionPattern matches — the Lambda error message for Lambda, the status code for
// HTTP, AWS and MOCK — then its status, response parameters and template.

import { javaRegex, JavaRegexError } from '../vtl/java-regex.js';
import type { Integration, IntegrationResponse } from '../model/types.js';
import type { IntegrationResult, OutgoingResponse, RequestContext } from './context.js';
import { internalError } from './errors.js';
import { setHeader } from './gateway-responses.js';
import { mappingValue } from './parameter-mapping.js';
import { pickResponseTemplate, renderResponseTemplate } from './templates.js';

export function selectResponse(integration: Integration, result: IntegrationResult, lambda: boolean): IntegrationResponse | undefined {
  const fallback = integration.responses.find((r) => r.selectionPattern === 'default');
  // Lambda: only errors are matched; a success takes the default response.
  const subject = lambda ? result.errorMessage : String(result.status);
  if (subject === undefined) return fallback;
  for (const response of integration.responses) {
    if (response.selectionPattern === 'default') continue;
    try {
      // The pattern must match the whole value (Java's String.matches).
      if (javaRegex(`^(?:${response.selectionPattern})$`).test(subject)) return response;
    } catch (e) {
      if (!(e instanceof JavaRegexError)) throw e;
    }
  }
  return fallback;
}

/** The method response for a non-proxy integration's result. */
export function mapIntegrationResponse(ctx: RequestContext, integration: Integration, result: IntegrationResult, lambda: boolean): OutgoingResponse {
  const selected = selectResponse(integration, result, lambda);
  if (!selected) {
    throw internalError(`no integration response matches ${lambda ? `the function error ${JSON.stringify(result.errorMessage)}` : `status ${result.status}`} and there is no default response`);
  }
  const body = result.body.toString('utf8');
  let status = selected.statusCode !== undefined && /^\d{3}$/.test(selected.statusCode) ? Number(selected.statusCode) : 200;
  const headers: [string, string][] = [];
  for (const [target, expression] of Object.entries(selected.responseParameters)) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
    const value = name !== undefined ? mappingValue(expression, { ctx, integration: { headers: result.headers, body } }) : undefined;
    if (name !== undefined && value !== undefined) setHeader(headers, name, value);
  }
  const picked = pickResponseTemplate(ctx, selected.responseTemplates);
  let out = body;
  let contentType = 'application/json';
  if (picked) {
    const [type, template] = picked;
    contentType = type;
    const rendered = renderResponseTemplate(ctx, template, body, `response template (${selected.selectionPattern} → ${type})`);
    out = rendered.output;
    if (rendered.overrides.response.status !== undefined) status = rendered.overrides.response.status;
    for (const [k, v] of Object.entries(rendered.overrides.response.header)) setHeader(headers, k, v);
  }
  applyRequestTemplateResponseOverrides(ctx, headers, (s) => (status = s), picked !== undefined);
  if (!headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.unshift(['Content-Type', contentType]);
  return { status, headers, body: Buffer.from(out) };
}

/**
 * `$context.responseOverride` set in the request template still applies when the response has no
 * template of its own (AWS recording: mock-responseOverride-set-in-request-template-without-response-template).
 * With a response template, the carried-over values were already in its `$context`.
 */
function applyRequestTemplateResponseOverrides(ctx: RequestContext, headers: [string, string][], setStatus: (s: number) => void, rendered: boolean): void {
  if (rendered) return;
  const override = ctx.templateContext?.responseOverride as { status?: unknown; header?: Record<string, unknown> } | undefined;
  if (!override) return;
  const status = Number(override.status);
  if (Number.isInteger(status) && status >= 100 && status <= 599) setStatus(status);
  for (const [k, v] of Object.entries(override.header ?? {})) if (v !== null && v !== undefined) setHeader(headers, k, String(v));
}
