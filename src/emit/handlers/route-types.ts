// Type text for one route: the event its implementation receives and the response (proxy) or
// payload (non-proxy) it returns, derived from parameters, request body, responses and, for
// non-proxy routes, the request mapping template and integration responses.

import type { Api, Integration, Parameter, Response, Route, Schema } from '../../model/types.js';
import { stringLiteral } from '../shared/escape.js';
import { literalType, type TypeSpace } from '../shared/schema-to-ts.js';
import { propertyKey } from '../shared/naming.js';
import { analyzeRequestTemplate, jsonPath, type TemplateShape, type TemplateValue } from './request-template.js';
import type { RoutePlan } from './plan.js';

export type ContentKind = 'json' | 'text' | 'binary';

export interface PickedContent {
  mediaType: string;
  schema?: Schema;
  kind: ContentKind;
}

export function contentKind(mediaType: string): ContentKind {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  if (base === 'application/json' || base.endsWith('+json') || base === '*/*' || base === 'application/*') return 'json';
  if (base.startsWith('text/') || base === 'application/xml' || base === 'application/x-www-form-urlencoded' || base.endsWith('+xml')) return 'text';
  return 'binary';
}

/** The content a route works with: JSON when offered, else the first media type. */
export function pickContent(content: Record<string, { schema?: Schema }>): PickedContent | undefined {
  const types = Object.keys(content);
  const chosen = types.find((t) => contentKind(t) === 'json' && t !== '*/*') ?? types.find((t) => contentKind(t) === 'json') ?? types[0];
  if (chosen === undefined) return undefined;
  const entry = content[chosen]!;
  return entry.schema === undefined ? { mediaType: chosen, kind: contentKind(chosen) } : { mediaType: chosen, schema: entry.schema, kind: contentKind(chosen) };
}

function objectType(members: string[], indent: string): string {
  if (members.length === 0) return '{}';
  return `{\n${members.map((m) => `${indent}  ${m}`).join('\n')}\n${indent}}`;
}

function paramsType(params: Parameter[], location: 'path' | 'query' | 'header', space: TypeSpace, indent: string): string {
  const members = params
    .filter((p) => p.in === location)
    .map((p) => {
      const name = location === 'header' ? p.name.toLowerCase() : p.name;
      const values = stringEnum(p.schema, space);
      return `${propertyKey(name)}${p.required || location === 'path' ? '' : '?'}: ${values ? values.map(stringLiteral).join(' | ') : 'string'};`;
    });
  return objectType(members, indent);
}

/**
 * The values of a parameter's string enum (following a `$ref`), or undefined. Only string enums
 * narrow: API Gateway delivers every parameter as text, and a number enum's `1` may arrive as
 * `1.0`, so those stay `string`.
 */
export function stringEnum(schema: Schema, space: TypeSpace): string[] | undefined {
  const resolved = space.resolve(schema);
  const values = resolved?.enum;
  if (!Array.isArray(values)) return undefined;
  // `null` (a nullable enum) cannot arrive as a parameter: it is left out.
  const present = values.filter((v) => v !== null);
  if (present.length === 0 || !present.every((v): v is string => typeof v === 'string')) return undefined;
  return [...new Set(present)];
}

/** Parameters whose values the router checks against their enum (400 otherwise), so the narrowed types hold. */
export function parameterEnums(route: Route, space: TypeSpace): { in: 'path' | 'query' | 'header'; name: string; values: string[] }[] {
  const out: { in: 'path' | 'query' | 'header'; name: string; values: string[] }[] = [];
  for (const p of route.parameters) {
    if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') continue;
    const values = stringEnum(p.schema, space);
    if (values) out.push({ in: p.in, name: p.in === 'header' ? p.name.toLowerCase() : p.name, values });
  }
  return out;
}

export function requiredParams(route: Route): { path: string[]; query: string[]; header: string[] } {
  const pick = (loc: Parameter['in']) => route.parameters.filter((p) => p.in === loc && (p.required || loc === 'path')).map((p) => p.name);
  return { path: pick('path'), query: pick('query'), header: pick('header') };
}

export interface RequestBodyInfo {
  /** Type of `event.body` as the implementation sees it. */
  type: string;
  /** Present when the router parses (and, with a schema, validates) a JSON body. */
  validation?: { schema?: Schema; required: boolean };
}

export function requestBodyInfo(route: Route, space: TypeSpace, indent: string): RequestBodyInfo {
  const body = route.requestBody;
  const picked = body ? pickContent(body.content) : undefined;
  if (!body || !picked || picked.kind !== 'json') return { type: 'string | null' };
  const type = picked.schema === undefined ? 'unknown' : space.typeOf(picked.schema, 'write', indent);
  const validation = picked.schema === undefined ? { required: body.required } : { schema: picked.schema, required: body.required };
  return { type: body.required || type === 'unknown' ? type : `${wrapUnion(type)} | undefined`, validation };
}

function wrapUnion(type: string): string {
  return /^\s*\|/.test(type) || type.includes('\n  |') ? `(${type})` : type;
}

