// SNS Publish through the query API (`arn:aws:apigateway:<region>:sns:action/Publish` or
// `sns:path//`) with `Content-Type: 'application/x-www-form-urlencoded'` on the integration request.

import { valueInFormBody, type TemplateValue } from './values.js';

export interface SnsPublishOptions {
  topicArn: TemplateValue;
  /** Optional subject, e.g. a literal or a header. */
  subject?: TemplateValue;
}

/** The raw request body becomes the message. */
export function snsPublish(options: SnsPublishOptions): string {
  let text = `Action=Publish&TopicArn=${valueInFormBody(options.topicArn)}&Message=$util.urlEncode($input.body)`;
  if (options.subject) text += `&Subject=${valueInFormBody(options.subject)}`;
  return text;
}
