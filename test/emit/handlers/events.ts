// Real-shaped API Gateway events (../shared/reference/local-gateway.md §3; @types/aws-lambda 8.10.164).

const identity = {
  accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null,
  cognitoAuthenticationProvider: null, cognitoAuthenticationType: null, cognitoIdentityId: null,
  cognitoIdentityPoolId: null, principalOrgId: null, sourceIp: '203.0.113.7', user: null,
  userAgent: 'curl/8.5.0', userArn: null,
};

/** REST (payload 1.0) proxy event. */
export function restEvent(options: {
  method: string;
  resource: string;
  path: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | null;
  isBase64Encoded?: boolean;
  authorizer?: Record<string, unknown>;
}) {
  const headers = options.headers ?? {};
  return {
    resource: options.resource,
    path: options.path,
    httpMethod: options.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: options.query ?? null,
    multiValueQueryStringParameters: options.query ? Object.fromEntries(Object.entries(options.query).map(([k, v]) => [k, [v]])) : null,
    pathParameters: options.pathParameters ?? null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012', apiId: 'a1b2c3d4e5', authorizer: options.authorizer ?? { claims: null, scopes: null },
      protocol: 'HTTP/1.1', httpMethod: options.method, identity, path: `/prod${options.path}`, stage: 'prod',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', requestTimeEpoch: 1_700_000_000_000, resourceId: 'abc123',
      resourcePath: options.resource, domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com', requestTime: '14/Nov/2023:22:13:20 +0000',
    },
    body: options.body ?? null,
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

/** HTTP API payload 2.0 event. */
export function httpEventV2(options: {
  routeKey: string;
  rawPath: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  rawQueryString?: string;
  body?: string;
  authorizer?: Record<string, unknown>;
}) {
  const [method] = options.routeKey.split(' ');
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: options.rawPath,
    rawQueryString: options.rawQueryString ?? '',
    headers: options.headers ?? {},
    requestContext: {
      accountId: '123456789012', apiId: 'h7t8p9', domainName: 'h7t8p9.execute-api.us-east-1.amazonaws.com', domainPrefix: 'h7t8p9',
      http: { method, path: options.rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=', routeKey: options.routeKey, stage: '$default', time: '12/Mar/2020:19:03:58 +0000', timeEpoch: 1_583_348_638_390,
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
    },
    isBase64Encoded: false,
  };
  if (options.pathParameters) event.pathParameters = options.pathParameters;
  if (options.body !== undefined) event.body = options.body;
  return event;
}

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true, functionName: 'fn', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn', memoryLimitInMB: '128',
  awsRequestId: 'req-1', logGroupName: '/aws/lambda/fn', logStreamName: 'stream',
  getRemainingTimeInMillis: () => 3000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
};
