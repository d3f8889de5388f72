// MOCK integration (AWS docs: "Set up mock integrations in API Gateway"): the rendered request
// template says the status code; integration responses do the rest, on an empty body.

import type { Integration } from '../../model/types.js';
import type { OutgoingResponse, RequestContext } from '../context.js';
import { mapIntegrationResponse } from '../integration-response.js';
import { renderRequestTemplate } from '../templates.js';

export function mockIntegration(ctx: RequestContext, integration: Integration): OutgoingResponse {
  const { body } = renderRequestTemplate(ctx, integration);
  const hasTemplate = Object.keys(integration.requestTemplates).length > 0;
  const status = hasTemplate ? statusCodeOf(body) : 200;
  return mapIntegrationResponse(ctx, integration, { status, headers: [], body: Buffer.alloc(0) }, false);
}

/** `{"statusCode": 200}`, also unquoted keys (CDK writes `{statusCode: 200}`); anything else is 200. */
function statusCodeOf(output: string): number {
  try {
    const parsed = JSON.parse(output) as { statusCode?: unknown };
    const n = Number(parsed?.statusCode);
    if (Number.isInteger(n) && n >= 100 && n <= 599) return n;
  } catch {
    const m = /["']?statusCode["']?\s*:\s*["']?(\d{3})/.exec(output);
    if (m) return Number(m[1]);
  }
  return 200;
}
