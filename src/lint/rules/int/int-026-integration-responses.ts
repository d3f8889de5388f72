import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isLambdaIntegration, typeOf } from './support.js';
import { selects } from './responses.js';

const SUCCESS = Array.from({ length: 100 }, (_, i) => String(200 + i));

export const apigwInt026: Rule = {
  id: 'APIGW-INT-026',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Non-proxy REST integrations need integration responses that match the normal result',
  fact: 'With no matching integration response and no default, API Gateway returns 500 API_CONFIGURATION_ERROR ("no match for output mapping and no default output mapping configured") [D][O].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (t !== 'aws' && t !== 'http' && t !== 'mock') return;
      if (integration.responses.length === 0) {
        ctx.report({ pointer: integration.pointer, message: `The ${integration.rawType} integration has no responses, so every call ends in 500 "no match for output mapping and no default output mapping configured". Add responses: { default: { statusCode: "200" } }.` });
        return;
      }
      if (t === 'mock') return; // which status a mock selects is APIGW-INT-034's check
      const lambda = isLambdaIntegration(integration);
      // A successful Lambda invocation has an empty errorMessage; other backends answer a 2xx status.
      const ok = lambda ? selects(integration.responses, '') : SUCCESS.some((s) => selects(integration.responses, s) !== false);
      if (ok !== false) return;
      ctx.report({
        pointer: child(integration.pointer, 'responses'),
        message: lambda
          ? 'No responses entry matches a successful Lambda invocation (its errorMessage is empty), and there is no default, so successful calls end in 500. Add a default entry (responses: { default: { statusCode: "200" } }).'
          : 'No responses entry matches a 2xx backend status and there is no default, so successful calls end in 500. Add a default entry or a pattern such as "2\\d{2}".',
      });
    },
  },
};
