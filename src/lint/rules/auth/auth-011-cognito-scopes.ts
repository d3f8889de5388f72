import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { securityLocation } from './support.js';

export const apigwAuth011: Rule = {
  id: 'APIGW-AUTH-011',
  severity: 'info',
  appliesTo: ['rest'],
  description: 'Cognito requirements with scopes accept access tokens, not ID tokens',
  fact: 'With OAuth scopes on a Cognito-authorized method, API Gateway requires an access token; without scopes it takes an ID token [D].',
  visitors: {
    route(route, ctx) {
      const loc = securityLocation(route, ctx);
      if (!loc.own) return;
      route.security.forEach((req, i) => {
        for (const { name, scopes } of req.schemes) {
          const s = ctx.api.securitySchemes[name];
          if (scopes.length === 0 || !s || s.kind !== 'authorizer' || s.authorizer.type !== 'cognito') continue;
          ctx.report({ pointer: child(loc.pointer, i, name), message: `${route.key} requires Cognito scopes (${scopes.join(', ')}), so callers must send an access token in the header; an ID token is rejected with 401. Make sure clients send the access token.` });
        }
      });
    },
  },
};
