import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { typeOf } from './support.js';

export const apigwInt003: Rule = {
  id: 'APIGW-INT-003',
  severity: 'warn',
  appliesTo: ['http'],
  description: 'HTTP APIs support only AWS_PROXY and HTTP_PROXY integrations',
  fact: 'HTTP APIs support only Lambda proxy and HTTP proxy integrations; AWS, HTTP and MOCK are "Supported only for WebSocket APIs" and give an import warning [D][A].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (t !== 'aws' && t !== 'http' && t !== 'mock') return;
      ctx.report({
        pointer: child(integration.pointer, 'type'),
        message: `Integration type ${integration.rawType} is not supported by HTTP APIs (import warns and skips it). Use AWS_PROXY (Lambda or an integrationSubtype) or HTTP_PROXY, or import the document as a REST API.`,
      });
    },
  },
};
