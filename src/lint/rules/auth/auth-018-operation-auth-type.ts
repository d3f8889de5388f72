import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, own } from '../int/support.js';
import { rawAt } from '../../helpers/raw.js';

export const apigwAuth018: Rule = {
  id: 'APIGW-AUTH-018',
  severity: 'error',
  description: 'x-amazon-apigateway-auth.type must be NONE or AWS_IAM',
  fact: 'x-amazon-apigateway-auth is { "type": "NONE" | "AWS_IAM" }, case-insensitive [D].',
  visitors: {
    route(route, ctx) {
      const auth = own(rawAt(ctx, route.pointer), 'x-amazon-apigateway-auth');
      if (auth === undefined) return;
      const base = child(route.pointer, 'x-amazon-apigateway-auth');
      const t = own(auth, 'type');
      if (typeof t === 'string' && (t.toUpperCase() === 'NONE' || t.toUpperCase() === 'AWS_IAM')) return;
      ctx.report({ pointer: hasKey(auth, 'type') ? child(base, 'type') : base, message: `x-amazon-apigateway-auth type ${JSON.stringify(t ?? null)} is not valid. Use type: AWS_IAM for IAM authorization or NONE; authorizers are set through security instead.` });
    },
  },
};
