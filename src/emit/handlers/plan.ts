// Which handler modules the API needs: one per Lambda function (routes grouped by the function
// their integration invokes, not one per route) and one per authorizer function, each with file
// and identifier names that are safe and stable for the same spec.

import type { Api, Authorizer, FunctionRef, Route } from '../../model/types.js';
import { splitWords, toCamelCase, toTypeName, uniqueNames } from '../shared/naming.js';
import { portableFileStem, WINDOWS_DEVICE_NAMES } from '../../text/file-names.js';

/** How a route's function receives the request. */
export type RouteFormat = 'proxy-v1' | 'proxy-v2' | 'lambda';

export interface RoutePlan {
  route: Route;
  format: RouteFormat;
  /** The implementation method name (camelCase, unique within the function). */
  operation: string;
  /** PascalCase stem of the route's types (`GetPet` → `GetPetEvent`, `GetPetResponse`). */
  typeStem: string;
}

export interface FunctionPlan {
  /** `FunctionRef.key`, or `default:` for the API-wide default function. */
  key: string;
  /** The readable function name from the spec (ARN name, logical id, stage variable). */
  displayName: string;
  /** File stem: `<fileStem>.generated.ts` and the user-owned `<fileStem>.ts`. */
  fileStem: string;
  /** PascalCase stem of the module's own types (`PetsFunctionImplementation`). */
  typeStem: string;
  routes: RoutePlan[];
}

export type AuthorizerVariant = 'token' | 'request-v1' | 'request-v2' | 'request-v2-simple';

export interface AuthorizerPlan {
  key: string;
  displayName: string;
  fileStem: string;
  typeStem: string;
  variant: AuthorizerVariant;
  /** Security scheme names that use this function. */
  schemes: string[];
  authorizer: Extract<Authorizer, { type: 'token' | 'request' }>;
}

export interface HandlersPlan {
  functions: FunctionPlan[];
  authorizers: AuthorizerPlan[];
  /**
   * True when the API has no Lambda integration at all, so every route without an integration
   * was given to one default function named after the API (a design-first spec, typed anyway).
   */
  usesDefaultFunction: boolean;
}

/** File stems the handlers folder uses for its own generated files. */
export const RESERVED_FILE_STEMS = ['runtime', 'policy', 'schemas', 'models', 'readme', 'index'];

/**
 * The longest stem, in UTF-8 bytes: far below the 255 a file name may have once `.generated.ts`
 * and a uniqueness counter are added, and still readable.
 */
export const MAX_FILE_STEM_BYTES = 100;

/**
 * A file stem from a function name: lower-case words joined by `-` (`PetsFunction` →
 * `pets-function`), portable to every file system (`CON` → `con_`; a 300-character name is cut
 * and ends in a hash of the whole name).
 */
export function toFileStem(name: string): string {
  const words = splitWords(name.normalize('NFC')).map((w) => w.toLowerCase());
  const stem = words.join('-').replace(/[^a-z0-9\-\p{L}\p{N}]/gu, '');
  return portableFileStem(stem, MAX_FILE_STEM_BYTES, 'function');
}

export function routeFormat(api: Api, route: Route): RouteFormat | undefined {
  const integration = route.integration;
  if (integration === undefined) return undefined;
  if (integration.kind === 'lambda') return 'lambda';
  if (integration.kind !== 'lambda-proxy') return undefined;
  if (api.kind !== 'http') return 'proxy-v1';
  // HTTP APIs default Lambda integrations to payload 2.0.
  return integration.payloadFormatVersion === '1.0' ? 'proxy-v1' : 'proxy-v2';
}

function functionOf(route: Route): FunctionRef | undefined {
  const i = route.integration;
  return i && (i.kind === 'lambda-proxy' || i.kind === 'lambda') ? i.function : undefined;
}

