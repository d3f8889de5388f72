import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';

export const apigwAuth002: Rule = {
  id: 'APIGW-AUTH-002',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'REST API security schemes must be type apiKey',
  fact: '"The securitySchemes type, if used, must be apiKey" — OAuth2 and Basic are done with Lambda authorizers [D].',
  visitors: {
    securityScheme(scheme, ctx) {
      const type = scheme.scheme.type;
      if (type === 'apiKey') return;
      ctx.report({
        pointer: type === undefined ? scheme.pointer : child(scheme.pointer, 'type'),
        message: `Security scheme "${scheme.name}" has type ${type ?? '(none)'}; REST APIs accept only apiKey schemes. Use type: apiKey, in: header, name: Authorization with an x-amazon-apigateway-authorizer (token, request or cognito_user_pools), or x-amazon-apigateway-authtype: awsSigv4 for IAM.`,
      });
    },
  },
};
