import type { Rule, RuleContext } from '../../rule.js';
import type { Pointer } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { classifyContextVariable } from './context-vars.js';

function check(ctx: RuleContext, map: Record<string, unknown>, base: Pointer, field: string): void {
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'string') continue;
    const m = /^\$?context\.(.+)$/.exec(value);
    if (!m) continue;
    const verdict = classifyContextVariable(m[1]!);
    if (verdict.ok) continue;
    const why = verdict.reason === 'access-log-only'
      ? 'exists only in access logs'
      : verdict.reason === 'gateway-response-only'
        ? 'exists only in gateway-response templates and access logs'
        : 'is not a context variable API Gateway provides for data transformations';
    ctx.report({
      pointer: child(base, key),
      message: `${field} maps ${value}, but $context.${m[1]} ${why}. Use one of the mapping-template variables (e.g. context.requestId, context.identity.sourceIp, context.authorizer.principalId).`,
    });
  }
}

export const apigwInt014: Rule = {
  id: 'APIGW-INT-014',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'context.NAME mappings must name a supported data-transformation context variable',
  fact: 'Context mapping sources must be one of the "Variables for data transformations" (§3.4); access-log-only variables are not available [D].',
  visitors: {
    integration(integration, _route, ctx) {
      check(ctx, integration.requestParameters, child(integration.pointer, 'requestParameters'), 'requestParameters');
      for (const ir of integration.responses) check(ctx, ir.responseParameters, child(ir.pointer, 'responseParameters'), 'responseParameters');
    },
  },
};
