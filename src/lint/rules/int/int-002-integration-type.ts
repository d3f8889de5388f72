import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { rawAt, own } from './support.js';

const TYPES = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'];

export const apigwInt002: Rule = {
  id: 'APIGW-INT-002',
  severity: 'error',
  description: 'Integration type must be one of aws, aws_proxy, http, http_proxy, mock',
  fact: 'The IntegrationType enum is HTTP | AWS | MOCK | HTTP_PROXY | AWS_PROXY (case-insensitive in the extension) [A].',
  visitors: {
    integration(integration, _route, ctx) {
      const type = own(rawAt(ctx, integration.pointer), 'type');
      if (type === undefined) {
        ctx.report({ pointer: integration.pointer, message: 'The integration has no `type`; API Gateway rejects it. Add `type` (aws, aws_proxy, http, http_proxy or mock).' });
      } else if (typeof type !== 'string' || !TYPES.includes(type.toLowerCase())) {
        ctx.report({
          pointer: child(integration.pointer, 'type'),
          message: `Integration type ${JSON.stringify(type)} is not one API Gateway knows. Use aws, aws_proxy, http, http_proxy or mock.`,
        });
      }
    },
  },
};
