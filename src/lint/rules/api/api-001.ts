import type { Rule } from '../../rule.js';
import { rawRoot, isIntrinsicObject } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-minimum-compression-size';

export const apigwApi001: Rule = {
  id: 'APIGW-API-001',
  severity: 'error',
  description: 'x-amazon-apigateway-minimum-compression-size must be an integer from 0 to 10485760',
  fact: 'Minimum compression size is an integer from 0 to 10485760; error "Invalid minimum compression size, must be between 0 and 10485760" [A][D][O].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const root = rawRoot(ctx);
      if (!(KEY in root)) return;
      const v = root[KEY];
      if (v === null || isIntrinsicObject(v)) return; // null turns compression off
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10485760) {
        ctx.report({ message: `${KEY} is ${JSON.stringify(v)}; it must be an integer from 0 to 10485760 (bytes)`, pointer: `/${KEY}` });
      }
    },
  },
};
