import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isLambdaIntegration, textOf } from './support.js';

export const apigwInt036: Rule = {
  id: 'APIGW-INT-036',
  severity: 'info',
  description: 'A Lambda uri that takes the function name or alias from a stage variable needs a manual Lambda permission',
  fact: 'With ${stageVariables.*} in the function name or alias you must add the Lambda permission yourself, and stage variables cannot reference cross-account functions [D].',
  visitors: {
    integration(integration, _route, ctx) {
      const uri = textOf(integration.uri);
      if (uri === undefined || !uri.includes('${stageVariables.') || !isLambdaIntegration(integration)) return;
      ctx.report({ pointer: child(integration.pointer, 'uri'), message: 'The Lambda function is chosen by a stage variable, so API Gateway cannot add the invoke permission for you. Grant it per stage: aws lambda add-permission --principal apigateway.amazonaws.com --source-arn arn:aws:execute-api:{region}:{account}:{apiId}/*/… for every function the variable can name (same account only).' });
    },
  },
};
