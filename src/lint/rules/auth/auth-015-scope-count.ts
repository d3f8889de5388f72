import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { securityLocation } from './support.js';

export const apigwAuth015: Rule = {
  id: 'APIGW-AUTH-015',
  severity: 'warn',
  appliesTo: ['http'],
  description: 'At most 10 authorization scopes per HTTP API route',
  fact: 'Quota: 10 scopes per route, not raisable [D].',
  visitors: {
    route(route, ctx) {
      const loc = securityLocation(route, ctx);
      if (!loc.own) return;
      route.security.forEach((req, i) => {
        for (const { name, scopes } of req.schemes) {
          if (scopes.length <= 10) continue;
          ctx.report({ pointer: child(loc.pointer, i, name), message: `${route.key} lists ${scopes.length} scopes for ${name}; HTTP APIs allow at most 10 per route. Merge scopes or split the route.` });
        }
      });
    },
  },
};
