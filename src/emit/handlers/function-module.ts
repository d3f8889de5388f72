// One Lambda function's two files: `<stem>.generated.ts` (types, router table, error helpers —
// rewritten on every build) and `<stem>.ts` (the user's implementation, created once with a
// TODO per route that returns a typed 501).

import type { Api, Integration, Route } from '../../model/types.js';
import { jsDoc, stringLiteral } from '../shared/escape.js';
import { toCamelCase, uniqueNames, splitWords, valueKey } from '../shared/naming.js';
import type { TypeSpace } from '../shared/schema-to-ts.js';
import type { FunctionPlan, RoutePlan } from './plan.js';
import { nonProxyShape, nonProxyTypes, parameterEnums, pickContent, proxyEventType, proxyResponseType, requiredParams } from './route-types.js';
import type { SchemaRegistry } from './schemas.js';
import { messageTemplate, type MessageTemplate } from './selection-pattern.js';
import { codeWords, importModels } from './model-imports.js';

export interface ModuleContext {
  api: Api;
  /** The non-proxy routes of the function being rendered (set per function). */
  siblings?: readonly RoutePlan[];
  space: TypeSpace;
  schemas: SchemaRegistry;
  /** Every exported model type name (what `models.generated.ts` declares). */
  modelTypeNames: ReadonlySet<string>;
}

/** Type names a function module declares for itself; models must not take them. */
export function functionModuleTypeNames(plan: FunctionPlan): string[] {
  const names = [`${plan.typeStem}Implementation`, `${plan.typeStem}Handler`, `${plan.typeStem}Event`, `${plan.typeStem}Result`];
  for (const r of plan.routes) names.push(`${r.typeStem}Event`, `${r.typeStem}Response`, `${r.typeStem}Result`);
  return names;
}

/** Names the generated modules import or declare besides the per-route ones. */
export const MODULE_SCOPE_NAMES = [
  'Context', 'HeaderValue', 'ResponseHeaders', 'NotImplementedResponse', 'NotImplementedBody', 'Status1XX', 'Status2XX', 'Status3XX',
  'Status4XX', 'Status5XX', 'ProxyEventV1', 'ProxyEventV2', 'LambdaAuthorizerContextV1', 'LambdaAuthorizerContextV2', 'RouteSpec', 'RouteTable',
  'IntegrationError', 'NotImplementedError', 'APIGatewayProxyEvent', 'APIGatewayProxyEventV2', 'APIGatewayProxyResult',
  'APIGatewayProxyStructuredResultV2', 'APIGatewayEventDefaultAuthorizerContext', 'APIGatewayProxyCognitoAuthorizer',
  'APIGatewayEventRequestContextV2', 'APIGatewayEventRequestContextV2WithAuthorizer', 'APIGatewayEventRequestContextJWTAuthorizer',
  'APIGatewayEventRequestContextLambdaAuthorizer', 'APIGatewayEventRequestContextIAMAuthorizer', 'PolicyResult', 'RouteKey',
  'AuthorizerContext', 'ExecuteApiArn', 'Effect',
];

interface RenderedRoute {
  plan: RoutePlan;
  types: string;
  spec: string;
  signature: string;
  /** Extra module-level declarations (body schema constant, error helpers). */
  extras: string;
  errorHelpers: { name: string; statusCode: string; pattern: string; template: MessageTemplate }[];
  skippedPatterns: string[];
}

export interface RenderedFunction {
  generated: string;
  stub: string;
  /** Selection patterns no error helper could be generated for (reported in the README). */
  skippedPatterns: { route: string; pattern: string }[];
}

