// AWS service integrations (AWS docs: "Tutorial: Create a REST API as an Amazon S3 proxy", and
// the action/path URI forms of "x-amazon-apigateway-integration object"): the rendered request,
// SigV4-signed, sent to the endpoint set in serve.awsEndpoint (LocalStack, a local DynamoDB…).
// Without one there is nowhere to send it: a 500 that names the setting.

import aws4 from 'aws4';
import type { Integration } from '../../model/types.js';
import type { OutgoingResponse, RequestContext } from '../context.js';
import { internalError } from '../errors.js';
import { mapIntegrationResponse } from '../integration-response.js';
import { renderRequestTemplate } from '../templates.js';
import { send } from './http.js';
import { withIntegrationTimeout } from './timeout.js';

type ServiceIntegration = Integration & { kind: 'aws-service'; service?: string; action?: string; path?: string; region?: string; subtype?: string };

export async function awsServiceIntegration(ctx: RequestContext, integration: ServiceIntegration): Promise<OutgoingResponse> {
  const endpoint = ctx.settings.awsEndpoint;
  const target = integration.service ? `${integration.service}${integration.action ? ` ${integration.action}` : ''}` : (integration.subtype ?? 'AWS service');
  if (endpoint === undefined) throw internalError(`${target}: AWS service integrations need serve.awsEndpoint in the config (e.g. http://127.0.0.1:4566 for LocalStack)`);
  if (!integration.service) throw internalError(`${target}: serve sends only AWS service integrations with an arn:aws:apigateway:<region>:<service>:action|path URI`);
  const rendered = renderRequestTemplate(ctx, integration);
  const base = new URL(endpoint);
  const method = (integration.httpMethod ?? 'POST').toUpperCase();
  const url = new URL(integration.action ? '/' : `/${(integration.path ?? '').replace(/^\//, '')}`, base);
  const json = integration.action ? JSON_PROTOCOL[integration.service] : undefined;
  const headers: Record<string, string> = json
    ? { 'Content-Type': json.contentType, 'X-Amz-Target': `${json.targetPrefix}.${integration.action}` }
    : { 'Content-Type': integration.action ? 'application/x-www-form-urlencoded' : 'application/json' };
  if (integration.action && !json) url.searchParams.set('Action', integration.action);
  Object.assign(headers, rendered.overrides?.request.header);
  const signed = aws4.sign(
    { host: url.host, path: url.pathname + url.search, method, service: integration.service, region: integration.region ?? process.env.AWS_REGION ?? 'us-east-1', headers, body: rendered.body },
    { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test', ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}) },
  );
  const pairs = Object.entries((signed.headers ?? {}) as Record<string, string | number>).map(([k, v]): [string, string] => [k, String(v)]).filter(([k]) => k.toLowerCase() !== 'content-length' && k.toLowerCase() !== 'host');
  const started = Date.now();
  try {
    const result = await withIntegrationTimeout(ctx, integration, (signal) => send({ url, method, headers: pairs, body: Buffer.from(rendered.body) }, signal));
    return mapIntegrationResponse(ctx, integration, result, false);
  } finally {
    ctx.integrationLatency = Date.now() - started;
  }
}

/** Services spoken in JSON with an X-Amz-Target header; the others (SQS, SNS, …) take `?Action=` and a form body. */
const JSON_PROTOCOL: Record<string, { targetPrefix: string; contentType: string }> = {
  dynamodb: { targetPrefix: 'DynamoDB_20120810', contentType: 'application/x-amz-json-1.0' },
  kinesis: { targetPrefix: 'Kinesis_20131202', contentType: 'application/x-amz-json-1.1' },
  states: { targetPrefix: 'AWSStepFunctions', contentType: 'application/x-amz-json-1.0' },
  events: { targetPrefix: 'AWSEvents', contentType: 'application/x-amz-json-1.1' },
  logs: { targetPrefix: 'Logs_20140328', contentType: 'application/x-amz-json-1.1' },
};
