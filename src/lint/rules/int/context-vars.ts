// The `$context` variables REST mapping templates and parameter mappings can read (reference §3.4),
// and the ones that exist only in access logs or gateway-response templates.

const PLAIN = new Set([
  'accountId', 'apiId', 'deploymentId', 'stage', 'resourceId', 'resourcePath', 'path', 'httpMethod', 'protocol',
  'domainName', 'domainPrefix', 'isCanaryRequest', 'requestId', 'extendedRequestId', 'awsEndpointRequestId',
  'requestTime', 'requestTimeEpoch', 'wafResponseCode', 'webaclArn', 'authorizer', 'identity', 'error',
  'requestOverride', 'responseOverride',
]);

const IDENTITY = new Set([
  'accountId', 'apiKey', 'apiKeyId', 'caller', 'user', 'userArn', 'userAgent', 'sourceIp', 'principalOrgId',
  'cognitoAuthenticationProvider', 'cognitoAuthenticationType', 'cognitoIdentityId', 'cognitoIdentityPoolId',
  'clientCert', 'accessKey', 'vpcId', 'vpceId',
]);

const CLIENT_CERT = new Set(['clientCertPem', 'subjectDN', 'issuerDN', 'serialNumber', 'validity']);

/** Variables that exist but only in gateway-response templates and access logs. */
export const GATEWAY_RESPONSE_ONLY = new Set(['error.message', 'error.messageString', 'error.responseType']);

/** Access-log-only names (authorizer.* ones shadow authorizer context keys, so they are listed exactly). */
const ACCESS_LOG_ONLY = new Set([
  'authorizer.error', 'authorizer.integrationLatency', 'authorizer.integrationStatus', 'authorizer.latency',
  'authorizer.requestId', 'authorizer.status', 'customDomain.basePathMatched', 'integration.error',
  'integration.integrationStatus', 'integration.latency', 'integration.requestId', 'integration.status',
  'integrationErrorMessage', 'integrationLatency', 'integrationStatus', 'responseLatency', 'responseLength',
  'status', 'waf.error', 'waf.latency', 'waf.status', 'xrayTraceId', 'endpointType',
]);

export type ContextVerdict =
  | { ok: true }
  | { ok: false; reason: 'access-log-only' | 'gateway-response-only' | 'unknown' };

/**
 * Classifies a dotted `$context` path (without the `$context.` / `context.` prefix), e.g.
 * `identity.sourceIp` or `authorizer.claims.email`.
 */
export function classifyContextVariable(path: string): ContextVerdict {
  const parts = path.split('.');
  const head = parts[0] ?? '';
  if (ACCESS_LOG_ONLY.has(path) || head === 'authorize' || head === 'authenticate' || head === 'waf' || head === 'integration' || head === 'customDomain') {
    return { ok: false, reason: 'access-log-only' };
  }
  if (GATEWAY_RESPONSE_ONLY.has(path)) return { ok: false, reason: 'gateway-response-only' };
  if (!PLAIN.has(head)) return { ok: false, reason: 'unknown' };
  switch (head) {
    case 'identity': {
      if (parts.length === 1) return { ok: true };
      if (!IDENTITY.has(parts[1]!)) return { ok: false, reason: 'unknown' };
      if (parts[1] === 'clientCert' && parts.length > 2 && !CLIENT_CERT.has(parts[2]!)) return { ok: false, reason: 'unknown' };
      return { ok: true };
    }
    case 'error':
      return parts.length === 1 || path === 'error.validationErrorString' ? { ok: true } : { ok: false, reason: 'unknown' };
    default:
      // authorizer.<any key>, requestOverride.*, responseOverride.* and the plain names.
      return head === 'authorizer' || head === 'requestOverride' || head === 'responseOverride' || parts.length === 1
        ? { ok: true }
        : { ok: false, reason: 'unknown' };
  }
}
