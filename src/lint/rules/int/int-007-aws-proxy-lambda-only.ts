import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isLambdaInvocationUri, isLambdaStreamingUri, substitute, textOf, typeOf, WILD } from './support.js';

export const apigwInt007: Rule = {
  id: 'APIGW-INT-007',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'REST aws_proxy integrations must invoke a Lambda function',
  fact: '`Integrations of type \'AWS_PROXY\' currently only supports Lambda function and Firehose stream invocations.` [O]',
  visitors: {
    integration(integration, _route, ctx) {
      if (typeOf(integration) !== 'aws_proxy') return;
      const text = textOf(integration.uri);
      if (text === undefined) return;
      const s = substitute(text);
      // Not an ARN at all, or no path/action: APIGW-INT-006 reports it.
      if (s.startsWith(WILD) || !s.startsWith('arn:') || !/:(path|action)\//.test(s)) return;
      if (isLambdaInvocationUri(text) || isLambdaStreamingUri(text) || /:apigateway:[^:]*:firehose:/.test(s)) return;
      ctx.report({
        pointer: child(integration.pointer, 'uri'),
        message: `aws_proxy uri ${JSON.stringify(text)} is not a Lambda function invocation; REST AWS_PROXY only supports Lambda. Use arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}/invocations, or type aws with a mapping template for other services.`,
      });
    },
  },
};
