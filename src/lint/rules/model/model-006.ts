import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawAt } from '../../helpers/raw.js';

export const apigwModel006: Rule = {
  id: 'APIGW-MODEL-006',
  severity: 'error',
  description: 'A REST operation response must not be a $ref to #/responses (Swagger 2.0) or #/components/responses',
  fact: 'A response defined as "500": {"$ref": "#/responses/UnexpectedError"} is not supported; inline it [D]. The same limitation is assumed for #/components/responses [I], reported as a warning.',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      const responses = rawAt(ctx, child(route.pointer, 'responses'));
      if (!isObject(responses)) return;
      for (const [status, r] of Object.entries(responses)) {
        if (!isObject(r) || typeof r.$ref !== 'string') continue;
        const pointer = child(route.pointer, 'responses', status, '$ref');
        if (r.$ref.startsWith('#/responses/')) {
          ctx.report({ message: `response ${status} is a $ref to ${r.$ref}, which API Gateway import does not support: inline the response`, pointer });
        } else if (r.$ref.startsWith('#/components/responses/')) {
          ctx.report({ message: `response ${status} is a $ref to ${r.$ref}; API Gateway does not support root-level response references in Swagger 2.0 and likely not here either: inline the response`, pointer, severity: 'warn' });
        }
      }
    },
  },
};
