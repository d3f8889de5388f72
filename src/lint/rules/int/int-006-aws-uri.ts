import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isBareFunctionArn, substitute, textOf, typeOf, WILD } from './support.js';

export const apigwInt006: Rule = {
  id: 'APIGW-INT-006',
  severity: 'error',
  description: 'An aws/aws_proxy uri must be an ARN containing path or action',
  fact: 'AWS integration URIs have the form arn:aws:apigateway:{region}:{service}:path|action/{api} [A]; errors `Invalid ARN specified in the request`, `AWS ARN for integration must contain path or action` [O].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (t !== 'aws' && t !== 'aws_proxy') return;
      if (integration.integrationSubtype !== undefined) return; // HTTP first-class integrations have no uri
      if (integration.uri === undefined) {
        ctx.report({ pointer: integration.pointer, message: `The ${integration.rawType} integration has no uri. Add the invocation ARN, e.g. arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations.` });
        return;
      }
      const text = textOf(integration.uri);
      if (text === undefined) return; // an intrinsic whose value the spec does not tell
      const s = substitute(text);
      const pointer = child(integration.pointer, 'uri');
      if (s.startsWith(WILD)) return; // the whole ARN comes from a reference
      if (!s.startsWith('arn:')) {
        ctx.report({ pointer, message: `uri ${JSON.stringify(text)} is not an ARN; API Gateway answers "Invalid ARN specified in the request". Use arn:aws:apigateway:{region}:{service}:path/… or …:action/… (for Lambda: …:lambda:path/2015-03-31/functions/{functionArn}/invocations).` });
        return;
      }
      if (ctx.api.kind === 'http' && isBareFunctionArn(text)) return;
      if (/:(path|action)\//.test(s) || s.includes(WILD)) return;
      ctx.report({ pointer, message: `uri ${JSON.stringify(text)} contains neither :path/ nor :action/; API Gateway answers "AWS ARN for integration must contain path or action". Write arn:aws:apigateway:{region}:{service}:path/{api} or …:action/{Action}.` });
    },
  },
};