export function renderFunctionModule(plan: FunctionPlan, ctx_: ModuleContext): RenderedFunction {
  const ctx: ModuleContext = { ...ctx_, siblings: plan.routes.filter((r) => r.format === 'lambda') };
  const routes = plan.routes.map((r) => renderRoute(r, ctx));
  const hasV1 = plan.routes.some((r) => r.format === 'proxy-v1');
  const hasV2 = plan.routes.some((r) => r.format === 'proxy-v2');
  const nonProxy = plan.routes.filter((r) => r.format === 'lambda');
  const T = plan.typeStem;

  const eventUnion = [...(hasV1 ? ['APIGatewayProxyEvent'] : []), ...(hasV2 ? ['APIGatewayProxyEventV2'] : []), ...nonProxy.map((r) => `${r.typeStem}Event`)];
  const resultUnion = [...(hasV1 ? ['APIGatewayProxyResult'] : []), ...(hasV2 ? ['APIGatewayProxyStructuredResultV2'] : []), ...nonProxy.map((r) => `${r.typeStem}Result`)];

  const body: string[] = [];
  body.push(...routes.map((r) => r.types));
  body.push(
    `${jsDoc(`What you implement for the Lambda function ${plan.displayName}: one method per route. Proxy routes return a typed response (status codes, headers and bodies as declared, or the 501 the stubs return); non-proxy routes return the payload their integration response maps.`)}export interface ${T}Implementation {\n${routes.map((r) => r.signature).join('\n')}\n}\n`,
    `/** Every event this function receives. */\nexport type ${T}Event = ${eventUnion.join(' | ') || 'never'};\n`,
    `/** What this function's handler returns to API Gateway. */\nexport type ${T}Result = ${resultUnion.join(' | ') || 'never'};\n`,
    `export type ${T}Handler = (event: ${T}Event, context: Context) => Promise<${T}Result>;\n`,
  );
  body.push(...routes.map((r) => r.extras).filter((e) => e !== ''));
  body.push(
    `const routes: RouteTable<${T}Implementation> = {\n${routes.map((r) => r.spec).join('\n')}\n};\n`,
    `/** The route keys this function serves. */\nexport const ROUTE_KEYS = [${plan.routes.map((r) => stringLiteral(r.route.key)).join(', ')}] as const;\n`,
    `${jsDoc('The Lambda handler for an implementation: routes each event (method + resource path) to its method, checks required parameters and the JSON body (400 on failure), and serialises the typed response.')}export function createHandler(implementation: ${T}Implementation): ${T}Handler {\n  return createRouter(routes, implementation) as ${T}Handler;\n}\n`,
  );

  const text = body.join('\n');
  const used = codeWords(text);
  const awsTypes = [
    'Context',
    ...(hasV1 ? ['APIGatewayProxyEvent', 'APIGatewayProxyResult'] : []),
    ...(hasV2 ? ['APIGatewayProxyEventV2', 'APIGatewayProxyStructuredResultV2'] : []),
    ...['APIGatewayEventDefaultAuthorizerContext', 'APIGatewayProxyCognitoAuthorizer', 'APIGatewayEventRequestContextV2', 'APIGatewayEventRequestContextV2WithAuthorizer', 'APIGatewayEventRequestContextJWTAuthorizer', 'APIGatewayEventRequestContextLambdaAuthorizer', 'APIGatewayEventRequestContextIAMAuthorizer'].filter((n) => used.has(n)),
  ];
  const runtimeTypes = ['HeaderValue', 'ResponseHeaders', 'NotImplementedResponse', 'Status1XX', 'Status2XX', 'Status3XX', 'Status4XX', 'Status5XX', 'ProxyEventV1', 'ProxyEventV2', 'LambdaAuthorizerContextV1', 'LambdaAuthorizerContextV2', 'RouteTable'].filter((n) => used.has(n));
  const runtimeValues = ['createRouter', ...['IntegrationError', 'errorDetail'].filter((n) => used.has(n))];

  const header = [
    `// Generated by apigw-gen. DO NOT EDIT: this file is rewritten on every build.`,
    `// Types and router for the Lambda function ${oneLine(plan.displayName)}; the implementation lives in ./${plan.fileStem}.ts (yours).`,
    `import type { ${awsTypes.join(', ')} } from 'aws-lambda';`,
    `import { ${runtimeValues.join(', ')}, ${runtimeTypes.map((t) => `type ${t}`).join(', ')} } from './runtime.generated.js';`,
    ...importModels(used, ctx.modelTypeNames),
    `export { notImplemented, NotImplementedError, IntegrationError, json, binary, empty } from './runtime.generated.js';`,
    '',
  ].join('\n');

  return {
    generated: `${header}\n${text}`,
    stub: renderStub(plan),
    skippedPatterns: routes.flatMap((r) => r.skippedPatterns.map((pattern) => ({ route: r.plan.route.key, pattern }))),
  };
}

