import type { Rule } from '../../rule.js';
import { hasKey } from './support.js';
import { rawAt } from '../../helpers/raw.js';

export const apigwInt001: Rule = {
  id: 'APIGW-INT-001',
  severity: 'warn',
  description: 'Every operation (REST) or route (HTTP) needs an x-amazon-apigateway-integration',
  fact: 'REST deployment fails with `No integration defined for method` [O]; HTTP routes need a target to answer.',
  visitors: {
    route(route, ctx) {
      if (route.integration) return;
      // Present but unresolvable (a dangling `$ref`) is APIGW-INT-037's finding, not this one.
      if (hasKey(rawAt(ctx, route.pointer), 'x-amazon-apigateway-integration')) return;
      const what = ctx.api.kind === 'rest' ? 'deploying the stage fails with "No integration defined for method"' : 'the route has no target and cannot answer';
      ctx.report({
        pointer: route.pointer,
        message: `${route.key} has no x-amazon-apigateway-integration, so ${what}. Add an x-amazon-apigateway-integration (for example type aws_proxy to a Lambda function, http_proxy to a URL, or mock).`,
      });
    },
  },
};