export function planHandlers(api: Api): HandlersPlan {
  const groups = new Map<string, { ref: { key: string; name: string }; routes: { route: Route; format: RouteFormat }[] }>();
  for (const route of api.routes) {
    const format = routeFormat(api, route);
    const fn = functionOf(route);
    if (format === undefined || fn === undefined) continue;
    let group = groups.get(fn.key);
    if (!group) groups.set(fn.key, (group = { ref: { key: fn.key, name: fn.name }, routes: [] }));
    group.routes.push({ route, format });
  }

  const authorizerGroups = new Map<string, { name: string; schemes: string[]; authorizer: AuthorizerPlan['authorizer']; variant: AuthorizerVariant }>();
  for (const [schemeName, scheme] of Object.entries(api.securitySchemes)) {
    if (scheme.kind !== 'authorizer') continue;
    const a = scheme.authorizer;
    if ((a.type !== 'token' && a.type !== 'request') || a.function === undefined) continue;
    const variant = authorizerVariant(api, a);
    // One module per function and payload shape: the same function behind two schemes is one module.
    const key = `${a.function.key}#${variant}`;
    const existing = authorizerGroups.get(key);
    if (existing) existing.schemes.push(schemeName);
    else authorizerGroups.set(key, { name: a.function.name, schemes: [schemeName], authorizer: a, variant });
  }

  let usesDefaultFunction = false;
  if (groups.size === 0) {
    const unintegrated = api.routes.filter((r) => r.integration === undefined);
    if (unintegrated.length > 0) {
      usesDefaultFunction = true;
      const format: RouteFormat = api.kind === 'http' ? 'proxy-v2' : 'proxy-v1';
      groups.set('default:', { ref: { key: 'default:', name: api.info.title || 'api' }, routes: unintegrated.map((route) => ({ route, format })) });
    }
  }

  // Names: functions first (their stems are what users see most), then authorizers; case-insensitive
  // because file systems often are.
  const fnList = [...groups.values()];
  const authList = [...authorizerGroups.values()];
  const stems = uniqueNames(
    [...fnList.map((g) => toFileStem(g.ref.name)), ...authList.map((a) => toFileStem(a.name))],
    // The counter uniqueNames appends must not turn `com` into the device name `com2`.
    { taken: [...RESERVED_FILE_STEMS, ...WINDOWS_DEVICE_NAMES], caseInsensitive: true },
  );
  const typeStems = uniqueNames(
    [...fnList.map((g) => toTypeName(g.ref.name)), ...authList.map((a) => toTypeName(a.name))],
    { caseInsensitive: true },
  );

  const functions: FunctionPlan[] = fnList.map((g, i) => {
    const operations = uniqueNames(g.routes.map(({ route }) => operationName(route)));
    // A route named like its function (`legacy` in `Legacy`) would declare `LegacyEvent` twice.
    const routeTypeStems = uniqueNames(operations.map((o) => toTypeName(o)), { taken: [typeStems[i]!] });
    return {
      key: g.ref.key,
      displayName: g.ref.name,
      fileStem: stems[i]!,
      typeStem: typeStems[i]!,
      routes: g.routes.map(({ route, format }, j) => ({ route, format, operation: operations[j]!, typeStem: routeTypeStems[j]! })),
    };
  });
  const authorizers: AuthorizerPlan[] = authList.map((a, i) => ({
    key: `${a.authorizer.function!.key}#${a.variant}`,
    displayName: a.name,
    fileStem: stems[fnList.length + i]!,
    typeStem: typeStems[fnList.length + i]!,
    variant: a.variant,
    schemes: a.schemes,
    authorizer: a.authorizer,
  }));
  return { functions, authorizers, usesDefaultFunction };
}

/** The implementation method name of a route: its operationId, else method and path (`get /pets/{id}` → `getPetsId`). */
export function operationName(route: Route): string {
  if (route.operationId !== undefined && splitWords(route.operationId).length > 0) return toCamelCase(route.operationId);
  if (route.isDefaultRoute || route.key === '$default') return 'defaultRoute';
  const method = route.method === 'ANY' ? 'any' : route.method.toLowerCase();
  const path = route.path === '/' ? 'root' : route.path;
  return toCamelCase(`${method} ${path}`);
}

function authorizerVariant(api: Api, a: AuthorizerPlan['authorizer']): AuthorizerVariant {
  if (a.type === 'token') return 'token';
  if (api.kind === 'http' && a.payloadFormatVersion !== '1.0') return a.enableSimpleResponses ? 'request-v2-simple' : 'request-v2';
  return 'request-v1';
}
