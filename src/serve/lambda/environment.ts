// What a function sees of its environment: the variables Lambda defines for every function (AWS
// documentation: "Defined runtime environment variables"), the function's own, and the context
// fields that come from the same values.

import { randomBytes } from 'node:crypto';
import { basename, dirname, extname } from 'node:path';
import type { FunctionSpec } from './index.js';

/** The account in the ARNs of local functions (the one AWS documentation uses in examples). */
export const LOCAL_ACCOUNT = '123456789012';
/** Lambda's default memory size (MB), used when the function does not set one. */
export const DEFAULT_MEMORY_MB = 128;

/** Host variables a handler needs to reach AWS with the developer's own credentials, as `sam local` passes them. */
const PASSED_THROUGH = ['PATH', 'HOME', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'];

export function region(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}

export function functionArn(name: string): string {
  return `arn:aws:lambda:${region()}:${LOCAL_ACCOUNT}:function:${name}`;
}

/** `_HANDLER` as Lambda spells it: the module's name without extension, a dot, the export. */
export function handlerName(spec: FunctionSpec): string {
  return `${basename(spec.module, extname(spec.module))}.${spec.exportName}`;
}

/** A new execution environment's log stream: `2026/12/08/[$LATEST]<32 hex digits>`. */
export function logStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

export interface Environment {
  variables: Record<string, string>;
  context: { functionName: string; functionVersion: string; invokedFunctionArn: string; memoryLimitInMB: string; logGroupName: string; logStreamName: string };
}

/**
 * The function's variables, then Lambda's reserved ones (which a function's configuration cannot
 * override). TZ is set as Lambda sets it, but the clock's zone is the host's: threads share it.
 */
export function environmentOf(spec: FunctionSpec, stream: string): Environment {
  const memory = String(spec.memorySize ?? DEFAULT_MEMORY_MB);
  const context = {
    functionName: spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(spec.name),
    memoryLimitInMB: memory,
    logGroupName: `/aws/lambda/${spec.name}`,
    logStreamName: stream,
  };
  const variables: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) variables[name] = value;
  }
  Object.assign(variables, { LANG: 'en_US.UTF-8' }, spec.environment, {
    _HANDLER: handlerName(spec),
    AWS_REGION: region(),
    AWS_DEFAULT_REGION: region(),
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: memory,
    AWS_LAMBDA_FUNCTION_VERSION: context.functionVersion,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: context.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: stream,
    LAMBDA_TASK_ROOT: dirname(spec.module),
    TZ: ':UTC',
  });
  return { variables, context };
}
