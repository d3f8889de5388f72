// The access-log line written for every request, one JSON object per line (documented in
// routes.md). Field names are the same for both API types where the value means the same thing.

const REST_FIELDS: [string, string][] = [
  ['requestId', '$context.requestId'],
  ['extendedRequestId', '$context.extendedRequestId'],
  ['ip', '$context.identity.sourceIp'],
  ['caller', '$context.identity.caller'],
  ['user', '$context.identity.user'],
  ['requestTime', '$context.requestTime'],
  ['httpMethod', '$context.httpMethod'],
  ['resourcePath', '$context.resourcePath'],
  ['path', '$context.path'],
  ['status', '$context.status'],
  ['protocol', '$context.protocol'],
  ['responseLength', '$context.responseLength'],
  ['responseLatency', '$context.responseLatency'],
  ['integrationLatency', '$context.integrationLatency'],
  ['integrationStatus', '$context.integration.status'],
  ['errorMessage', '$context.error.message'],
  ['authorizerError', '$context.authorizer.error'],
  ['apiKeyId', '$context.identity.apiKeyId'],
];

const HTTP_FIELDS: [string, string][] = [
  ['requestId', '$context.requestId'],
  ['extendedRequestId', '$context.extendedRequestId'],
  ['ip', '$context.identity.sourceIp'],
  ['requestTime', '$context.requestTime'],
  ['httpMethod', '$context.httpMethod'],
  ['routeKey', '$context.routeKey'],
  ['path', '$context.path'],
  ['status', '$context.status'],
  ['protocol', '$context.protocol'],
  ['responseLength', '$context.responseLength'],
  ['responseLatency', '$context.responseLatency'],
  ['integrationLatency', '$context.integrationLatency'],
  ['integrationStatus', '$context.integrationStatus'],
  ['errorMessage', '$context.error.message'],
  ['integrationError', '$context.integrationErrorMessage'],
  ['authorizerError', '$context.authorizer.error'],
];

export function accessLogFields(kind: 'rest' | 'http'): readonly [string, string][] {
  return kind === 'rest' ? REST_FIELDS : HTTP_FIELDS;
}

/** One line of JSON; every value quoted so that an empty `$context` value still parses. */
export function accessLogFormat(kind: 'rest' | 'http'): string {
  return '{' + accessLogFields(kind).map(([name, variable]) => `"${name}":"${variable}"`).join(',') + '}';
}
