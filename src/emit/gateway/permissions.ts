// Lambda invoke permissions for every function the API calls (integrations and authorizers),
// each scoped to the API's execute-api ARN for the route (or to its authorizers).

import type { Api, FunctionRef, Route } from '../../model/types.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { ChangeLog } from './changes.js';
import { newObject, type Json, type JsonObject } from './json.js';
import { parameterName, type TemplateParameter } from './intrinsics.js';

export interface PermissionSpec {
  /** A readable base for the logical id. */
  name: string;
  functionName: Json;
  /** The part of the execute-api ARN after `${Api}/`, e.g. `*\/GET/pets/*`. */
  sourcePath: string;
  /** What the permission is for, for routes.md. */
  purpose: string;
  /** The function, as routes.md names it. */
  functionLabel: string;
}

/** Above this many route-scoped permissions, one permission per function (any route) is used instead. */
const MAX_ROUTE_PERMISSIONS = 150;

export function lambdaPermissions(api: Api, config: ResolvedConfig, stageNames: readonly string[], params: ReadonlyMap<string, TemplateParameter>, log: ChangeLog): PermissionSpec[] {
  const specs: PermissionSpec[] = [];
  const seen = new Set<string>();
  const add = (spec: PermissionSpec) => {
    const key = JSON.stringify([spec.functionName, spec.sourcePath]);
    if (seen.has(key)) return;
    seen.add(key);
    specs.push(spec);
  };

  const forFunction = (fn: FunctionRef, where: string, pathFor: (stage: string) => string, purpose: string) => {
    if (fn.stageVariable !== undefined) {
      for (const stage of stageNames) {
        const value = config.stages?.[stage]?.variables?.[fn.stageVariable];
        if (value === undefined) {
          log.add('template', where, `no Lambda permission for stage ${stage}: the function comes from stage variable ${fn.stageVariable}, which that stage does not set`);
          continue;
        }
        add({ name: `${value}${stage}`, functionName: literal(value), sourcePath: pathFor(stage), purpose: `${purpose} (stage ${stage})`, functionLabel: value });
      }
      return;
    }
    const name = functionName(fn, params);
    if (name === undefined) {
      log.add('template', where, `no Lambda permission for ${fn.name}: its ARN cannot be determined from the spec`);
      return;
    }
    add({ name: fn.logicalId ?? fn.name, functionName: name, sourcePath: pathFor('*'), purpose, functionLabel: fn.alias === undefined ? fn.name : `${fn.name}:${fn.alias}` });
  };

  for (const route of api.routes) {
    const integration = route.integration;
    if (!integration || (integration.kind !== 'lambda-proxy' && integration.kind !== 'lambda') || !integration.function) continue;
    forFunction(integration.function, integration.pointer, (stage) => `${stage}/${routeArnPath(route)}`, `${route.key}`);
  }
  for (const name of Object.keys(api.securitySchemes)) {
    const scheme = api.securitySchemes[name]!;
    if (scheme.kind !== 'authorizer') continue;
    const authorizer = scheme.authorizer;
    if ((authorizer.type !== 'token' && authorizer.type !== 'request') || !authorizer.function) continue;
    forFunction(authorizer.function, authorizer.pointer, () => 'authorizers/*', `authorizer ${name}`);
  }

  const routeScoped = specs.filter((s) => !s.sourcePath.startsWith('authorizers/'));
  if (routeScoped.length <= MAX_ROUTE_PERMISSIONS) return specs;
  log.add('template', '', `${routeScoped.length} route-scoped Lambda permissions would crowd the 500-resource stack limit: one permission per function for any route of the API instead`);
  const perFunction = new Map<string, PermissionSpec>();
  for (const spec of specs) {
    const scoped = spec.sourcePath.startsWith('authorizers/') ? spec : { ...spec, sourcePath: '*/*/*', purpose: 'every route' };
    perFunction.set(JSON.stringify([scoped.functionName, scoped.sourcePath]), scoped);
  }
  return [...perFunction.values()];
}

/** `/pets/{id}` → `GET/pets/*`; `ANY` → `*`; the HTTP `$default` route → `$default`. */
export function routeArnPath(route: Route): string {
  if (route.isDefaultRoute) return '$default';
  const method = route.method === 'ANY' ? '*' : route.method;
  const path = route.path
    .split('/')
    .map((segment) => (/^\{.*\}$/.test(segment) ? '*' : segment))
    .join('/');
  return `${method}${path.startsWith('/') ? path : `/${path}`}`;
}

function functionName(fn: FunctionRef, params: ReadonlyMap<string, TemplateParameter>): Json | undefined {
  if (fn.logicalId !== undefined) {
    const arnParam = parameterName(fn.logicalId, 'Arn');
    const param = params.has(arnParam) ? arnParam : params.has(parameterName(fn.logicalId)) ? parameterName(fn.logicalId) : undefined;
    if (param === undefined) return undefined;
    if (fn.alias === undefined) {
      const ref = newObject();
      ref.Ref = param;
      return ref;
    }
    return sub(`\${${param}}:${escapeSub(fn.alias)}`);
  }
  if (fn.arn !== undefined) return literal(fn.arn);
  return undefined;
}

/** A literal ARN; `${AWS::Region}`-style placeholders make it an Fn::Sub. */
function literal(text: string): Json {
  return /\$\{AWS::[A-Za-z]+\}/.test(text) ? sub(text.replace(/\$\{(?!AWS::)/g, '${!')) : text;
}

function sub(text: string): JsonObject {
  const out = newObject();
  out['Fn::Sub'] = text;
  return out;
}

/** Text placed inside an Fn::Sub literally. */
export function escapeSub(text: string): string {
  return text.replace(/\$\{/g, '${!');
}
