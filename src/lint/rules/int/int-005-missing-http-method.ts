import type { Rule } from '../../rule.js';
import { rawAt, hasKey, typeOf } from './support.js';

export const apigwInt005: Rule = {
  id: 'APIGW-INT-005',
  severity: 'error',
  description: 'Non-mock integrations need an httpMethod',
  fact: 'httpMethod (integrationHttpMethod) is required for every type except MOCK [A]; the error is `Enumeration value for HttpMethod must be non-empty` [O].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (!['aws', 'aws_proxy', 'http', 'http_proxy'].includes(t)) return;
      // HTTP APIs: Lambda proxy and first-class (subtype) integrations have no integration method to set.
      if (ctx.api.kind === 'http' && t === 'aws_proxy') return;
      if (hasKey(rawAt(ctx, integration.pointer), 'httpMethod')) return;
      const hint = t === 'aws' || t === 'aws_proxy' ? 'POST for Lambda, or the method the AWS service action needs' : 'the backend method, or ANY to forward the client method';
      ctx.report({
        pointer: integration.pointer,
        message: `The ${integration.rawType} integration has no httpMethod; API Gateway rejects it with "Enumeration value for HttpMethod must be non-empty". Add httpMethod (${hint}).`,
      });
    },
  },
};
