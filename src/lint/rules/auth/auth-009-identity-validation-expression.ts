import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isRawIntrinsic, own, rawAt } from '../int/support.js';
import { compileJavaRegex } from '../int/java-regex.js';

export const apigwAuth009: Rule = {
  id: 'APIGW-AUTH-009',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'identityValidationExpression must be a valid regex, on TOKEN authorizers only',
  fact: 'identityValidationExpression is "Supported only for TOKEN authorizers" and is a regular expression the token must match [D][A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer') return;
      const a = scheme.authorizer;
      const v = own(rawAt(ctx, a.pointer), 'identityValidationExpression');
      if (v === undefined || isRawIntrinsic(v)) return;
      const pointer = child(a.pointer, 'identityValidationExpression');
      if (a.type !== 'token') {
        ctx.report({ severity: 'warn', pointer, message: `identityValidationExpression is only applied by TOKEN authorizers; this ${a.type} authorizer ignores it. Remove it, or validate the identity in the Lambda function.` });
        return;
      }
      const r = typeof v === 'string' ? compileJavaRegex(v) : { ok: false as const, error: 'it is not a string' };
      if (r.ok) return;
      ctx.report({ pointer, message: `identityValidationExpression ${JSON.stringify(v)} is not a valid regular expression (${r.error}). Fix it, e.g. "^Bearer [-0-9a-zA-Z._]+$".` });
    },
  },
};
