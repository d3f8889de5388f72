// Which `$context` variables a REST mapping template can use (aws-apigateway.md §3.4), for the
// engine's default `$context` and for lint rules. `*` stands for any name (authorizer keys,
// Cognito claims, override parameters).

/** Variables usable in mapping templates, as dotted paths below `$context`. */
export const TEMPLATE_CONTEXT_VARIABLES: readonly string[] = [
  'accountId', 'apiId', 'deploymentId', 'stage', 'resourceId', 'resourcePath', 'path', 'httpMethod', 'protocol',
  'domainName', 'domainPrefix', 'isCanaryRequest',
  'requestId', 'extendedRequestId', 'awsEndpointRequestId', 'requestTime', 'requestTimeEpoch',
  'authorizer.principalId', 'authorizer.claims.*', 'authorizer.*',
  'identity.accountId', 'identity.apiKey', 'identity.apiKeyId', 'identity.caller', 'identity.user', 'identity.userArn',
  'identity.userAgent', 'identity.sourceIp', 'identity.principalOrgId', 'identity.cognitoAuthenticationProvider',
  'identity.cognitoAuthenticationType', 'identity.cognitoIdentityId', 'identity.cognitoIdentityPoolId',
  'identity.clientCert.clientCertPem', 'identity.clientCert.subjectDN', 'identity.clientCert.issuerDN',
  'identity.clientCert.serialNumber', 'identity.clientCert.validity.notBefore', 'identity.clientCert.validity.notAfter',
  'identity.accessKey', 'identity.vpcId', 'identity.vpceId',
  'wafResponseCode', 'webaclArn',
  'error.validationErrorString',
  'requestOverride.header.*', 'requestOverride.path.*', 'requestOverride.querystring.*',
  'responseOverride.header.*', 'responseOverride.status',
];

/** Only in gateway-response templates and access logs. */
export const GATEWAY_RESPONSE_ONLY_CONTEXT_VARIABLES: readonly string[] = ['error.message', 'error.messageString', 'error.responseType'];

/** Only in access-log formats, never in templates. */
export const ACCESS_LOG_ONLY_CONTEXT_VARIABLES: readonly string[] = [
  'authorize.*', 'authorizer.error', 'authorizer.integrationLatency', 'authorizer.integrationStatus', 'authorizer.latency',
  'authorizer.requestId', 'authorizer.status', 'authenticate.*', 'customDomain.basePathMatched', 'integration.error',
  'integration.integrationStatus', 'integration.latency', 'integration.requestId', 'integration.status',
  'integrationErrorMessage', 'integrationLatency', 'integrationStatus', 'responseLatency', 'responseLength', 'status',
  'waf.error', 'waf.latency', 'waf.status', 'xrayTraceId', 'endpointType',
];

/** Override targets: request templates may assign requestOverride.*, response templates responseOverride.*. */
export const OVERRIDE_TARGETS = {
  request: ['requestOverride.header.*', 'requestOverride.path.*', 'requestOverride.querystring.*'],
  response: ['responseOverride.header.*', 'responseOverride.status'],
} as const;

function matches(pattern: string, variable: string): boolean {
  if (pattern.endsWith('.*')) return variable.startsWith(pattern.slice(0, -1)) && variable.length > pattern.length - 1;
  return pattern === variable;
}

/** Whether `$context.<variable>` (dotted, without `$context.`) is usable in a mapping template. */
export function isTemplateContextVariable(variable: string): boolean {
  return TEMPLATE_CONTEXT_VARIABLES.some((p) => matches(p, variable)) || ['authorizer', 'identity', 'requestOverride', 'responseOverride'].includes(variable);
}

/** The top-level `$context` keys in the order AWS iterates `$context.keySet()` (recorded, see cases.json). */
export const CONTEXT_KEY_ORDER: readonly string[] = [
  'resourceId', 'resourcePath', 'httpMethod', 'extendedRequestId', 'requestTime', 'path', 'accountId', 'protocol',
  'requestOverride', 'stage', 'domainPrefix', 'requestTimeEpoch', 'requestId', 'identity', 'domainName',
  'deploymentId', 'responseOverride', 'apiId',
];

/** `$context.identity.keySet()` order on AWS (recorded). */
export const IDENTITY_KEY_ORDER: readonly string[] = [
  'cognitoIdentityPoolId', 'accountId', 'cognitoIdentityId', 'caller', 'sourceIp', 'principalOrgId', 'accessKey',
  'cognitoAuthenticationType', 'cognitoAuthenticationProvider', 'userArn', 'userAgent', 'user',
];
