import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { own, rawAt } from '../int/support.js';

export const apigwAuth004: Rule = {
  id: 'APIGW-AUTH-004',
  severity: 'error',
  description: 'Authorizer type must be token, request or cognito_user_pools (REST) or request or jwt (HTTP)',
  fact: 'AuthorizerType is TOKEN | REQUEST | COGNITO_USER_POOLS for REST and REQUEST | JWT for HTTP APIs [A][D].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer') return;
      const a = scheme.authorizer;
      const allowed = ctx.api.kind === 'rest' ? ['token', 'request', 'cognito_user_pools'] : ['request', 'jwt'];
      const written = own(rawAt(ctx, a.pointer), 'type');
      const type = a.type === 'unknown' ? a.rawType : a.type === 'cognito' ? 'cognito_user_pools' : a.type;
      if (a.type !== 'unknown' && allowed.includes(type)) return;
      const kind = ctx.api.kind === 'rest' ? 'REST' : 'HTTP';
      ctx.report({
        pointer: written === undefined ? a.pointer : child(a.pointer, 'type'),
        message: written === undefined
          ? `The authorizer of "${scheme.name}" has no type. Add type: ${allowed.join(' | ')}.`
          : `Authorizer type ${JSON.stringify(written)} is not supported by ${kind} APIs. Use ${allowed.join(', ')}${ctx.api.kind === 'http' && type === 'token' ? ' (a REST TOKEN authorizer becomes a request authorizer with identitySource $request.header.Authorization)' : ''}${ctx.api.kind === 'rest' && type === 'jwt' ? ' (for JWTs on REST, use cognito_user_pools or a Lambda token authorizer)' : ''}.`,
      });
    },
  },
};
