import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';
import { GATEWAY_RESPONSES } from './api-011.js';

export const apigwApi013: Rule = {
  id: 'APIGW-API-013',
  severity: 'warn',
  description: 'REQUEST_TOO_LARGE cannot be customized',
  judgesKey: true,
  fact: 'Customizing the REQUEST_TOO_LARGE gateway response is not supported (known issues) [D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const map = rawRoot(ctx)[GATEWAY_RESPONSES];
      if (isObject(map) && 'REQUEST_TOO_LARGE' in map) {
        ctx.report({ message: 'API Gateway does not support customizing REQUEST_TOO_LARGE; clients keep getting the default 413: remove the entry', pointer: child(`/${GATEWAY_RESPONSES}`, 'REQUEST_TOO_LARGE') });
      }
    },
  },
};
