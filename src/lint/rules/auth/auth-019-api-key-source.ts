import type { Rule } from '../../rule.js';
import { authorizerSchemes } from './support.js';
import { isRawIntrinsic } from '../int/support.js';
import { rawAt } from '../../helpers/raw.js';

const POINTER = '/x-amazon-apigateway-api-key-source';

export const apigwAuth019: Rule = {
  id: 'APIGW-AUTH-019',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'x-amazon-apigateway-api-key-source must be HEADER or AUTHORIZER (AUTHORIZER needs a Lambda authorizer)',
  fact: 'ApiKeySourceType is HEADER (X-API-Key header) or AUTHORIZER (usageIdentifierKey from a Lambda authorizer) [A][D].',
  visitors: {
    api(_api, ctx) {
      const v = rawAt(ctx, POINTER);
      if (v === undefined || isRawIntrinsic(v)) return;
      const t = typeof v === 'string' ? v.toUpperCase() : '';
      if (t !== 'HEADER' && t !== 'AUTHORIZER') {
        ctx.report({ pointer: POINTER, message: `x-amazon-apigateway-api-key-source ${JSON.stringify(v)} is not valid. Use HEADER (clients send X-API-Key) or AUTHORIZER (a Lambda authorizer returns usageIdentifierKey).` });
        return;
      }
      if (t !== 'AUTHORIZER') return;
      const lambda = authorizerSchemes(ctx).some((s) => s.authorizer.type === 'token' || s.authorizer.type === 'request');
      if (lambda) return;
      ctx.report({ severity: 'warn', pointer: POINTER, message: 'The API key source is AUTHORIZER but the API has no Lambda (token or request) authorizer to return usageIdentifierKey, so no request carries an API key. Add a Lambda authorizer or use HEADER.' });
    },
  },
};
