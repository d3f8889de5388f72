import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isLambdaInvocationUri, substitute, textOf, WILD } from '../int/support.js';

export const apigwAuth005: Rule = {
  id: 'APIGW-AUTH-005',
  severity: 'error',
  description: 'Lambda (token/request) authorizers need an authorizerUri in the Lambda invocation-ARN format',
  fact: 'authorizerUri is required for token and request authorizers and has the form arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{lambdaArn}/invocations [A][D].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer') return;
      const a = scheme.authorizer;
      if (a.type !== 'token' && a.type !== 'request') return;
      if (a.uri === undefined) {
        ctx.report({ pointer: a.pointer, message: `The ${a.type} authorizer of "${scheme.name}" has no authorizerUri, so there is no Lambda function to call. Add authorizerUri: arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations.` });
        return;
      }
      const text = textOf(a.uri);
      if (text === undefined || substitute(text).startsWith(WILD) || isLambdaInvocationUri(text)) return;
      ctx.report({ pointer: child(a.pointer, 'authorizerUri'), message: `authorizerUri ${JSON.stringify(text)} is not a Lambda invocation ARN. Write arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}/invocations.` });
    },
  },
};
