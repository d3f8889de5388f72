// Security schemes → `SecurityScheme` (authorizers, API keys, IAM), and a route's effective
// requirements → `RouteAuth`, the authorizationType API Gateway will enforce.

import { functionRefFromUri } from './functions.js';
import { child } from './pointer.js';
import { deref } from './refs.js';
import type { ApiKind, Authorizer, Pointer, RawScheme, RouteAuth, SecurityRequirement, SecurityScheme, Value } from './types.js';
import {
  dict,
  get,
  getBoolean,
  getNumber,
  getObject,
  getString,
  getStringList,
  getText,
  getValue,
  getVersionText,
  isObject,
  toValue,
  type Json,
} from './values.js';

export function normalizeSecuritySchemes(root: Json, raw: unknown, pointer: Pointer): Record<string, SecurityScheme> {
  const out = dict<SecurityScheme>();
  if (!isObject(raw)) return out;
  for (const name of Object.keys(raw)) {
    const resolved = deref(root, raw[name], child(pointer, name));
    if (!resolved || !isObject(resolved.node)) continue;
    out[name] = securityScheme(name, resolved.node, resolved.pointer);
  }
  return out;
}

function securityScheme(name: string, node: Json, pointer: Pointer): SecurityScheme {
  const scheme = rawScheme(node);
  const authorizer = get(node, 'x-amazon-apigateway-authorizer');
  if (authorizer !== undefined) {
    return { kind: 'authorizer', name, authorizer: normalizeAuthorizer(authorizer, scheme, child(pointer, 'x-amazon-apigateway-authorizer')), scheme, pointer };
  }
  if (scheme.authType !== undefined && scheme.authType.toLowerCase() === 'awssigv4') return { kind: 'iam', name, scheme, pointer };
  if (scheme.type === 'apiKey') {
    return { kind: 'api-key', name, in: scheme.in ?? '', headerName: scheme.paramName ?? '', scheme, pointer };
  }
  return { kind: 'other', name, scheme, pointer };
}

function rawScheme(node: Json): RawScheme {
  const scheme: RawScheme = {};
  const type = getText(node, 'type');
  if (type !== undefined) scheme.type = type;
  const where = getText(node, 'in');
  if (where !== undefined) scheme.in = where;
  const paramName = getText(node, 'name');
  if (paramName !== undefined) scheme.paramName = paramName;
  const authType = getText(node, 'x-amazon-apigateway-authtype');
  if (authType !== undefined) scheme.authType = authType;
  const oidc = getText(node, 'openIdConnectUrl');
  if (oidc !== undefined) scheme.openIdConnectUrl = oidc;
  return scheme;
}

/** REST TOKEN and Cognito authorizers without `identitySource` read the scheme's header. */
function defaultHeaderSource(scheme: RawScheme): string {
  return scheme.paramName ? `method.request.header.${scheme.paramName}` : '';
}