function statusType(status: string): string {
  if (/^\d{3}$/.test(status)) return status;
  if (/^[1-5]XX$/i.test(status)) return `Status${status[0]}XX`;
  return 'number';
}

/** Body type of one declared response. */
function responseBodyType(response: Response, space: TypeSpace, indent: string): { type: string; optional: boolean } {
  const picked = pickContent(response.content);
  if (!picked) return { type: 'undefined', optional: true };
  if (picked.kind === 'binary') return { type: 'Uint8Array', optional: false };
  if (picked.kind === 'text') return { type: 'string', optional: false };
  return { type: picked.schema === undefined ? 'unknown' : space.typeOf(picked.schema, 'read', indent), optional: false };
}

function responseHeadersType(response: Response, indent: string): { type: string; required: boolean } {
  const declared = Object.entries(response.headers).filter(([name]) => name.toLowerCase() !== 'content-type');
  if (declared.length === 0) return { type: 'ResponseHeaders', required: false };
  const members = declared.map(([name, h]) => `${propertyKey(name)}${h.required ? '' : '?'}: HeaderValue;`);
  return { type: `${objectType(members, indent)} & ResponseHeaders`, required: declared.some(([, h]) => h.required) };
}

/** The union of typed responses a proxy route may return (always including the stubs' 501). */
export function proxyResponseType(plan: RoutePlan, space: TypeSpace, api: Api): string {
  const variants: string[] = [];
  for (const response of plan.route.responses) {
    const body = responseBodyType(response, space, '    ');
    const headers = responseHeadersType(response, '    ');
    variants.push(
      [
        '  | {',
        `      statusCode: ${statusType(response.status)};`,
        `      headers${headers.required ? '' : '?'}: ${headers.type.replace(/\n/g, '\n  ')};`,
        `      body${body.optional ? '?' : ''}: ${body.type.replace(/\n/g, '\n  ')};`,
        '    }',
      ].join('\n'),
    );
  }
  if (plan.route.responses.length === 0) variants.push('  | { statusCode: number; headers?: ResponseHeaders; body?: unknown }');
  if (plan.format === 'proxy-v2') {
    const simplified = simplifiedBodyType(plan.route, space);
    if (simplified) variants.push(`  | ${simplified}`);
  }
  variants.push('  | NotImplementedResponse');
  void api;
  return variants.join('\n');
}

/**
 * HTTP payload 2.0's simplified form (the body alone means 200 JSON) is offered only for a closed
 * object schema without a `statusCode` property: anything looser would swallow the typed
 * responses and stop the compiler from checking them.
 */
function simplifiedBodyType(route: Route, space: TypeSpace): string | undefined {
  const ok = route.responses.find((r) => r.status === '200');
  const picked = ok ? pickContent(ok.content) : undefined;
  if (!picked || picked.kind !== 'json' || picked.schema === undefined) return undefined;
  const resolved = space.resolve(picked.schema);
  if (!resolved || typeof resolved.properties !== 'object' || resolved.properties === null) return undefined;
  if (resolved.additionalProperties !== undefined && resolved.additionalProperties !== false) return undefined;
  if (resolved.allOf || resolved.oneOf || resolved.anyOf || 'statusCode' in (resolved.properties as object)) return undefined;
  return space.typeOf(picked.schema, 'read', '  ');
}

// ------------------------------------------------------------------ proxy events

export function proxyEventType(plan: RoutePlan, space: TypeSpace): { type: string; body: RequestBodyInfo } {
  const route = plan.route;
  const body = requestBodyInfo(route, space, '  ');
  const args = [paramsType(route.parameters, 'path', space, '  '), paramsType(route.parameters, 'query', space, '  '), paramsType(route.parameters, 'header', space, '  '), body.type];
  if (plan.format === 'proxy-v1') return { type: `ProxyEventV1<\n  ${args.join(',\n  ')},\n  ${v1AuthorizerContext(route)}\n>`, body };
  return { type: `ProxyEventV2<\n  ${args.join(',\n  ')},\n  ${v2RequestContext(route)}\n>`, body };
}

function v1AuthorizerContext(route: Route): string {
  switch (route.auth.type) {
    case 'CUSTOM':
      return 'LambdaAuthorizerContextV1';
    case 'COGNITO_USER_POOLS':
      return 'APIGatewayProxyCognitoAuthorizer';
    default:
      return 'APIGatewayEventDefaultAuthorizerContext';
  }
}

function v2RequestContext(route: Route): string {
  switch (route.auth.type) {
    case 'JWT':
      return 'APIGatewayEventRequestContextV2WithAuthorizer<APIGatewayEventRequestContextJWTAuthorizer>';
    case 'CUSTOM':
      return 'APIGatewayEventRequestContextV2WithAuthorizer<APIGatewayEventRequestContextLambdaAuthorizer<LambdaAuthorizerContextV2>>';
    case 'AWS_IAM':
      return 'APIGatewayEventRequestContextV2WithAuthorizer<APIGatewayEventRequestContextIAMAuthorizer>';
    default:
      return 'APIGatewayEventRequestContextV2';
  }
}

