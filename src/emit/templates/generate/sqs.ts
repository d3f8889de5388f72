// SQS SendMessage through the query API: `arn:aws:apigateway:<region>:sqs:path/<account>/<queue>`
// with the integration request header `Content-Type: 'application/x-www-form-urlencoded'`. The
// body is form-encoded, so every value goes through `$util.urlEncode` (Java URLEncoder, UTF-8).

import { valueInFormBody, type TemplateValue } from './values.js';

export interface SqsSendMessageOptions {
  /** FIFO queues: the message group (e.g. a path parameter or a literal). */
  messageGroupId?: TemplateValue;
  /** FIFO queues without content-based deduplication: e.g. `context.extendedRequestId`. */
  messageDeduplicationId?: TemplateValue;
}

/** The raw request body becomes the message body. */
export function sqsSendMessage(options: SqsSendMessageOptions = {}): string {
  let text = 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)';
  if (options.messageGroupId) text += `&MessageGroupId=${valueInFormBody(options.messageGroupId)}`;
  if (options.messageDeduplicationId) text += `&MessageDeduplicationId=${valueInFormBody(options.messageDeduplicationId)}`;
  return text;
}

/** Notes for the index: what the integration needs besides the template. */
export const SQS_NOTES = ["set the integration request header Content-Type to 'application/x-www-form-urlencoded'"];
