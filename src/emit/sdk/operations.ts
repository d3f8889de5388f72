// Operations of the SDK: one per callable route, with its method name, parameter groups, chosen
// request media type, responses and authentication — everything the client file needs, decided
// once, in route order (so output order is stable).

import type { Api, MediaEncoding, Parameter, Route, Schema, SecurityScheme } from '../../model/types.js';
import type { EmitWarning } from '../types.js';
import { toCamelCase, toMemberName, toTypeName, splitWords } from '../shared/naming.js';

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface SdkOperation {
  route: Route;
  /** Method name on the client (camelCase, unique). */
  name: string;
  /** Prefix of the operation's exported types (`ListPets` → `ListPetsParams`, `ListPetsResult`). */
  typePrefix: string;
  params: Parameter[];
  body?: { mediaType: string; kind: BodyKind; schema: Schema | undefined; required: boolean; encoding?: Record<string, MediaEncoding> };
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
export function chooseRequestMedia(content: Record<string, { schema?: Schema; encoding?: Record<string, MediaEncoding> }>): { mediaType: string; kind: BodyKind; schema: Schema | undefined; encoding?: Record<string, MediaEncoding> } | undefined {
  const types = Object.keys(content);
  for (const kind of BODY_PREFERENCE) {
    const mediaType = types.find((t) => bodyKindOf(t) === kind);
    if (mediaType === undefined) continue;
    const { schema, encoding } = content[mediaType]!;
    return { mediaType, kind, schema, ...(encoding && (kind === 'form' || kind === 'multipart') ? { encoding } : {}) };
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

export function collectOperations(api: Api, warnings?: EmitWarning[]): SdkOperation[] {
  const routes = api.routes.filter((r) => !r.isDefaultRoute);
  const names = methodNames(routes, warnings);
  return routes.map((route, i) => toOperation(api, route, names[i]!, toTypeName(names[i]!), true));
}

function hasOperationId(route: Route): route is Route & { operationId: string } {
  return route.operationId !== undefined && route.operationId.trim() !== '';
}

/**
 * Method names, independent of route order, so that an unrelated edit never renames a method: an
 * operation's name comes from its operationId (else its method and path), reserved names get a
 * `_` (toMemberName). When several operations want one name, the operation whose operationId is
 * exactly that name keeps it; the others (all of them, when none or several match exactly) get
 * the words of their method and path appended (`getCamel` → `getCamelPostCamels`), or, should
 * that clash too, a hash of method and path. Each collision is reported as a warning.
 */
function methodNames(routes: Route[], warnings: EmitWarning[] | undefined): string[] {
  const wanted = routes.map((r) => toMemberName(hasOperationId(r) ? toCamelCase(r.operationId) : nameFromRoute(r), CLIENT_MEMBER_NAMES));
  const byName = new Map<string, number[]>();
  wanted.forEach((name, i) => byName.set(name, [...(byName.get(name) ?? []), i]));
  const names = [...wanted];
  const renamed: number[] = [];
  for (const [name, members] of byName) {
    if (members.length === 1) continue;
    const exact = members.filter((i) => routes[i]!.operationId === name);
    for (const i of members) {
      if (exact.length === 1 && exact[0] === i) continue;
      names[i] = `${name}${toTypeName(nameFromRoute(routes[i]!))}`;
      renamed.push(i);
    }
  }
  // A suffixed name that meets another name falls back to a hash of the (unique) method and path.
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  for (const i of renamed) if (count.get(names[i]!)! > 1) names[i] = `${wanted[i]}_${routeHash(routes[i]!)}`;
  for (const [name, members] of byName) {
    if (members.length === 1) continue;
    // By method and path, so the message too is the same whatever the document order.
    const sorted = [...members].sort((a, b) => routeOrder(routes[a]!, routes[b]!));
    const described = sorted.map((i) => `${describe(routes[i]!)} is ${names[i]}`);
    warnings?.push({
      target: 'sdk',
      pointer: routes[sorted[0]!]!.pointer,
      message: `${members.length} operations map to the SDK method name ${name}: ${described.join(', ')}. Give them distinct operationIds to choose the names yourself`,
    });
  }
  return names;
}

function routeOrder(a: Route, b: Route): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
}

function describe(route: Route): string {
  return `${hasOperationId(route) ? `operationId ${JSON.stringify(route.operationId)} (${route.method} ${route.path})` : `${route.method} ${route.path}`}`;
}

/** 8 hex digits of FNV-1a over `METHOD path`: stable across runs and document order. */
function routeHash(route: Route): string {
  let h = 0x811c9dc5;
  for (const ch of `${route.method} ${route.path}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
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
  op.params = withCredentialParams(op);
  return op;
}

/** Headers SigV4 signing writes: a value of the caller's would be overwritten or break the signature. */
const SIGV4_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

/**
 * One source of truth for each credential the client sends. A declared parameter where the route's
 * credential goes (the authorizer token's header or query parameter, `x-api-key` on routes that
 * need a key) is optional: when the call passes it, it is sent and the client's `token` / `apiKey`
 * is not consulted; otherwise the client option fills it (the runtime does the same). On AWS_IAM
 * routes the SigV4 headers are the signature's, so such declared parameters are dropped.
 */
function withCredentialParams(op: SdkOperation): Parameter[] {
  const tokenRoute = op.auth.type === 'CUSTOM' || op.auth.type === 'COGNITO_USER_POOLS' || op.auth.type === 'JWT';
  const isHeader = (p: Parameter, name: string) => p.in === 'header' && p.name.toLowerCase() === name;
  const filledBy = (p: Parameter): string | undefined => {
    if (tokenRoute && (op.auth.tokenQuery !== undefined ? p.in === 'query' && p.name === op.auth.tokenQuery : isHeader(p, op.auth.tokenHeader ?? 'authorization'))) return 'token';
    if (op.auth.apiKey && isHeader(p, 'x-api-key')) return 'apiKey';
    return undefined;
  };
  return op.params
    .filter((p) => !(op.auth.type === 'AWS_IAM' && SIGV4_HEADERS.some((h) => isHeader(p, h))))
    .map((p) => {
      const option = filledBy(p);
      if (option === undefined) return p;
      const note = `Default: the client's \`${option}\` option (a value given here is sent instead).`;
      return { ...p, required: false, description: p.description ? `${p.description}\n\n${note}` : note };
    });
}
