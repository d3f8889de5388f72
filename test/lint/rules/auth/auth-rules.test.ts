import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { lintFile, lintText, REPO } from '../../helpers.js';
import { rules } from '../../../../src/lint/rules/auth/index.js';

const S = (name: string) => `/components/securitySchemes/${name}`;
const A = (name: string) => `${S(name)}/x-amazon-apigateway-authorizer`;

describe('APIGW-AUTH family on the known-bad REST fixture', () => {
  it('reports exactly the expected rule ids, severities and pointers', async () => {
    const { diagnostics } = await lintFile(resolve(REPO, 'fixtures/lint/auth/bad.yaml'), {}, undefined, { rules });
    const got = diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`).sort();
    expect(got).toEqual([
      'APIGW-AUTH-001 error /paths/~1pets/get/security/1/Missing',
      `APIGW-AUTH-002 error ${S('OAuth')}/type`,
      `APIGW-AUTH-003 error ${S('TokenAuth')}/in`,
      `APIGW-AUTH-004 error ${A('JwtAuth')}/type`,
      `APIGW-AUTH-005 error ${A('TokenAuth')}/authorizerUri`,
      `APIGW-AUTH-006 error ${A('RequestAuth')}`,
      `APIGW-AUTH-007 error ${A('TokenAuth')}/authorizerResultTtlInSeconds`,
      `APIGW-AUTH-008 error ${A('CognitoAuth')}/identitySource`,
      `APIGW-AUTH-009 error ${A('TokenAuth')}/identityValidationExpression`,
      `APIGW-AUTH-010 error ${A('CognitoAuth')}/providerARNs/0`,
      'APIGW-AUTH-011 info /paths/~1pets/post/security/0/CognitoAuth',
      'APIGW-AUTH-014 warn /paths/~1pets/get/security',
      `APIGW-AUTH-017 error ${S('TokenAuth')}/x-amazon-apigateway-authtype`,
      'APIGW-AUTH-018 error /paths/~1pets/post/x-amazon-apigateway-auth/type',
      'APIGW-AUTH-019 error /x-amazon-apigateway-api-key-source',
      `APIGW-AUTH-020 info ${S('JwtAuth')}`,
    ].sort());
  });
});

const op = (security: string) => `paths:
  /a:
    get:
      security: ${security}
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration:
        type: AWS_PROXY
        uri: arn:aws:lambda:us-east-1:123456789012:function:a
        payloadFormatVersion: '2.0'
`;
const head = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n";

describe('identitySource dialects', () => {
  const scheme = (type: string, source: string) => `components:
  securitySchemes:
    auth:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authorizer:
        type: ${type}
        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
        authorizerPayloadFormatVersion: '2.0'
        authorizerResultTtlInSeconds: 0
        identitySource: '${source}'
`;
  const run = async (kind: 'rest' | 'http', type: string, source: string) =>
    (await lintText(head + op('[{auth: []}]') + scheme(type, source), {}, kind, { rules })).diagnostics.filter((d) => d.ruleId === 'APIGW-AUTH-008');
  it.each([
    ['rest', 'request', 'method.request.header.Authorization, method.request.querystring.key, stageVariables.env, context.stage', 0],
    ['rest', 'request', '$request.header.Authorization', 1],
    ['rest', 'token', 'method.request.header.Authorization', 0],
    ['rest', 'token', 'method.request.querystring.token', 1],
    ['rest', 'token', 'method.request.header.A, method.request.header.B', 1],
    ['http', 'request', '$request.header.Authorization, $context.routeKey, $stageVariables.env', 0],
    ['http', 'request', 'method.request.header.Authorization', 1],
    ['http', 'request', '$request.header.A, context.stage', 1],
  ] as const)('%s %s "%s" → %i finding(s)', async (kind, type, source, n) => {
    const found = await run(kind, type, source);
    expect(found).toHaveLength(n);
    for (const d of found) expect(d.message).toMatch(kind === 'rest' ? /method\.request\.header/ : /\$request\.header/);
  });
});

describe('HTTP API authorizers', () => {
  it('checks JWT configuration, Lambda payload versions, scope counts and one requirement per route', async () => {
    const scopes = Array.from({ length: 11 }, (_, i) => `s${i}`).join(', ');
    const { diagnostics } = await lintText(head + `paths:
  /a:
    get:
      security: [{jwt: [${scopes}]}]
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration: {type: HTTP_PROXY, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}
  /b:
    get:
      security: [{lambda: [], jwt: []}]
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration: {type: HTTP_PROXY, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}
components:
  securitySchemes:
    jwt:
      type: oauth2
      flows: {}
      x-amazon-apigateway-authorizer:
        type: jwt
        identitySource: $request.header.Authorization, $request.header.X
        jwtConfiguration: {issuer: 'https://issuer.example.com'}
    lambda:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authorizer:
        type: request
        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
        enableSimpleResponses: true
        authorizerResultTtlInSeconds: 300
`, {}, 'http', { rules });
    expect(diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`).sort()).toEqual([
      `APIGW-AUTH-012 error ${A('jwt')}/identitySource`,
      `APIGW-AUTH-012 error ${A('jwt')}/jwtConfiguration`,
      `APIGW-AUTH-013 error ${A('lambda')}`,
      `APIGW-AUTH-013 error ${A('lambda')}/authorizerResultTtlInSeconds`,
      'APIGW-AUTH-014 error /paths/~1b/get/security/0',
      'APIGW-AUTH-015 warn /paths/~1a/get/security/0/jwt',
    ].sort());
  });

  it('warns above 10 authorizers per API', async () => {
    let schemes = 'components:\n  securitySchemes:\n';
    for (let i = 0; i < 11; i++) schemes += `    a${i}:\n      type: apiKey\n      name: Authorization\n      in: header\n      x-amazon-apigateway-authorizer: {type: token, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:a/invocations'}\n`;
    const { diagnostics } = await lintText(head + op(`[{a0: []}]`) + schemes, {}, 'rest', { rules });
    expect(diagnostics.filter((d) => d.ruleId === 'APIGW-AUTH-016').map((d) => d.pointer)).toEqual(['/components/securitySchemes']);
  });
});

describe('APIGW-AUTH-010 on providerARNs left null by an unresolved reference', () => {
  it('says the entries are unusable rather than missing', async () => {
    const spec = `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    get:
      security: [{pool: []}]
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration: {type: MOCK, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: '200'}}}
components:
  securitySchemes:
    pool:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: cognito_user_pools
      x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: [null]}
`;
    const found = (await lintText(spec, {}, 'rest', { rules })).diagnostics.filter((d) => d.ruleId === 'APIGW-AUTH-010');
    expect(found.map((d) => [d.pointer, d.message])).toEqual([[
      `${A('pool')}/providerARNs`,
      'The cognito_user_pools authorizer of "pool" has no usable providerARNs ([null]: an unresolved reference?). Add providerARNs: [arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}].',
    ]]);
  });
});
