import type { Rule } from '../../rule.js';
import { rootExtensionVisitors } from '../shared/root-extension.js';

const KEY = 'x-amazon-apigateway-endpoint-access-mode';

export const apigwApi008: Rule = {
  id: 'APIGW-API-008',
  severity: 'error',
  description: 'x-amazon-apigateway-endpoint-access-mode must be BASIC or STRICT',
  fact: 'EndpointAccessMode is BASIC or STRICT [A].',
  appliesTo: ['rest'],
  visitors: rootExtensionVisitors(KEY, ({ value: v, pointer }, ctx) => {
    if (v !== 'BASIC' && v !== 'STRICT') ctx.report({ message: `${KEY} is ${JSON.stringify(v)}; it must be BASIC or STRICT`, pointer });
  }),
};
