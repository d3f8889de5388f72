// The VTL engine: API Gateway mapping templates rendered offline, AWS-faithfully.
//
//   const t = compileTemplate(text);                       // parsed once, cached by text
//   const { output, overrides } = renderTemplate(t, { body, headers, query, path, context, stageVariables });
//
// Semantics: Apache Velocity 1.7 (checked against the real engine, test/vtl/velocity-oracle/)
// with API Gateway's environment (`$input`, `$util`, `$context`, `$stageVariables`) and the AWS
// behaviours recorded in ../shared/corpus/vtl: null values print as "", `null == ""` is true,
// `$input.path` maps print as `{k=v}` and JSON lists as JSON. Errors are VtlError
// (ApigwError 'BAD_TEMPLATE') with the template line and column.

import type { Access, Expr, Reference, TemplateAst, TemplateNode } from './ast.js';
import { buildContext, buildStageVariables, collectOverrides, InputObject, newUtil, toPlain, type VtlOverrides, type VtlRequest } from './environment.js';
import { VtlError } from './errors.js';
import { evaluate } from './evaluate.js';
import { parseToAst } from './parse.js';

export type { Access, Expr, Reference, TemplateAst, TemplateNode, Position, IfBranch, MacroDefinition } from './ast.js';
export type { VtlRequest, VtlOverrides } from './environment.js';
export { HIDDEN_HEADERS } from './environment.js';
export { VtlError, VtlLimitError } from './errors.js';
export { UTIL_FUNCTIONS, escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode } from './util.js';
export type { UtilFunction } from './util.js';
export {
  TEMPLATE_CONTEXT_VARIABLES,
  ACCESS_LOG_ONLY_CONTEXT_VARIABLES,
  GATEWAY_RESPONSE_ONLY_CONTEXT_VARIABLES,
  OVERRIDE_TARGETS,
  isTemplateContextVariable,
} from './context-variables.js';
export { evaluateJsonPath } from './jsonpath.js';
export * from './limits.js';
export { MAX_NESTING_DEPTH } from './parse.js';

/** Template size limit of API Gateway (aws-apigateway.md §3.1). */
export const MAX_TEMPLATE_BYTES = 300 * 1024;

export interface CompiledTemplate {
  readonly text: string;
  readonly ast: TemplateAst;
}

export interface VtlRenderResult {
  output: string;
  /** What the template assigned to `$context.requestOverride` / `$context.responseOverride`. */
  overrides: VtlOverrides;
  /**
   * The override maps as plain data (custom keys included), to pass as `context` to the next
   * template of the same request, as API Gateway carries `$context` from the request template to
   * the response template.
   */
  overrideContext: { requestOverride: unknown; responseOverride: unknown };
}

const CACHE_LIMIT = 500;
const cache = new Map<string, CompiledTemplate>();

/** Parse `text` (cached by text; least recently used entries are dropped). Throws VtlError. */
export function compileTemplate(text: string): CompiledTemplate {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const compiled: CompiledTemplate = Object.freeze({ text, ast: parseToAst(text) });
  cache.set(text, compiled);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return compiled;
}

/** Render a compiled template (or template text) against a request. Throws VtlError on render errors. */
export function renderTemplate(template: CompiledTemplate | string, request: VtlRequest = {}): VtlRenderResult {
  const compiled = typeof template === 'string' ? compileTemplate(template) : template;
  const context = buildContext(request);
  const globals = new Map<string, unknown>();
  globals.set('input', new InputObject(request));
  globals.set('util', newUtil());
  globals.set('context', context);
  globals.set('stageVariables', buildStageVariables(request));
  const result = evaluate(compiled.ast, globals);
  return {
    output: result.output,
    overrides: collectOverrides(context, result.duplicateOverrides),
    overrideContext: { requestOverride: toPlain(context.get('requestOverride')), responseOverride: toPlain(context.get('responseOverride')) },
  };
}

export interface ParseResult {
  /** The AST, or undefined when the template has a syntax error. */
  ast: TemplateAst | undefined;
  /** Syntax errors (at most one: parsing stops at the first). */
  errors: VtlError[];
}

/** Parse without throwing, for lint rules. Not cached. */
export function parseTemplate(text: string): ParseResult {
  try {
    return { ast: parseToAst(text), errors: [] };
  } catch (e) {
    if (e instanceof VtlError) return { ast: undefined, errors: [e] };
    throw e;
  }
}

export interface ReferenceVisit {
  ref: Reference;
  /** Dotted names of the leading property accesses, e.g. `context.requestOverride.header.X`. */
  dottedPath: string;
  /** The reference is the left side of a #set. */
  assigned: boolean;
  /** The method called right after the root (e.g. `escapeJavaScript` for `$util.escapeJavaScript(x)`). */
  firstMethod: string | undefined;
}

/** Visit every reference in the template (including those in arguments and string literals). */
export function walkReferences(ast: TemplateAst, visit: (v: ReferenceVisit) => void): void {
  const onRef = (ref: Reference, assigned: boolean) => {
    const names: string[] = [ref.root];
    for (const a of ref.path) {
      if (a.kind === 'property') names.push(a.name);
      else if (a.kind === 'index' && a.index.kind === 'literal' && typeof a.index.value === 'string') names.push(a.index.value);
      else break;
    }
    const first = ref.path[0];
    visit({ ref, dottedPath: names.join('.'), assigned, firstMethod: first?.kind === 'method' ? first.name : undefined });
    for (const a of ref.path) onAccess(a);
  };
  const onAccess = (a: Access) => {
    if (a.kind === 'method') a.args.forEach(onExpr);
    else if (a.kind === 'index') onExpr(a.index);
  };
  const onExpr = (e: Expr): void => {
    switch (e.kind) {
      case 'reference': onRef(e.ref, false); break;
      case 'interpolated': onNodes(e.nodes); break;
      case 'list': e.items.forEach(onExpr); break;
      case 'range': onExpr(e.from); onExpr(e.to); break;
      case 'map': e.entries.forEach(([k, x]) => { onExpr(k); onExpr(x); }); break;
      case 'operator': e.operands.forEach(onExpr); break;
      default: break;
    }
  };
  const onNodes = (nodes: TemplateNode[]): void => {
    for (const n of nodes) {
      switch (n.kind) {
        case 'reference': onRef(n.ref, false); break;
        case 'set': onRef(n.target, true); onExpr(n.value); break;
        case 'if': for (const b of n.branches) { if (b.condition) onExpr(b.condition); onNodes(b.body); } break;
        case 'foreach': onExpr(n.iterable); onNodes(n.body); break;
        case 'macroCall': n.args.forEach(onExpr); break;
        case 'define': onNodes(n.body); break;
        default: break;
      }
    }
  };
  onNodes(ast.nodes);
  for (const m of ast.macros.values()) onNodes(m.body);
}
