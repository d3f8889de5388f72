import type { Rule } from '../../rule.js';
import { rootExtensionVisitors } from '../shared/root-extension.js';

const KEY = 'x-amazon-apigateway-minimum-compression-size';

export const apigwApi001: Rule = {
  id: 'APIGW-API-001',
  severity: 'error',
  description: 'x-amazon-apigateway-minimum-compression-size must be an integer from 0 to 10485760',
  fact: 'Minimum compression size is an integer from 0 to 10485760; error "Invalid minimum compression size, must be between 0 and 10485760" [A][D][O].',
  appliesTo: ['rest'],
  visitors: rootExtensionVisitors(KEY, ({ value: v, pointer }, ctx) => {
    if (v === null) return; // null turns compression off
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10485760) {
      ctx.report({ message: `${KEY} is ${JSON.stringify(v)}; it must be an integer from 0 to 10485760 (bytes)`, pointer });
    }
  }),
};
