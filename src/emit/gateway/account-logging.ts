// REST stages log to CloudWatch — execution logs (MethodSettings LoggingLevel / DataTraceEnabled)
// and access logs (AccessLogSetting) alike — through ONE role set per account and region
// (AWS::ApiGateway::Account). Without it, creating such a stage fails ("CloudWatch Logs role ARN
// must be set in account settings to enable logging"). Access logs are on by default, so nearly
// every REST stage needs the role: the template creates it unless the config opts out
// (`gateway.accountLoggingRole: false`) because the account's role is managed elsewhere.
// HTTP API stages write access logs without that role.

import type { ResolvedConfig, StageConfig } from '../../config/types.js';
import { newObject, objectFrom, type JsonObject } from './json.js';

/** True when the stage writes execution logs. */
export function enablesExecutionLogging(stage: StageConfig): boolean {
  const level = stage.logging?.level;
  return (level !== undefined && level !== 'OFF') || stage.logging?.dataTrace === true;
}

/** True when a REST stage writes to CloudWatch (execution or access logs), so needs the account role. */
export function stageNeedsAccountLoggingRole(rest: boolean, stage: StageConfig): boolean {
  return rest && (enablesExecutionLogging(stage) || stage.logging?.accessLogs !== false);
}

/** Whether template.yaml creates the account-level CloudWatch role for this API. */
export function needsAccountLoggingRole(rest: boolean, config: ResolvedConfig, stages: Record<string, StageConfig>): boolean {
  if (!rest || config.gateway?.accountLoggingRole === false) return false;
  return Object.values(stages).some((stage) => stageNeedsAccountLoggingRole(rest, stage));
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
