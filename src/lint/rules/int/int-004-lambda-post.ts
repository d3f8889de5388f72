import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isLambdaIntegration, typeOf } from './support.js';

export const apigwInt004: Rule = {
  id: 'APIGW-INT-004',
  severity: 'error',
  description: 'Lambda integrations must use httpMethod POST',
  fact: '"For Lambda function invocations, the value must be POST" [D][A]. HTTP APIs tolerate another value on Lambda proxies (warn) [O].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (t !== 'aws' && t !== 'aws_proxy') return;
      if (integration.httpMethod === undefined || !isLambdaIntegration(integration)) return;
      if (integration.httpMethod.toUpperCase() === 'POST') return;
      // HTTP APIs invoke Lambda proxies with POST whatever is written (deployed examples use GET): a slip, not a failure.
      const http = ctx.api.kind === 'http';
      ctx.report({
        ...(http ? { severity: 'warn' as const } : {}),
        pointer: child(integration.pointer, 'httpMethod'),
        message: `This integration invokes a Lambda function with httpMethod ${integration.httpMethod}, but Lambda is always invoked with POST (whatever the client's method)${http ? '' : ', so REST calls fail'}. Set httpMethod: POST.`,
      });
    },
  },
};
