// Parameter mapping expressions (AWS docs: "Parameter mapping source reference for REST APIs"):
// `'literal'`, `method.request.{path,querystring,header,multivalueheader,multivaluequerystring}.X`,
// `method.request.body[.JSONPath]`, `integration.response.{header,multivalueheader}.X`,
// `integration.response.body[.JSONPath]`, `context.X`, `stageVariables.X`.

import { evaluateJsonPath } from '../vtl/index.js';
import { headerValues, type RequestContext } from './context.js';
import { contextVariables, own, queryPairs } from './request-values.js';

export interface MappingSources {
  ctx: RequestContext;
  integration?: { headers: readonly [string, string][]; body: string };
}

/** The value an expression maps to; undefined when its source is absent (the target is then not set). */
export function mappingValue(expression: unknown, sources: MappingSources): string | undefined {
  if (typeof expression !== 'string') return undefined;
  const literal = /^'(.*)'$/s.exec(expression);
  if (literal) return literal[1];
  const { ctx } = sources;
  const dot = (prefix: string) => (expression.startsWith(prefix) ? expression.slice(prefix.length) : undefined);
  let name: string | undefined;
  if ((name = dot('method.request.path.')) !== undefined) return own(ctx.match?.pathParameters, name);
  if ((name = dot('method.request.querystring.')) !== undefined) return lastOf(queryValues(ctx, name));
  if ((name = dot('method.request.multivaluequerystring.')) !== undefined) return joined(queryValues(ctx, name));
  if ((name = dot('method.request.header.')) !== undefined) return lastOf(headerValues(ctx.request.headers, name));
  if ((name = dot('method.request.multivalueheader.')) !== undefined) return joined(headerValues(ctx.request.headers, name));
  if (expression === 'method.request.body') return ctx.request.body.toString('utf8');
  if ((name = dot('method.request.body.')) !== undefined) return bodyPath(ctx.request.body.toString('utf8'), name);
  if ((name = dot('stageVariables.')) !== undefined) return own(ctx.settings.stageVariables, name);
  if ((name = dot('context.')) !== undefined) return contextValue(contextVariables(ctx), name);
  const response = sources.integration;
  if (response) {
    if ((name = dot('integration.response.header.')) !== undefined) return lastOf(headerValues(response.headers, name));
    if ((name = dot('integration.response.multivalueheader.')) !== undefined) return joined(headerValues(response.headers, name));
    if (expression === 'integration.response.body') return response.body;
    if ((name = dot('integration.response.body.')) !== undefined) return bodyPath(response.body, name);
  }
  return undefined;
}

function queryValues(ctx: RequestContext, name: string): string[] {
  return queryPairs(ctx.request.rawQuery).filter(([k]) => k === name).map(([, v]) => v);
}

const lastOf = (values: string[]) => (values.length > 0 ? values[values.length - 1] : undefined);
const joined = (values: string[]) => (values.length > 0 ? values.join(',') : undefined);

function bodyPath(body: string, path: string): string | undefined {
  try {
    const value = evaluateJsonPath(JSON.parse(body) as unknown, `$.${path}`);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function contextValue(context: Record<string, unknown>, dotted: string): string | undefined {
  let value: unknown = context;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value === null || value === undefined ? undefined : String(value);
}

/** Substitute `${stageVariables.x}` in an integration URI (unknown variables become empty, as on AWS). */
export function withStageVariables(text: string, stageVariables: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => (Object.hasOwn(stageVariables, name) ? stageVariables[name]! : ''));
}
