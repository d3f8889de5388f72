// The "method request passthrough" template: the API Gateway console's template that forwards the
// body, every parameter, the stage variables and the request context to the integration. The
// console's version writes `$util.escapeJavaScript(...)` results straight into JSON strings (a `'`
// then becomes `\'`, invalid JSON), leaves parameter names unescaped and fails on absent context
// values; this one escapes every name and value as aws-apigateway.md §3.9 requires, and reads
// context values as `"$!…"` so an absent one is "".

import { inJsonString } from './vtl-text.js';

/** `context` key in the output → `$context` variable, as in the console template. */
const CONTEXT_FIELDS: readonly (readonly [string, string])[] = [
  ['account-id', 'identity.accountId'],
  ['api-id', 'apiId'],
  ['api-key', 'identity.apiKey'],
  ['authorizer-principal-id', 'authorizer.principalId'],
  ['caller', 'identity.caller'],
  ['cognito-authentication-provider', 'identity.cognitoAuthenticationProvider'],
  ['cognito-authentication-type', 'identity.cognitoAuthenticationType'],
  ['cognito-identity-id', 'identity.cognitoIdentityId'],
  ['cognito-identity-pool-id', 'identity.cognitoIdentityPoolId'],
  ['http-method', 'httpMethod'],
  ['stage', 'stage'],
  ['source-ip', 'identity.sourceIp'],
  ['user', 'identity.user'],
  ['user-agent', 'identity.userAgent'],
  ['user-arn', 'identity.userArn'],
  ['request-id', 'requestId'],
  ['resource-id', 'resourceId'],
  ['resource-path', 'resourcePath'],
];

export function methodRequestPassthrough(): string {
  const context = CONTEXT_FIELDS.map(([key, variable], i) => `    "${key}": "${inJsonString(`"$!context.${variable}"`)}"${i < CONTEXT_FIELDS.length - 1 ? ',' : ''}`);
  return [
    '## Forwards the body, all parameters, stage variables and context (API Gateway\'s "method request passthrough", escaped).',
    '#set($allParams = $input.params())',
    '{',
    `  "body-json": $input.json('$'),`,
    '  "params": {',
    '#foreach($type in $allParams.keySet())',
    '#set($params = $allParams.get($type))',
    `    "${inJsonString('$type')}": {`,
    '#foreach($paramName in $params.keySet())',
    `      "${inJsonString('$paramName')}": "${inJsonString('$params.get($paramName)')}"#if($foreach.hasNext),#end`,
    // Velocity drops the newline after an inline #end; the empty line puts one back.
    '',
    '#end',
    '    }#if($foreach.hasNext),#end',
    '',
    '#end',
    '  },',
    '  "stage-variables": {',
    '#foreach($key in $stageVariables.keySet())',
    `    "${inJsonString('$key')}": "${inJsonString('$stageVariables.get($key)')}"#if($foreach.hasNext),#end`,
    '',
    '#end',
    '  },',
    '  "context": {',
    ...context,
    '  }',
    '}',
  ].join('\n') + '\n';
}
