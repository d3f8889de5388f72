import type { Rule } from '../../rule.js';
import { authorizerSchemes, schemesPointer } from './support.js';

export const apigwAuth016: Rule = {
  id: 'APIGW-AUTH-016',
  severity: 'warn',
  description: 'At most 10 authorizers per API (raisable quota)',
  fact: 'Quota: 10 authorizers per API; it can be raised through Support [D].',
  visitors: {
    api(_api, ctx) {
      const n = authorizerSchemes(ctx).length;
      if (n <= 10) return;
      ctx.report({ pointer: schemesPointer(ctx), message: `The API defines ${n} authorizers; the default quota is 10 per API, so import fails unless it was raised. Share authorizers between routes, remove unused ones, or request a quota increase.` });
    },
  },
};
