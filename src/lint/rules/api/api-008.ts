import type { Rule } from '../../rule.js';
import { rawRoot, isIntrinsicObject } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-endpoint-access-mode';

export const apigwApi008: Rule = {
  id: 'APIGW-API-008',
  severity: 'error',
  description: 'x-amazon-apigateway-endpoint-access-mode must be BASIC or STRICT',
  fact: 'EndpointAccessMode is BASIC or STRICT [A].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const root = rawRoot(ctx);
      if (!(KEY in root)) return;
      const v = root[KEY];
      if (!isIntrinsicObject(v) && v !== 'BASIC' && v !== 'STRICT') {
        ctx.report({ message: `${KEY} is ${JSON.stringify(v)}; it must be BASIC or STRICT`, pointer: `/${KEY}` });
      }
    },
  },
};
