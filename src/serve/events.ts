// Lambda proxy events (AWS docs: "Set up Lambda proxy integrations in API Gateway", "Create
// AWS Lambda proxy integrations for HTTP APIs"; types as in @types/aws-lambda):
// payload 1.0 for REST and HTTP APIs that ask for it, 2.0 for HTTP APIs by default.

import { header, mediaType, routeOf, type RequestContext } from './context.js';
import { contextVariables, domainName, lastValues, multiValues, queryPairs, record, requestTime } from './request-values.js';

/** Whether the request body travels base64-encoded in the event. */
export function isBinaryRequest(ctx: RequestContext): boolean {
  const type = mediaType(header(ctx.request.headers, 'content-type'));
  if (ctx.settings.api.kind === 'http') return !isTextual(type);
  return type !== undefined && matchesBinaryMediaType(type, ctx.settings.api.binaryMediaTypes);
}

/** REST: a content type listed in binaryMediaTypes (wildcards allowed: `image/*`, `*\/*`). */
export function matchesBinaryMediaType(type: string, binaryMediaTypes: readonly string[]): boolean {
  return binaryMediaTypes.some((b) => {
    const [bt, bs] = b.toLowerCase().split('/');
    const [t, s] = type.split('/');
    return (bt === '*' || bt === t) && (bs === '*' || bs === s);
  });
}

/**
 * HTTP APIs send text bodies as text and the rest base64-encoded ("Working with binary media types
 * for HTTP APIs" keeps JSON, XML, JavaScript and text/* as text). No content type is text.
 */
function isTextual(type: string | undefined): boolean {
  if (type === undefined) return true;
  return type.startsWith('text/') || /[/+](json|xml|javascript)$/.test(type);
}

function eventBody(ctx: RequestContext): { body: string | null; isBase64Encoded: boolean } {
  if (ctx.request.body.length === 0) return { body: null, isBase64Encoded: false };
  const binary = isBinaryRequest(ctx);
  return { body: ctx.request.body.toString(binary ? 'base64' : 'utf8'), isBase64Encoded: binary };
}

const orNull = <T extends object>(o: T): T | null => (Object.keys(o).length > 0 ? o : null);

/** Payload format 1.0 (`APIGatewayProxyEvent`). */
export function eventV1(ctx: RequestContext): Record<string, unknown> {
  const route = routeOf(ctx);
  const query = queryPairs(ctx.request.rawQuery);
  const vars = contextVariables(ctx);
  const http = ctx.settings.api.kind === 'http';
  const resource = http ? (route.isDefaultRoute ? '$default' : route.path) : route.path;
  const requestContext: Record<string, unknown> = {
    accountId: vars.accountId,
    apiId: vars.apiId,
    domainName: vars.domainName,
    domainPrefix: vars.domainPrefix,
    extendedRequestId: vars.extendedRequestId,
    httpMethod: ctx.request.method,
    identity: identity(ctx),
    path: vars.path,
    protocol: vars.protocol,
    requestId: ctx.requestId,
    requestTime: vars.requestTime,
    requestTimeEpoch: ctx.startedAt,
    resourceId: vars.resourceId,
    resourcePath: resource,
    stage: ctx.settings.stage,
    ...(route.operationId !== undefined ? { operationName: route.operationId } : {}),
    ...(http ? { routeKey: vars.routeKey, authorizer: { claims: null, scopes: null } } : {}),
  };
  return {
    ...(http ? { version: '1.0' } : {}),
    resource,
    path: ctx.path,
    httpMethod: ctx.request.method,
    headers: lastValues(ctx.request.headers),
    multiValueHeaders: multiValues(ctx.request.headers),
    queryStringParameters: orNull(lastValues(query)),
    multiValueQueryStringParameters: orNull(multiValues(query)),
    pathParameters: orNull({ ...ctx.match!.pathParameters }),
    stageVariables: orNull({ ...ctx.settings.stageVariables }),
    requestContext,
    ...eventBody(ctx),
  };
}

function identity(ctx: RequestContext): Record<string, unknown> {
  return {
    accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null,
    cognitoAuthenticationProvider: null, cognitoAuthenticationType: null, cognitoIdentityId: null,
    cognitoIdentityPoolId: null, principalOrgId: null, sourceIp: ctx.request.sourceIp, user: null,
    userAgent: header(ctx.request.headers, 'user-agent') ?? null, userArn: null,
  };
}

/** Payload format 2.0 (`APIGatewayProxyEventV2`). */
export function eventV2(ctx: RequestContext): Record<string, unknown> {
  const route = routeOf(ctx);
  const routeKey = route.isDefaultRoute ? '$default' : `${route.method} ${route.path}`;
  const headers = record<string>();
  const cookies: string[] = [];
  for (const [name, value] of ctx.request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') cookies.push(...value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
    else headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const query = record<string>();
  for (const [k, v] of queryPairs(ctx.request.rawQuery)) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const host = domainName(ctx);
  const { body, isBase64Encoded } = eventBody(ctx);
  return {
    version: '2.0',
    routeKey,
    rawPath: ctx.settings.stagePrefix + ctx.path,
    rawQueryString: ctx.request.rawQuery,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: ctx.settings.accountId,
      apiId: ctx.settings.apiId,
      domainName: host,
      domainPrefix: host.split('.')[0]!.split(':')[0],
      http: {
        method: ctx.request.method,
        path: ctx.settings.stagePrefix + ctx.path,
        protocol: ctx.request.protocol,
        sourceIp: ctx.request.sourceIp,
        userAgent: header(ctx.request.headers, 'user-agent') ?? '',
      },
      requestId: ctx.requestId,
      routeKey,
      stage: ctx.settings.stage,
      time: requestTime(ctx.startedAt),
      timeEpoch: ctx.startedAt,
    },
    ...(body !== null ? { body } : {}),
    ...(Object.keys(ctx.match!.pathParameters).length > 0 ? { pathParameters: { ...ctx.match!.pathParameters } } : {}),
    isBase64Encoded,
    ...(Object.keys(ctx.settings.stageVariables).length > 0 ? { stageVariables: { ...ctx.settings.stageVariables } } : {}),
  };
}
