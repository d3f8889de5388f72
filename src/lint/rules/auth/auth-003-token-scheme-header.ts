import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';

export const apigwAuth003: Rule = {
  id: 'APIGW-AUTH-003',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'TOKEN and Cognito authorizer schemes need in: header and a name',
  fact: 'For TOKEN and Cognito authorizers, the identity source is the header named by the scheme\'s `name`, with `in: header` [D][O].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer') return;
      const t = scheme.authorizer.type;
      if (t !== 'token' && t !== 'cognito') return;
      const label = t === 'token' ? 'TOKEN' : 'Cognito';
      if (!scheme.scheme.paramName) {
        ctx.report({ pointer: scheme.pointer, message: `The ${label} authorizer scheme "${scheme.name}" has no name, so API Gateway does not know which header carries the token. Add name: Authorization (the header) and in: header.` });
      }
      if (scheme.scheme.in !== 'header') {
        ctx.report({ pointer: scheme.scheme.in === undefined ? scheme.pointer : child(scheme.pointer, 'in'), message: `The ${label} authorizer scheme "${scheme.name}" has in: ${scheme.scheme.in ?? '(none)'}; the token must come from a header. Set in: header.` });
      }
    },
  },
};
