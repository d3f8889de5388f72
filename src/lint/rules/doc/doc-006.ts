import type { Rule } from '../../rule.js';
import { rawRoot } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-importexport-version';

export const apigwDoc006: Rule = {
  id: 'APIGW-DOC-006',
  severity: 'error',
  description: 'x-amazon-apigateway-importexport-version must be "1.0"',
  fact: 'The only valid value of x-amazon-apigateway-importexport-version is "1.0" [D].',
  appliesTo: ['http'],
  visitors: {
    api(_api, ctx) {
      const root = rawRoot(ctx);
      if (!(KEY in root)) return;
      const v = root[KEY];
      if (v === '1.0') return;
      if (v === 1) {
        ctx.report({ message: `${KEY} is the number 1.0; write it as the string "1.0"`, pointer: `/${KEY}`, severity: 'warn' });
      } else {
        ctx.report({ message: `${KEY} is ${JSON.stringify(v)}; the only supported value is "1.0"`, pointer: `/${KEY}` });
      }
    },
  },
};
