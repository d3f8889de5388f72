import type { Rule } from '../../rule.js';
import { forEachOwnRequirement } from './support.js';

export const apigwAuth011: Rule = {
  id: 'APIGW-AUTH-011',
  severity: 'info',
  appliesTo: ['rest'],
  description: 'Cognito requirements with scopes accept access tokens, not ID tokens',
  fact: 'With OAuth scopes on a Cognito-authorized method, API Gateway requires an access token; without scopes it takes an ID token [D].',
  visitors: {
    route(route, ctx) {
      forEachOwnRequirement(route, ctx, ({ name, scopes }, pointer) => {
        const s = ctx.api.securitySchemes[name];
        if (scopes.length === 0 || !s || s.kind !== 'authorizer' || s.authorizer.type !== 'cognito') return;
        ctx.report({ pointer, message: `${route.key} requires Cognito scopes (${scopes.join(', ')}), so callers must send an access token in the header; an ID token is rejected with 401. Make sure clients send the access token.` });
      });
    },
  },
};