/** Comment-safe single line (names come from the spec). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').replace(/\*\//g, '*\\/');
}

function routeDoc(route: Route, extra?: string): string {
  const lines = [route.key];
  if (route.summary) lines.push(route.summary);
  if (route.description && route.description !== route.summary) lines.push(route.description);
  if (extra) lines.push(extra);
  return lines.join('\n\n');
}

function renderRoute(plan: RoutePlan, ctx: ModuleContext): RenderedRoute {
  const route = plan.route;
  const S = plan.typeStem;
  const required = requiredParams(route);
  const cors = corsOrigins(ctx.api, route);
  const responses = responseContentTypes(route);
  const tags = route.deprecated ? [{ tag: 'deprecated' }] : [];
  const specBase = [
    `    key: ${stringLiteral(route.key)},`,
    `    format: ${stringLiteral(plan.format)},`,
    `    required: { path: ${strings(required.path)}, query: ${strings(required.query)}, header: ${strings(required.header)} },`,
  ];

  if (plan.format === 'lambda') {
    const integration = route.integration as Integration;
    const types = nonProxyTypes(route, integration, ctx.space);
    const errors = errorHelpers(integration);
    const errorsName = `${toCamelCase(plan.operation)}Errors`;
    const extras = errors.helpers.length === 0 ? '' : renderErrorHelpers(errorsName, route, errors.helpers);
    const spec = [...specBase, `    responses: {},`, `    corsOrigins: [],`];
    // Only fields that tell this route apart from the function's other non-proxy routes are used:
    // a method alone would also catch another route's events with the same method.
    const match = types.shape && nonProxyRouting(plan, ctx.siblings ?? [], types.shape) === 'routable' && (types.shape.methodField !== undefined || types.shape.resourceField !== undefined) ? types.shape : undefined;
    if (match) {
      const parts = [match.methodField !== undefined ? `methodField: ${stringLiteral(match.methodField)}` : '', match.resourceField !== undefined ? `resourceField: ${stringLiteral(match.resourceField)}` : ''].filter(Boolean);
      spec.push(`    match: { ${parts.join(', ')} },`);
    }
    const source = types.eventSource === 'template' ? 'the request mapping template' : types.eventSource === 'model' ? 'the request body model (no template the generator could read)' : 'nothing the spec declares';
    return {
      plan,
      types: [
        `${jsDoc(`${routeDoc(route)}\n\nNon-proxy (aws) integration: the event is what API Gateway passes the function, derived from ${source}.`, tags)}export type ${S}Event = ${types.event};\n`,
        `/** The payload ${route.key} returns; its integration response maps it to the HTTP response. */\nexport type ${S}Result = ${types.result};\n`,
      ].join('\n'),
      spec: `  ${valueKey(plan.operation)}: {\n${spec.join('\n')}\n  },`,
      signature: `${jsDoc(routeDoc(route, errors.helpers.length > 0 ? `Fail with \`throw ${errorsName}.<name>(detail)\` to answer one of the declared error responses.` : undefined), tags, '  ')}  ${plan.operation}(event: ${S}Event, context: Context): Promise<${S}Result> | ${S}Result;`,
      extras,
      errorHelpers: errors.helpers,
      skippedPatterns: errors.skipped,
    };
  }

  const { type: eventType, body } = proxyEventType(plan, ctx.space);
  const spec = [...specBase];
  const enums = parameterEnums(route, ctx.space);
  if (enums.length > 0) {
    spec.push(`    enums: [${enums.map((e) => `{ in: ${stringLiteral(e.in)}, name: ${stringLiteral(e.name)}, values: ${strings(e.values)} }`).join(', ')}],`);
  }
  let extras = '';
  if (body.validation) {
    const schemaConst = `${plan.operation}BodySchema`;
    if (body.validation.schema !== undefined) extras = `const ${schemaConst} = ${ctx.schemas.schemaExpression(body.validation.schema)};\n`;
    spec.push(`    body: { schema: ${body.validation.schema !== undefined ? schemaConst : 'undefined'}, required: ${body.validation.required} },`);
  }
  spec.push(`    responses: ${stringRecord(responses)},`, `    corsOrigins: ${strings(cors)},`);
  return {
    plan,
    types: [
      `${jsDoc(routeDoc(route), tags)}export type ${S}Event = ${eventType};\n`,
      `/** The responses ${route.key} may return. */\nexport type ${S}Response =\n${proxyResponseType(plan, ctx.space, ctx.api)};\n`,
    ].join('\n'),
    spec: `  ${valueKey(plan.operation)}: {\n${spec.join('\n')}\n  },`,
    signature: `${jsDoc(routeDoc(route), tags, '  ')}  ${plan.operation}(event: ${S}Event, context: Context): Promise<${S}Response> | ${S}Response;`,
    extras,
    errorHelpers: [],
    skippedPatterns: [],
  };
}

/**
 * Whether the router can tell a non-proxy route's events from those of the function's other
 * non-proxy routes. A non-proxy event is whatever the request mapping template builds, so this
 * needs the resource path in it when another route has another path, and the HTTP method when
 * another route shares the path. The one route of a function needs neither.
 */
export function nonProxyRouting(route: RoutePlan, siblings: readonly RoutePlan[], shape: { methodField?: string; resourceField?: string } | undefined): 'single' | 'routable' | 'needs-fields' {
  const others = siblings.filter((r) => r !== route);
  if (others.length === 0) return 'single';
  const needsResource = others.some((r) => r.route.path !== route.route.path);
  const needsMethod = others.some((r) => r.route.path === route.route.path && r.route.method !== route.route.method);
  const ok = (!needsResource || shape?.resourceField !== undefined) && (!needsMethod || shape?.methodField !== undefined);
  return ok ? 'routable' : 'needs-fields';
}

/**
 * Non-proxy routes whose templates lack the fields that tell them apart. When only one does, the
 * router still reaches it by elimination (every other route is matched by its fields); when
 * several do, their events cannot be routed.
 */
export function nonProxyRoutesLackingFields(plan: FunctionPlan): { unroutable: RoutePlan[]; byElimination?: RoutePlan } {
  const siblings = plan.routes.filter((r) => r.format === 'lambda');
  const lacking = siblings.filter((r) => nonProxyRouting(r, siblings, nonProxyShape(r.route.integration as Integration)) === 'needs-fields');
  return lacking.length === 1 ? { unroutable: [], byElimination: lacking[0]! } : { unroutable: lacking };
}

function strings(values: readonly string[]): string {
  return `[${values.map(stringLiteral).join(', ')}]`;
}

function stringRecord(record: Record<string, string>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${valueKey(k)}: ${stringLiteral(v)}`).join(', ')} }`;
}

function responseContentTypes(route: Route): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const r of route.responses) {
    const picked = pickContent(r.content);
    if (picked) Object.defineProperty(out, r.status, { value: picked.mediaType, enumerable: true });
  }
  return out;
}

/**
 * Origins the Lambda must answer CORS for. REST APIs: the `Access-Control-Allow-Origin` that the
 * path's OPTIONS (mock) integration returns. HTTP APIs with a `cors` configuration answer CORS at
 * the gateway, which overrides the function's headers, so the function adds none.
 */
export function corsOrigins(api: Api, route: Route): string[] {
  if (api.kind === 'http') return [];
  const origins = new Set<string>();
  const options = api.routes.find((r) => r.method === 'OPTIONS' && r.path === route.path);
  for (const response of options?.integration?.responses ?? []) {
    for (const [name, value] of Object.entries(response.responseParameters)) {
      if (name.toLowerCase() !== 'method.response.header.access-control-allow-origin' || typeof value !== 'string') continue;
      const m = /^'(.*)'$/.exec(value.trim());
      if (m) for (const origin of m[1]!.split(',')) if (origin.trim() !== '') origins.add(origin.trim());
    }
  }
  return [...origins];
}

interface ErrorHelpers {
  helpers: RenderedRoute['errorHelpers'];
  skipped: string[];
}

function errorHelpers(integration: Integration): ErrorHelpers {
  const candidates = integration.responses.filter((r) => r.selectionPattern !== 'default' && r.selectionPattern !== '');
  const helpers: { statusCode: string; pattern: string; template: MessageTemplate; wanted: string }[] = [];
  const skipped: string[] = [];
  for (const r of candidates) {
    const template = messageTemplate(r.selectionPattern);
    if (!template) {
      skipped.push(r.selectionPattern);
      continue;
    }
    const statusCode = r.statusCode ?? '200';
    const words = splitWords(template.prefix + template.suffix).filter((w) => /\p{L}/u.test(w));
    helpers.push({ statusCode, pattern: r.selectionPattern, template, wanted: words.length > 0 ? toCamelCase(words.join(' ')) : `status${statusCode}` });
  }
  const names = uniqueNames(helpers.map((h) => h.wanted));
  return { helpers: helpers.map((h, i) => ({ name: names[i]!, statusCode: h.statusCode, pattern: h.pattern, template: h.template })), skipped };
}

function renderErrorHelpers(name: string, route: Route, helpers: RenderedRoute['errorHelpers']): string {
  const members = helpers.map((h) => {
    const doc = jsDoc(`Answers ${h.statusCode}: the message matches the integration response's selectionPattern \`${h.pattern}\`.`, [], '  ');
    const message =
      h.template.slot === 'none'
        ? stringLiteral(h.template.prefix)
        : h.template.slot === 'nonEmpty'
          ? `${stringLiteral(h.template.prefix)} + (errorDetail(detail) || ${stringLiteral('error')}) + ${stringLiteral(h.template.suffix)}`
          : `${stringLiteral(h.template.prefix)} + errorDetail(detail) + ${stringLiteral(h.template.suffix)}`;
    const param = h.template.slot === 'none' ? '' : 'detail = ""';
    return `${doc}  ${valueKey(h.name)}(${param}): IntegrationError {\n    return new IntegrationError(${message}, ${stringLiteral(h.statusCode)}, ${stringLiteral(h.name)});\n  },`;
  });
  return `/** Errors ${route.key} may throw, one per declared error response. */\nexport const ${name} = {\n${members.join('\n')}\n} as const;\n`;
}

