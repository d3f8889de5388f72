import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, isRawIntrinsic, own, rawAt } from '../int/support.js';

export const apigwAuth007: Rule = {
  id: 'APIGW-AUTH-007',
  severity: 'error',
  description: 'authorizerResultTtlInSeconds must be an integer from 0 to 3600',
  fact: 'The authorizer result TTL is 0–3600 seconds (0 disables caching) [A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer') return;
      const raw = rawAt(ctx, scheme.authorizer.pointer);
      if (!hasKey(raw, 'authorizerResultTtlInSeconds')) return;
      const v = own(raw, 'authorizerResultTtlInSeconds');
      if (isRawIntrinsic(v)) return;
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
      if (Number.isInteger(n) && n >= 0 && n <= 3600) return;
      ctx.report({ pointer: child(scheme.authorizer.pointer, 'authorizerResultTtlInSeconds'), message: `authorizerResultTtlInSeconds ${JSON.stringify(v)} is not an integer from 0 to 3600. Use 0 to disable caching or up to 3600 seconds (300 is the default).` });
    },
  },
};
