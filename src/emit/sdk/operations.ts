// Operations of the SDK: one per callable route, with its method name, parameter groups, chosen
// request media type, responses and authentication — everything the client file needs, decided
// once, in route order (so output order is stable).

import type { Api, Parameter, Route, Schema, SecurityScheme } from '../../model/types.js';
import { toCamelCase, toTypeName, uniqueNames, splitWords } from '../shared/naming.js';

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface SdkOperation {
  route: Route;
  /** Method name on the client (camelCase, unique). */
  name: string;
  /** Prefix of the operation's exported types (`ListPets` → `ListPetsParams`, `ListPetsResult`). */
  typePrefix: string;
  params: Parameter[];
  body?: { mediaType: string; kind: BodyKind; schema: Schema | undefined; required: boolean };
  auth: { type: Route['auth']['type']; authorizer?: string; scopes: string[]; apiKey: boolean; tokenHeader?: string; tokenQuery?: string };
  /** First tag, for grouping. */
  group: string | undefined;
}

export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base.endsWith('/json');
}

export function bodyKindOf(mediaType: string): BodyKind {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  if (isJsonMediaType(base)) return 'json';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base === 'multipart/form-data' || base.startsWith('multipart/')) return 'multipart';
  if (base.startsWith('text/')) return 'text';
  return 'binary';
}

const BODY_PREFERENCE: BodyKind[] = ['json', 'form', 'multipart', 'text', 'binary'];

/** The one media type the client sends: JSON first, then form, multipart, text, binary; document order within a kind. */
export function chooseRequestMedia(content: Record<string, { schema?: Schema }>): { mediaType: string; kind: BodyKind; schema: Schema | undefined } | undefined {
  const types = Object.keys(content);
  for (const kind of BODY_PREFERENCE) {
    const mediaType = types.find((t) => bodyKindOf(t) === kind);
    if (mediaType !== undefined) return { mediaType, kind, schema: content[mediaType]!.schema };
  }
  return undefined;
}

/** `GET /pets/{petId}/photos` → `getPetsByPetIdPhotos`. */
export function nameFromRoute(route: Route): string {
  const words: string[] = [route.method === 'ANY' ? 'any' : route.method.toLowerCase()];
  for (const segment of route.path.split('/')) {
    if (segment === '') continue;
    const param = /^\{(.+?)\+?\}$/.exec(segment);
    if (param) words.push('By', ...splitWords(param[1]!));
    else words.push(...splitWords(segment));
  }
  if (words.length === 1) words.push('root');
  return toCamelCase(words.join(' '));
}

/** Where the client sends the authorizer token (or another identity value). Header names lower-cased. */
export interface IdentityLocation {
  in: 'header' | 'query';
  name: string;
}

/**
 * A header or query-string identity source (REST `method.request.header.X` /
 * `method.request.querystring.X`, HTTP `$request.header.X` / `$request.querystring.X`) → where the
 * client puts it. `context.*` and `stageVariables.*` sources → undefined: the gateway fills those.
 */
export function identityLocationOf(source: string): IdentityLocation | undefined {
  const m = /^(?:method\.request|\$request)\.(header|querystring)\.(.+)$/.exec(source.trim());
  if (!m) return undefined;
  return m[1] === 'header' ? { in: 'header', name: m[2]!.toLowerCase() } : { in: 'query', name: m[2]! };
}

/** The header and query identity sources of an authorizer, in its order. */
function identityLocations(sources: readonly string[]): IdentityLocation[] {
  return sources.map(identityLocationOf).filter((l): l is IdentityLocation => l !== undefined);
}

/**
 * Where an authorizer reads its token: its first header or query identity source. A scheme's own
 * `in: header` + `name` is a fallback only for non-REQUEST authorizers and API-key-style schemes:
 * a REQUEST authorizer reads exactly its identity sources, and its `name` is often a dummy
 * (`unused`), so a token sent there never reaches it. Undefined → the `authorization` header.
 */
export function tokenLocationOf(scheme: SecurityScheme | undefined): IdentityLocation | undefined {
  if (!scheme) return undefined;
  if (scheme.kind === 'authorizer') {
    const a = scheme.authorizer;
    if (a.type === 'request') return identityLocations(a.identitySource)[0];
    const sources = a.type === 'token' || a.type === 'cognito' ? [a.identitySource] : a.type === 'jwt' ? a.identitySource : [];
    const first = identityLocations(sources)[0];
    if (first) return first;
  }
  if (scheme.scheme.in === 'header' && scheme.scheme.paramName) return { in: 'header', name: scheme.scheme.paramName.toLowerCase() };
  return undefined;
}

