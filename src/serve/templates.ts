// Mapping templates on both sides of a non-proxy integration (AWS docs: "Mapping templates for
// REST APIs", "Method request behavior for payloads without mapping templates"): the request
// template chosen by Content-Type with passthroughBehavior deciding the rest, and the response
// template chosen by Accept.

import { compileTemplate, renderTemplate, VtlError, type VtlOverrides } from '../vtl/index.js';
import type { Integration } from '../model/types.js';
import { header, mediaType, type RequestContext } from './context.js';
import { GatewayError, internalError } from './errors.js';
import { vtlRequest } from './request-values.js';

export interface RenderedRequest {
  /** The integration request body. */
  body: string;
  overrides?: VtlOverrides;
}

/** Render the request template for the request's content type, or pass the body through. */
export function renderRequestTemplate(ctx: RequestContext, integration: Integration): RenderedRequest {
  const templates = integration.requestTemplates;
  // No Content-Type: API Gateway takes application/json.
  const type = mediaType(header(ctx.request.headers, 'content-type')) ?? 'application/json';
  const key = Object.keys(templates).find((k) => k.toLowerCase() === type);
  const bodyText = ctx.request.body.toString('utf8');
  if (key === undefined) {
    const behavior = (integration.passthroughBehavior ?? 'WHEN_NO_MATCH').toUpperCase();
    const passes = behavior === 'WHEN_NO_MATCH' || (behavior === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length === 0);
    if (!passes) throw new GatewayError('UNSUPPORTED_MEDIA_TYPE', { detail: `no request template for ${type} and passthroughBehavior ${behavior}` });
    return { body: bodyText };
  }
  const rendered = render(ctx, templates[key]!, bodyText, {}, `request template (${key})`);
  ctx.templateContext = rendered.overrideContext;
  return { body: rendered.output, overrides: rendered.overrides };
}

/** Render a response template against the integration's body, with the request template's `$context` carried over. */
export function renderResponseTemplate(ctx: RequestContext, template: string, body: string, label: string) {
  return render(ctx, template, body, ctx.templateContext ?? {}, label);
}

function render(ctx: RequestContext, text: string, body: string, context: Record<string, unknown>, label: string) {
  try {
    const rendered = renderTemplate(compileTemplate(text), vtlRequest(ctx, body, context));
    if (rendered.overrides.duplicates.length > 0) throw internalError(`${label}: override set more than once: ${rendered.overrides.duplicates.join(', ')}`);
    return rendered;
  } catch (e) {
    if (!(e instanceof VtlError)) throw e;
    // A client body that looks like JSON but is not, read with $input.json/path: AWS answers 400.
    const invalidJson = /^Invalid JSON in the body: (.*)$/s.exec(e.message);
    if (invalidJson && label.startsWith('request')) {
      throw new GatewayError('BAD_REQUEST_BODY', { message: `Could not parse request body into json: ${invalidJson[1]}`, detail: `${label}: ${e.message}` });
    }
    throw internalError(`${label}: ${e.message}`);
  }
}

/** The response template: the Accept type's, else application/json's, else the first (absent: none). */
export function pickResponseTemplate(ctx: RequestContext, templates: Record<string, string>): [string, string] | undefined {
  const accepted = (header(ctx.request.headers, 'accept') ?? '').split(',').map((t) => mediaType(t)).filter((t): t is string => t !== undefined);
  for (const type of [...accepted, 'application/json']) {
    const key = Object.keys(templates).find((k) => k.toLowerCase() === type);
    if (key !== undefined) return [key, templates[key]!];
  }
  const first = Object.entries(templates)[0];
  return first;
}
