import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';

export const apigwAuth017: Rule = {
  id: 'APIGW-AUTH-017',
  severity: 'error',
  description: 'x-amazon-apigateway-authtype values starting with "aws" are reserved (except awsSigv4)',
  fact: '`awsSigv4` and any value starting with `aws` are reserved authtype values [D].',
  visitors: {
    securityScheme(scheme, ctx) {
      const t = scheme.scheme.authType;
      if (t === undefined || !/^aws/i.test(t) || t.toLowerCase() === 'awssigv4') return;
      ctx.report({ pointer: child(scheme.pointer, 'x-amazon-apigateway-authtype'), message: `x-amazon-apigateway-authtype ${JSON.stringify(t)} starts with "aws", which is reserved. Use awsSigv4 for IAM, or a custom name that does not start with aws (e.g. custom, oauth2).` });
    },
  },
};