/**
 * A REQUEST authorizer's header/query identity sources after the token's: API Gateway answers 401
 * without invoking the authorizer when one is missing, so each becomes a required string
 * parameter of the operation (unless the operation declares it already).
 */
function identityParams(route: Route, scheme: SecurityScheme | undefined, params: Parameter[]): Parameter[] {
  if (scheme?.kind !== 'authorizer' || scheme.authorizer.type !== 'request') return params;
  const [, ...rest] = identityLocations(scheme.authorizer.identitySource);
  const declared = (l: IdentityLocation) => params.some((p) => p.in === l.in && (l.in === 'header' ? p.name.toLowerCase() === l.name : p.name === l.name));
  const extra: Parameter[] = [];
  for (const l of rest) {
    if (declared(l) || extra.some((p) => p.in === l.in && p.name === l.name)) continue;
    extra.push({
      name: l.name, in: l.in, required: true, deprecated: false, schema: { type: 'string' },
      description: `Identity source of the ${scheme.name} authorizer (API Gateway rejects the call without it).`,
      style: l.in === 'query' ? 'form' : 'simple', explode: l.in === 'query', pointer: scheme.authorizer.pointer,
    });
  }
  return extra.length > 0 ? [...params, ...extra] : params;
}

/**
 * The route's parameters plus a required string path parameter for every `{name}` / `{name+}` of
 * the path that the spec forgot to declare (API Gateway itself fills those from the path), so the
 * client never sends a literal `{name}`.
 */
function withTemplateParams(route: Route): Parameter[] {
  const declared = new Set(route.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const extra: Parameter[] = [];
  for (const m of route.path.matchAll(/\{([^{}+]+)\+?\}/g)) {
    const name = m[1]!;
    if (declared.has(name)) continue;
    declared.add(name);
    extra.push({ name, in: 'path', required: true, deprecated: false, schema: { type: 'string' }, style: 'simple', explode: false, pointer: route.pointer });
  }
  return extra.length > 0 ? [...route.parameters, ...extra] : route.parameters;
}

/** Names the client class uses for its own members; operations avoid them. */
export const CLIENT_MEMBER_NAMES = ['core', 'constructor', 'options', 'request', 'toString', 'valueOf', 'hasOwnProperty'];

/**
 * The HTTP API `$default` route as the client's `request(method, path, init)` method: it has no
 * path of its own, so the caller names method and path; results are typed from its responses.
 * (`request` is reserved in CLIENT_MEMBER_NAMES, so no operation takes the name.)
 */
export function defaultRouteOperation(api: Api): SdkOperation | undefined {
  const route = api.routes.find((r) => r.isDefaultRoute);
  return route ? toOperation(api, route, 'request', 'DefaultRoute', false) : undefined;
}

export function collectOperations(api: Api): SdkOperation[] {
  const routes = api.routes.filter((r) => !r.isDefaultRoute);
  const wanted = routes.map((r) => (r.operationId !== undefined && r.operationId.trim() !== '' ? toCamelCase(r.operationId) : nameFromRoute(r)));
  const names = uniqueNames(wanted, { taken: CLIENT_MEMBER_NAMES });
  return routes.map((route, i) => toOperation(api, route, names[i]!, toTypeName(names[i]!), true));
}

function toOperation(api: Api, route: Route, name: string, typePrefix: string, withBody: boolean): SdkOperation {
  const media = withBody && route.requestBody ? chooseRequestMedia(route.requestBody.content) : undefined;
  const authorizer = route.auth.authorizer;
  const scheme = authorizer !== undefined && Object.prototype.hasOwnProperty.call(api.securitySchemes, authorizer) ? api.securitySchemes[authorizer] : undefined;
  const op: SdkOperation = {
    route,
    name,
    typePrefix,
    params: withBody ? identityParams(route, scheme, withTemplateParams(route)) : [],
    auth: {
      type: route.auth.type,
      scopes: route.auth.scopes,
      // With `x-amazon-apigateway-api-key-source: AUTHORIZER` the key is the authorizer's
      // usageIdentifierKey: the caller has none to send.
      apiKey: route.auth.apiKeyRequired && api.apiKeySource?.toUpperCase() !== 'AUTHORIZER',
    },
    group: route.tags[0],
  };
  if (authorizer !== undefined) op.auth.authorizer = authorizer;
  const token = tokenLocationOf(scheme);
  if (token?.in === 'query') op.auth.tokenQuery = token.name;
  else if (token !== undefined && token.name !== 'authorization') op.auth.tokenHeader = token.name;
  if (media) op.body = { ...media, required: route.requestBody!.required };
  return op;
}
