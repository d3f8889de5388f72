// EventBridge PutEvents (`arn:aws:apigateway:<region>:events:action/PutEvents`, JSON 1.1 protocol,
// header `X-Amz-Target: AWSEvents.PutEvents`). `Detail` is a JSON *string* holding the body's JSON.

import { inJsonString } from './vtl-text.js';
import { valueInJsonString, type TemplateValue } from './values.js';

export interface PutEventsOptions {
  source: TemplateValue;
  detailType: TemplateValue;
  /** Default: the account's `default` bus. */
  eventBusName?: TemplateValue;
}

export function eventBridgePutEvents(options: PutEventsOptions): string {
  const lines = [
    '{',
    '  "Entries": [',
    '    {',
    `      "Source": "${valueInJsonString(options.source)}",`,
    `      "DetailType": "${valueInJsonString(options.detailType)}",`,
    `      "Detail": "${inJsonString("$input.json('$')")}",`,
    `      "EventBusName": "${valueInJsonString(options.eventBusName ?? { from: 'literal', value: 'default' })}"`,
    '    }',
    '  ]',
    '}',
  ];
  return lines.join('\n') + '\n';
}

export const EVENTBRIDGE_NOTES = ["set the integration request headers X-Amz-Target to 'AWSEvents.PutEvents' and Content-Type to 'application/x-amz-json-1.1'"];
