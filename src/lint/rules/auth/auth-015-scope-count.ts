import type { Rule } from '../../rule.js';
import { forEachOwnRequirement } from './support.js';

export const apigwAuth015: Rule = {
  id: 'APIGW-AUTH-015',
  severity: 'warn',
  appliesTo: ['http'],
  description: 'At most 10 authorization scopes per HTTP API route',
  fact: 'Quota: 10 scopes per route, not raisable [D].',
  visitors: {
    route(route, ctx) {
      forEachOwnRequirement(route, ctx, ({ name, scopes }, pointer) => {
        if (scopes.length <= 10) return;
        ctx.report({ pointer, message: `${route.key} lists ${scopes.length} scopes for ${name}; HTTP APIs allow at most 10 per route. Merge scopes or split the route.` });
      });
    },
  },
};
