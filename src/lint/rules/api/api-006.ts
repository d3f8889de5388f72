import type { Rule } from '../../rule.js';
import { rawRoot } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-endpoint-configuration';

export const apigwApi006: Rule = {
  id: 'APIGW-API-006',
  severity: 'warn',
  description: 'In OpenAPI 3, x-amazon-apigateway-endpoint-configuration goes inside a Server object',
  fact: 'x-amazon-apigateway-endpoint-configuration goes at the OAS2 root, or inside an OAS3 Server object [D].',
  visitors: {
    api(api, ctx) {
      if (api.version !== '2.0' && KEY in rawRoot(ctx)) {
        ctx.report({ message: `in OpenAPI 3 documents ${KEY} belongs inside a servers[] entry, where API Gateway reads it: move it there`, pointer: `/${KEY}` });
      }
    },
  },
};
