import type { Rule } from '../../rule.js';
import { endpointType, hasPolicy } from './shared.js';

export const apigwApi004: Rule = {
  id: 'APIGW-API-004',
  severity: 'warn',
  description: 'A PRIVATE REST API needs x-amazon-apigateway-policy',
  fact: 'Private APIs need a resource policy before they can be invoked [D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      if (endpointType(ctx) === 'PRIVATE' && !hasPolicy(ctx)) {
        ctx.report({ message: 'this API is deployed as PRIVATE but has no x-amazon-apigateway-policy; private APIs cannot be invoked without a resource policy: add one allowing execute-api:Invoke from your VPC endpoint', pointer: '' });
      }
    },
  },
};