function splitSources(v: unknown): string[] {
  const list = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

export function normalizeAuthorizer(raw: unknown, scheme: RawScheme, pointer: Pointer): Authorizer {
  const rawType = getText(raw, 'type') ?? '';
  const ttl = getNumber(raw, 'authorizerResultTtlInSeconds');
  switch (rawType.toLowerCase()) {
    case 'token': {
      const uri = getValue(raw, 'authorizerUri');
      const fn = functionRefFromUri(uri);
      const credentials = getValue(raw, 'authorizerCredentials');
      const expr = getText(raw, 'identityValidationExpression');
      return {
        type: 'token',
        ...(fn ? { function: fn } : {}),
        ...(uri !== undefined ? { uri } : {}),
        identitySource: getText(raw, 'identitySource') ?? defaultHeaderSource(scheme),
        ...(expr !== undefined ? { identityValidationExpression: expr } : {}),
        ...(ttl !== undefined ? { resultTtlInSeconds: ttl } : {}),
        ...(credentials !== undefined ? { credentials } : {}),
        pointer,
      };
    }
    case 'request': {
      const uri = getValue(raw, 'authorizerUri');
      const fn = functionRefFromUri(uri);
      const credentials = getValue(raw, 'authorizerCredentials');
      const payload = getVersionText(raw, 'authorizerPayloadFormatVersion');
      const simple = getBoolean(raw, 'enableSimpleResponses');
      return {
        type: 'request',
        ...(fn ? { function: fn } : {}),
        ...(uri !== undefined ? { uri } : {}),
        identitySource: splitSources(get(raw, 'identitySource')),
        ...(ttl !== undefined ? { resultTtlInSeconds: ttl } : {}),
        ...(credentials !== undefined ? { credentials } : {}),
        ...(payload !== undefined ? { payloadFormatVersion: payload } : {}),
        ...(simple !== undefined ? { enableSimpleResponses: simple } : {}),
        pointer,
      };
    }
    case 'cognito_user_pools': {
      const arns = get(raw, 'providerARNs');
      const providerArns: Value[] = [];
      for (const a of Array.isArray(arns) ? arns : arns === undefined ? [] : [arns]) {
        const v = toValue(a);
        if (v !== undefined) providerArns.push(v);
      }
      return {
        type: 'cognito',
        providerArns,
        identitySource: getText(raw, 'identitySource') ?? defaultHeaderSource(scheme),
        ...(ttl !== undefined ? { resultTtlInSeconds: ttl } : {}),
        pointer,
      };
    }
    case 'jwt': {
      const jwt = getObject(raw, 'jwtConfiguration');
      const issuer = getString(jwt, 'issuer') ?? issuerFromOpenIdUrl(scheme.openIdConnectUrl);
      return {
        type: 'jwt',
        ...(issuer !== undefined ? { issuer } : {}),
        audience: getStringList(jwt, 'audience'),
        identitySource: splitSources(get(raw, 'identitySource')),
        pointer,
      };
    }
    default:
      return { type: 'unknown', rawType, pointer };
  }
}

/** JWT issuer may be left out when the scheme is `openIdConnect` with a full discovery URL. */
function issuerFromOpenIdUrl(url: string | undefined): string | undefined {
  const suffix = '/.well-known/openid-configuration';
  return url !== undefined && url.endsWith(suffix) ? url.slice(0, -suffix.length) : undefined;
}

export function normalizeRequirements(raw: unknown): SecurityRequirement[] {
  const out: SecurityRequirement[] = [];
  if (!Array.isArray(raw)) return out;
  for (const req of raw) {
    if (!isObject(req)) continue;
    const schemes: SecurityRequirement['schemes'] = [];
    for (const name of Object.keys(req)) schemes.push({ name, scopes: getStringList(req, name) });
    out.push({ schemes });
  }
  return out;
}

function isApiKeyScheme(s: SecurityScheme | undefined): boolean {
  return s !== undefined && s.kind === 'api-key' && s.in.toLowerCase() === 'header' && s.headerName.toLowerCase() === 'x-api-key';
}

/**
 * What API Gateway enforces: `x-amazon-apigateway-auth: AWS_IAM` first; else the first scheme
 * (in requirement order) that is an authorizer or IAM — REST behaviour for several requirement
 * objects is undocumented and LocalStack takes the first one with an authorizer. REST API keys
 * are required when any requirement names the `x-api-key` header scheme.
 */
export function resolveRouteAuth(
  kind: ApiKind,
  requirements: SecurityRequirement[],
  schemes: Record<string, SecurityScheme>,
  operationAuth: unknown,
): RouteAuth {
  const auth: RouteAuth = { type: 'NONE', scopes: [], apiKeyRequired: false };
  const authType = getText(operationAuth, 'type');
  let decided = authType !== undefined && authType.toUpperCase() === 'AWS_IAM';
  if (decided) auth.type = 'AWS_IAM';
  for (const req of requirements) {
    for (const { name, scopes } of req.schemes) {
      const scheme = Object.prototype.hasOwnProperty.call(schemes, name) ? schemes[name] : undefined;
      if (kind === 'rest' && isApiKeyScheme(scheme)) auth.apiKeyRequired = true;
      if (decided || !scheme) continue;
      if (scheme.kind === 'iam') {
        auth.type = 'AWS_IAM';
        decided = true;
      } else if (scheme.kind === 'authorizer') {
        const type = scheme.authorizer.type;
        if (type === 'unknown') continue;
        auth.type = type === 'cognito' ? 'COGNITO_USER_POOLS' : type === 'jwt' ? 'JWT' : 'CUSTOM';
        auth.authorizer = name;
        auth.scopes = scopes;
        decided = true;
      }
    }
  }
  return auth;
}
