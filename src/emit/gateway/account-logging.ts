// REST execution logging (MethodSettings LoggingLevel / DataTraceEnabled) writes to CloudWatch
// through ONE role set per account and region (AWS::ApiGateway::Account). Without it, creating a
// stage with logging fails ("CloudWatch Logs role ARN must be set in account settings"). So when
// a stage enables execution logging, the template creates that role, unless the config opts out
// (`gateway.accountLoggingRole: false`) because the account's role is managed elsewhere.

import type { ResolvedConfig, StageConfig } from '../../config/types.js';
import { newObject, objectFrom, type JsonObject } from './json.js';

/** True when the stage writes execution logs (not access logs, which need no account role). */
export function enablesExecutionLogging(stage: StageConfig): boolean {
  const level = stage.logging?.level;
  return (level !== undefined && level !== 'OFF') || stage.logging?.dataTrace === true;
}

/** Whether template.yaml creates the account-level CloudWatch role for this API. */
export function wantsAccountLoggingRole(rest: boolean, config: ResolvedConfig, stages: Record<string, StageConfig>): boolean {
  if (!rest || config.gateway?.accountLoggingRole === false) return false;
  return Object.values(stages).some(enablesExecutionLogging);
}

export const PUSH_TO_CLOUDWATCH_POLICY = 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';

/**
 * The role API Gateway assumes to write logs. Retained on stack deletion: the account setting
 * keeps pointing at it, and other APIs of the account may log through it.
 */
export function cloudWatchRoleResource(): JsonObject {
  const statement = objectFrom([
    ['Effect', 'Allow'],
    ['Principal', objectFrom([['Service', ['apigateway.amazonaws.com']]])],
    ['Action', ['sts:AssumeRole']],
  ]);
  const props = objectFrom([
    ['AssumeRolePolicyDocument', objectFrom([['Version', '2012-10-17'], ['Statement', [statement]]])],
    ['ManagedPolicyArns', [objectFrom([['Fn::Sub', PUSH_TO_CLOUDWATCH_POLICY]])]],
  ]);
  return objectFrom([['Type', 'AWS::IAM::Role'], ['DeletionPolicy', 'Retain'], ['UpdateReplacePolicy', 'Retain'], ['Properties', props]]);
}

export function accountResource(roleId: string): JsonObject {
  const props = newObject();
  props.CloudWatchRoleArn = objectFrom([['Fn::GetAtt', [roleId, 'Arn']]]);
  return objectFrom([['Type', 'AWS::ApiGateway::Account'], ['Properties', props]]);
}
