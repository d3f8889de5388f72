import type { Rule } from '../../rule.js';

export const apigwDoc001: Rule = {
  id: 'APIGW-DOC-001',
  severity: 'error',
  description: 'HTTP APIs must be written in OpenAPI 3.0',
  fact: 'HTTP APIs support only OpenAPI 3.0; a Swagger 2.0 document is an import error [D].',
  appliesTo: ['http'],
  visitors: {
    api(api, ctx) {
      if (api.version === '2.0') {
        ctx.report({ message: 'HTTP APIs import only OpenAPI 3.0 documents: convert this Swagger 2.0 document to openapi: 3.0.x', pointer: '/swagger' });
      } else if (api.version === '3.1') {
        ctx.report({ message: 'HTTP APIs import OpenAPI 3.0 documents: declare openapi: 3.0.x and avoid 3.1-only features', pointer: '/openapi', severity: 'warn' });
      }
    },
  },
};