// ------------------------------------------------------------------ non-proxy (Lambda custom integration)

export interface NonProxyTypes {
  event: string;
  result: string;
  /** Where the event type came from, for the generated documentation. */
  eventSource: 'template' | 'model' | 'unknown';
  shape?: TemplateShape;
}

/** What the route's request mapping template (JSON one first) builds, when the generator can read it. */
export function nonProxyShape(integration: Integration): TemplateShape | undefined {
  const templates = integration.requestTemplates;
  const templateKey = Object.keys(templates).find((t) => contentKind(t) === 'json') ?? Object.keys(templates)[0];
  return templateKey === undefined ? undefined : analyzeRequestTemplate(templates[templateKey]!);
}

export function nonProxyTypes(route: Route, integration: Integration, space: TypeSpace): NonProxyTypes {
  const bodySchema = jsonBodySchema(route);
  let event: string;
  let eventSource: NonProxyTypes['eventSource'];
  const shape = nonProxyShape(integration);
  if (shape) {
    event = templateValueType(shape.value, bodySchema, space, '');
    eventSource = 'template';
  } else if (bodySchema !== undefined) {
    event = space.typeOf(bodySchema, 'write');
    eventSource = 'model';
  } else {
    event = 'unknown';
    eventSource = 'unknown';
  }
  const result: NonProxyTypes = { event, result: nonProxyResultType(route, integration, space), eventSource };
  if (shape) result.shape = shape;
  return result;
}

function jsonBodySchema(route: Route): Schema | undefined {
  const picked = route.requestBody ? pickContent(route.requestBody.content) : undefined;
  return picked?.kind === 'json' ? picked.schema : undefined;
}

function templateValueType(value: TemplateValue, body: Schema | undefined, space: TypeSpace, indent: string): string {
  switch (value.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'literal':
      return literalType(value.value) ?? 'unknown';
    case 'unknown':
      return 'unknown';
    case 'body': {
      const sub = body === undefined ? undefined : subSchema(body, value.path, space);
      return sub === undefined ? 'unknown' : space.typeOf(sub, 'write', indent);
    }
    case 'array':
      return `[${value.items.map((item) => templateValueType(item, body, space, indent)).join(', ')}]`;
    case 'object': {
      const inner = `${indent}  `;
      const members = value.fields.map(([key, v]) => `${inner}${propertyKey(key)}: ${templateValueType(v, body, space, inner)};`);
      return members.length === 0 ? '{}' : `{\n${members.join('\n')}\n${indent}}`;
    }
  }
}

/** The schema a property chain selects in `schema`, following refs; undefined when it leaves the schema. */
function subSchema(schema: Schema, path: (string | number)[], space: TypeSpace): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const step of path) {
    const resolved: Schema | undefined = space.resolve(current);
    if (!resolved) return undefined;
    if (typeof step === 'number') current = isSchema(resolved.items) ? resolved.items : undefined;
    else {
      const props = resolved.properties;
      current = isSchema(props) && Object.prototype.hasOwnProperty.call(props, step) && isSchema(props[step]) ? (props[step] as Schema) : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `$input.json('$.a.b')` / `$input.body`: a response template that selects part of the payload. */
const SELECTING_TEMPLATE = /^\s*\$input\.(?:(?:json|path)\(\s*(['"])(.*)\1\s*\)|(body))\s*$/;

/**
 * What the function should return: the body schema of the method response that the default
 * integration response maps to — as is when the response passes the payload through, or nested
 * where its template selects a part of it (`$input.json('$.pet')` → `{ pet: Pet }`).
 */
function nonProxyResultType(route: Route, integration: Integration, space: TypeSpace): string {
  const fallback = integration.responses.find((r) => r.selectionPattern === 'default' || r.selectionPattern === '');
  const status = fallback?.statusCode ?? (integration.responses.length === 0 ? '200' : undefined);
  if (status === undefined) return 'unknown';
  const response = route.responses.find((r) => r.status === status);
  const picked = response ? pickContent(response.content) : undefined;
  if (!picked || picked.kind !== 'json' || picked.schema === undefined) return 'unknown';
  const templates = fallback ? Object.values(fallback.responseTemplates).filter((t) => t.trim() !== '') : [];
  let path: (string | number)[] = [];
  if (templates.length > 0) {
    const m = SELECTING_TEMPLATE.exec(templates[0]!);
    const selected = m ? (m[3] !== undefined ? [] : jsonPath(m[2]!)) : undefined;
    if (selected === undefined || templates.some((t) => t.trim() !== templates[0]!.trim())) return 'unknown';
    path = selected;
  }
  let type = space.typeOf(picked.schema, 'read', '  '.repeat(path.length));
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]!;
    const indent = '  '.repeat(i);
    type = typeof step === 'number' ? `Array<${type}>` : `{\n${indent}  ${propertyKey(step)}: ${type};\n${indent}}`;
  }
  return type;
}

/** A string-literal union of route keys (for authorizer policy helpers). */
export function routeKeyUnion(keys: string[]): string {
  return keys.length === 0 ? 'never' : keys.map(stringLiteral).join(' | ');
}
