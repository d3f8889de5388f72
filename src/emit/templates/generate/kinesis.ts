// Kinesis PutRecord (`arn:aws:apigateway:<region>:kinesis:action/PutRecord`, JSON 1.1 protocol).
// `Data` is base64 of the raw body bytes; `$util.base64Encode` gives only [A-Za-z0-9+/=].

import { valueInJsonString, type TemplateValue } from './values.js';

export interface KinesisPutRecordOptions {
  streamName: TemplateValue;
  /** Default: `context.extendedRequestId` (spreads records over shards). */
  partitionKey?: TemplateValue;
}

export function kinesisPutRecord(options: KinesisPutRecordOptions): string {
  const partitionKey = options.partitionKey ?? { from: 'context', name: 'extendedRequestId' };
  return [
    '{',
    `  "StreamName": "${valueInJsonString(options.streamName)}",`,
    '  "Data": "$util.base64Encode($input.body)",',
    `  "PartitionKey": "${valueInJsonString(partitionKey)}"`,
    '}',
  ].join('\n') + '\n';
}
