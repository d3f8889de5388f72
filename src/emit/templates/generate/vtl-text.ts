// The few VTL idioms every generated template is built from, each written once so the escaping
// rules of aws-apigateway.md §3.9 hold everywhere:
//  - a value placed inside a JSON string goes through `$util.escapeJavaScript(...)` and then
//    `.replaceAll("\\'","'")`, because escapeJavaScript turns `'` into `\'`, which JSON rejects;
//  - `$input.json(...)` is already JSON and is never quoted;
//  - a value placed in a form body goes through `$util.urlEncode(...)`.
// Names from the spec or the config (property names, parameter names, literals) only reach a
// template after `assertSafe…` checks, so none can smuggle in `$`, `#`, quotes or backslashes.

import { ApigwError } from '../../../errors.js';

/** A VTL expression whose value (a string) is written inside a JSON string literal. */
export function inJsonString(expression: string): string {
  return `$util.escapeJavaScript(${expression}).replaceAll("\\\\'","'")`;
}

/** A VTL expression whose value is written into an `application/x-www-form-urlencoded` body. */
export function inFormBody(expression: string): string {
  return `$util.urlEncode(${expression})`;
}

/** Property and parameter names that can appear in a template: no quote, `$`, `#`, `\`, control characters. */
const SAFE_NAME = /^[\p{L}\p{N}\p{M}_\-.:@ +=,;!?%&*()[\]{}<>|~^]+$/u;

/** Throws unless `name` may be written inside a single-quoted VTL string and a JSON string verbatim. */
export function assertSafeName(name: string, what: string): void {
  if (!SAFE_NAME.test(name) || name.includes('[') || name.includes(']')) {
    throw new ApigwError('BAD_TEMPLATE', `cannot generate a template for ${what} ${JSON.stringify(name)}: names used in generated templates may not contain quotes, backslashes, "$", "#", "[", "]" or control characters`);
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One step of a JSONPath: `.name` for identifiers, `['na-me']` otherwise (names are checked safe first). */
export function jsonPathStep(name: string): string {
  assertSafeName(name, 'property');
  return IDENTIFIER.test(name) ? `.${name}` : `['${name}']`;
}

/**
 * A JSONPath as a VTL string literal. Paths with a loop index (`[$i0]`) must be double-quoted so
 * Velocity interpolates the index; others are single-quoted, where nothing is interpolated.
 */
export function pathLiteral(path: string): string {
  if (/\$i\d/.test(path)) return `"${path}"`;
  // Inside single quotes, bracket steps use JSONPath's other quote (names never hold quotes).
  return `'${path.replace(/\['([^'\]]*)'\]/g, '["$1"]')}'`;
}

/** `$input.path('<path>')`. */
export function inputPath(path: string): string {
  return `$input.path(${pathLiteral(path)})`;
}

/** `$input.json('<path>')`. */
export function inputJson(path: string): string {
  return `$input.json(${pathLiteral(path)})`;
}

/** A JSON string literal of a checked literal value (config values: table names, ARNs, …). */
export function jsonLiteral(text: string): string {
  return JSON.stringify(text);
}

/** Indents content lines; directive lines stay at column 0 so Velocity drops them whole, and empty lines stay empty. */
export function indentContent(lines: readonly string[], by: string): string[] {
  return lines.map((l) => (l === '' || l.startsWith('#') ? l : by + l));
}
