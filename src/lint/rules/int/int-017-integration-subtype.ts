import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { list, typeOf } from './support.js';

/** Required action parameters per first-class integration subtype (reference §1.3.1). */
const SUBTYPES: Record<string, string[]> = {
  'EventBridge-PutEvents': ['Detail', 'DetailType', 'Source'],
  'SQS-SendMessage': ['QueueUrl', 'MessageBody'],
  'SQS-ReceiveMessage': ['QueueUrl'],
  'SQS-DeleteMessage': ['ReceiptHandle', 'QueueUrl'],
  'SQS-PurgeQueue': ['QueueUrl'],
  'AppConfig-GetConfiguration': ['Application', 'Environment', 'Configuration', 'ClientId'],
  'Kinesis-PutRecord': ['StreamName', 'Data', 'PartitionKey'],
  'StepFunctions-StartExecution': ['StateMachineArn'],
  'StepFunctions-StartSyncExecution': ['StateMachineArn'],
  'StepFunctions-StopExecution': ['ExecutionArn'],
};

export const apigwInt017: Rule = {
  id: 'APIGW-INT-017',
  severity: 'error',
  appliesTo: ['http'],
  description: 'integrationSubtype needs type AWS_PROXY, a known subtype, its required parameters and credentials',
  fact: 'First-class integrations are AWS_PROXY with an integrationSubtype from the published list; each subtype has required request parameters, and the integration needs a role in credentials [D][A].',
  visitors: {
    integration(integration, _route, ctx) {
      const subtype = integration.integrationSubtype;
      if (subtype === undefined) return;
      const at = child(integration.pointer, 'integrationSubtype');
      if (typeOf(integration) !== 'aws_proxy') {
        ctx.report({ pointer: at, message: `integrationSubtype ${subtype} is only valid on type AWS_PROXY, not ${integration.rawType}. Set type: AWS_PROXY.` });
      }
      const required = SUBTYPES[subtype];
      if (!required) {
        ctx.report({ pointer: at, message: `integrationSubtype ${JSON.stringify(subtype)} is not a first-class integration API Gateway knows. Use one of ${list(Object.keys(SUBTYPES))}.` });
      } else {
        const missing = required.filter((p) => !Object.prototype.hasOwnProperty.call(integration.requestParameters, p));
        if (missing.length > 0) {
          ctx.report({
            pointer: integration.pointer,
            message: `${subtype} requires the request parameter${missing.length > 1 ? 's' : ''} ${list(missing)}, missing from requestParameters. Add ${missing.map((m) => `${m}: <value or $request.body.…>`).join(', ')}.`,
          });
        }
      }
      if (integration.credentials === undefined) {
        ctx.report({ pointer: integration.pointer, message: `The ${subtype} integration has no credentials; first-class AWS service integrations call the service with an IAM role. Add credentials: arn:aws:iam::{account}:role/{role} allowing the action.` });
      }
    },
  },
};
