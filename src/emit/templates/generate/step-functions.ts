// Step Functions StartExecution / StartSyncExecution (`arn:aws:apigateway:<region>:states:action/StartExecution`,
// JSON 1.0 protocol). `input` is a JSON *string* holding the request body's JSON, so the body is
// serialized with `$input.json('$')` and then escaped into the string.

import { inJsonString } from './vtl-text.js';
import { valueInJsonString, type TemplateValue } from './values.js';

export interface StartExecutionOptions {
  stateMachineArn: TemplateValue;
  /** Execution name (unique per state machine for 90 days), e.g. `context.extendedRequestId`. */
  name?: TemplateValue;
}

export function stepFunctionsStartExecution(options: StartExecutionOptions): string {
  const lines = ['{', `  "input": "${inJsonString("$input.json('$')")}",`];
  if (options.name) lines.push(`  "name": "${valueInJsonString(options.name)}",`);
  lines.push(`  "stateMachineArn": "${valueInJsonString(options.stateMachineArn)}"`, '}');
  return lines.join('\n') + '\n';
}

/** StartSyncExecution (Express workflows) takes the same request. */
export const stepFunctionsStartSyncExecution = stepFunctionsStartExecution;

/**
 * StartSyncExecution response: the execution's `output` (already JSON text) on success; on
 * failure a 500 with the error and cause as JSON strings.
 */
export function stepFunctionsSyncResponse(): string {
  return [
    "#if($input.path('$.status') == \"SUCCEEDED\")",
    "$input.path('$.output')",
    '#else',
    '#set($context.responseOverride.status = 500)',
    `{"error": "${inJsonString(`"$!input.path('$.error')"`)}", "cause": "${inJsonString(`"$!input.path('$.cause')"`)}"}`,
    '#end',
  ].join('\n') + '\n';
}
