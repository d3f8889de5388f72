import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { own, rawAt, substitute, textOf, WILD } from '../int/support.js';

const POOL = new RegExp(`^arn:(aws[a-z-]*|${WILD}):cognito-idp:[a-z0-9${WILD}-]+:(\\d{12}|${WILD}):userpool/.+$`);

export const apigwAuth010: Rule = {
  id: 'APIGW-AUTH-010',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'cognito_user_pools authorizers need providerARNs of Cognito user pools',
  fact: 'providerARNs is required for COGNITO_USER_POOLS and lists user pool ARNs arn:aws:cognito-idp:{region}:{account}:userpool/{poolId} [A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer' || scheme.authorizer.type !== 'cognito') return;
      const a = scheme.authorizer;
      const raw = own(rawAt(ctx, a.pointer), 'providerARNs');
      if (a.providerArns.length === 0) {
        // `[null]` is what an unresolved CloudFormation reference leaves behind: say so, it is not "missing".
        const what = Array.isArray(raw) && raw.length > 0 ? `has no usable providerARNs (${JSON.stringify(raw)}: an unresolved reference?)` : 'has no providerARNs';
        ctx.report({ pointer: raw === undefined ? a.pointer : child(a.pointer, 'providerARNs'), message: `The cognito_user_pools authorizer of "${scheme.name}" ${what}. Add providerARNs: [arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}].` });
        return;
      }
      a.providerArns.forEach((arn, i) => {
        const text = textOf(arn);
        if (text === undefined) return;
        const s = substitute(text);
        if (s.startsWith(WILD) || POOL.test(s)) return;
        ctx.report({ pointer: Array.isArray(raw) ? child(a.pointer, 'providerARNs', i) : child(a.pointer, 'providerARNs'), message: `providerARNs entry ${JSON.stringify(text)} is not a Cognito user pool ARN. Write arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}.` });
      });
    },
  },
};