/**
 * The user's file. Each route is its own declaration typed by the generated interface, so that a
 * spec change surfaces every mismatch in one compile: a removed route errors at its declaration
 * (`Property 'x' does not exist`), a changed schema inside that route's function, and an added
 * route at the `createHandler` call (`Property 'y' is missing`). A fresh object literal would
 * report only its first problem. The parameters start with `_` (unused until implemented), so the
 * stub compiles under noUnusedParameters.
 */
function renderStub(plan: FunctionPlan): string {
  const I = `${plan.typeStem}Implementation`;
  const methods = plan.routes.map((r) => {
    const key = stringLiteral(r.route.key);
    const doc = `/** ${oneLine(r.route.key)}${r.route.summary ? ` — ${oneLine(r.route.summary)}` : ''} */\n`;
    const body = r.format === 'lambda'
      ? `  // TODO: implement ${oneLine(r.route.key)}, then return the payload.\n  throw new NotImplementedError(${key});`
      : `  // TODO: implement ${oneLine(r.route.key)}.\n  return notImplemented(${key});`;
    return `${doc}export const ${r.operation}: ${I}[${stringLiteral(r.operation)}] = async (_event, _context) => {\n${body}\n};\n`;
  });
  const usesNotImplemented = plan.routes.some((r) => r.format !== 'lambda');
  const usesError = plan.routes.some((r) => r.format === 'lambda');
  const imports = ['createHandler', ...(usesNotImplemented ? ['notImplemented'] : []), ...(usesError ? ['NotImplementedError'] : []), `type ${I}`];
  return [
    `// The Lambda function ${oneLine(plan.displayName)}: your implementation.`,
    `// apigw-gen created this file once and never overwrites it. Its types live in`,
    `// ./${plan.fileStem}.generated.ts and follow the spec on every build: when the spec changes,`,
    `// this file stops compiling exactly where it no longer matches.`,
    `import { ${imports.join(', ')} } from './${plan.fileStem}.generated.js';`,
    '',
    ...methods,
    `const implementation = { ${plan.routes.map((r) => r.operation).join(', ')} };`,
    '',
    '/** The Lambda entry point (configure the function handler as `<file>.handler`). */',
    'export const handler = createHandler(implementation);',
    '',
  ].join('\n');
}
