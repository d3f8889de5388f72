import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot, isIntrinsicObject } from '../../helpers/raw.js';

export const GATEWAY_RESPONSE_TYPES = [
  'ACCESS_DENIED', 'API_CONFIGURATION_ERROR', 'AUTHORIZER_CONFIGURATION_ERROR', 'AUTHORIZER_FAILURE', 'BAD_REQUEST_PARAMETERS',
  'BAD_REQUEST_BODY', 'DEFAULT_4XX', 'DEFAULT_5XX', 'EXPIRED_TOKEN', 'INTEGRATION_FAILURE', 'INTEGRATION_TIMEOUT', 'INVALID_API_KEY',
  'INVALID_SIGNATURE', 'MISSING_AUTHENTICATION_TOKEN', 'QUOTA_EXCEEDED', 'REQUEST_TOO_LARGE', 'RESOURCE_NOT_FOUND', 'THROTTLED',
  'UNAUTHORIZED', 'UNSUPPORTED_MEDIA_TYPE', 'WAF_FILTERED',
];
export const GATEWAY_RESPONSES = 'x-amazon-apigateway-gateway-responses';

export const apigwApi011: Rule = {
  id: 'APIGW-API-011',
  severity: 'error',
  description: 'Gateway responses: known response types, statusCode [1-5]XX, gatewayresponse.* parameter keys',
  judgesKey: true,
  fact: 'The GatewayResponseType enum has 21 values; statusCode matches [1-5]\\d\\d; responseParameters keys are gatewayresponse.{header|path|querystring}.NAME [A][D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const map = rawRoot(ctx)[GATEWAY_RESPONSES];
      if (!isObject(map)) return;
      const base = `/${GATEWAY_RESPONSES}`;
      for (const [type, gr] of Object.entries(map)) {
        if (!GATEWAY_RESPONSE_TYPES.includes(type)) {
          ctx.report({ message: `'${type}' is not a gateway response type: use one of ${GATEWAY_RESPONSE_TYPES.join(', ')}`, pointer: child(base, type) });
        }
        if (!isObject(gr)) continue;
        const status = gr.statusCode;
        if (status !== undefined && !isIntrinsicObject(status) && !/^[1-5]\d\d$/.test(String(status))) {
          ctx.report({ message: `statusCode ${JSON.stringify(status)} of ${type} must be a status code from 100 to 599`, pointer: child(base, type, 'statusCode') });
        }
        if (isObject(gr.responseParameters)) {
          for (const key of Object.keys(gr.responseParameters)) {
            if (!/^gatewayresponse\.(header|path|querystring)\..+$/.test(key)) {
              ctx.report({ message: `response parameter '${key}' of ${type} must be gatewayresponse.header.NAME (or .path./.querystring.)`, pointer: child(base, type, 'responseParameters', key) });
            }
          }
        }
      }
    },
  },
};
