import type { Rule } from '../../rule.js';

export const MODEL_QUOTA_BYTES = 400 * 1024;

export const apigwModel008: Rule = {
  id: 'APIGW-MODEL-008',
  severity: 'warn',
  description: 'All models of a REST API together must stay under 400 KB',
  fact: 'Quota: model size per API is 400 KB and cannot be raised [D].',
  appliesTo: ['rest'],
  visitors: {
    api(api, ctx) {
      let total = 0;
      for (const m of api.models) total += Buffer.byteLength(JSON.stringify(m.schema) ?? '');
      if (total > MODEL_QUOTA_BYTES) {
        ctx.report({ message: `the models total ${Math.round(total / 1024)} KB of JSON, above API Gateway's 400 KB per API: drop descriptions/examples from deployed models or split the API`, pointer: api.version === '2.0' ? '/definitions' : '/components/schemas' });
      }
    },
  },
};
