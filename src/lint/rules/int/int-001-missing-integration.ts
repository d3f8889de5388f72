import type { Api, Route } from '../../../model/types.js';
import type { Rule, RuleContext } from '../../rule.js';
import { hasKey } from './support.js';
import { rawAt } from '../../helpers/raw.js';

/**
 * Routes with no integration at all. One whose `x-amazon-apigateway-integration` is present but
 * unresolvable (a dangling `$ref`) has one: that is APIGW-INT-037's finding, not this rule's.
 */
function withoutIntegration(api: Api, ctx: RuleContext): Route[] {
  return api.routes.filter((route) => !route.integration && !hasKey(rawAt(ctx, route.pointer), 'x-amazon-apigateway-integration'));
}

const EXAMPLES = 'for example type aws_proxy to a Lambda function, http_proxy to a URL, or mock';

export const apigwInt001: Rule = {
  id: 'APIGW-INT-001',
  severity: 'warn',
  description: 'Every operation (REST) or route (HTTP) needs an x-amazon-apigateway-integration',
  fact: 'REST deployment fails with `No integration defined for method` [O]; HTTP routes need a target to answer.',
  visitors: {
    api(api, ctx) {
      const missing = withoutIntegration(api, ctx);
      const rest = api.kind === 'rest';
      // A plain OpenAPI spec (Stripe: 468 operations) has no integration anywhere: one finding for
      // the API says it, instead of the same warning on every operation. With a single operation the
      // per-operation warning says the same, at the operation. The message holds no operation count:
      // baseline entries match by message hash, and adding an operation must not make this one new.
      if (missing.length > 1 && missing.length === api.routes.length) {
        ctx.report({
          pointer: '/paths',
          message: rest
            ? `none of the operations has an x-amazon-apigateway-integration: API Gateway imports them as methods without a backend, and deploying a stage fails with "No integration defined for method". Add an x-amazon-apigateway-integration to each operation (${EXAMPLES}).`
            : `none of the routes has an x-amazon-apigateway-integration: API Gateway imports them as routes without a target, which cannot answer requests. Add an x-amazon-apigateway-integration to each route (${EXAMPLES}).`,
        });
        return;
      }
      const what = rest ? 'deploying the stage fails with "No integration defined for method"' : 'the route has no target and cannot answer';
      for (const route of missing) {
        ctx.report({
          pointer: route.pointer,
          message: `${route.key} has no x-amazon-apigateway-integration, so ${what}. Add an x-amazon-apigateway-integration (${EXAMPLES}).`,
        });
      }
    },
  },
};
