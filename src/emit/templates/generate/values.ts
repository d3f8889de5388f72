// Where a generated template takes a value from (a table name, a topic ARN, a partition key …).
// Config writes them in API Gateway's own mapping syntax, so they read like `requestParameters`:
//   "Pets"                              a literal
//   "stageVariables.tableName"          $stageVariables.tableName
//   "context.requestId"                 $context.requestId
//   "method.request.path.petId"         a path parameter (also querystring / header)
//   "method.request.body.order.id"      a field of the JSON body ($.order.id)

import { ApigwError } from '../../../errors.js';
import { isTemplateContextVariable } from '../../../vtl/index.js';
import { inFormBody, inJsonString, inputPath, jsonPathStep } from './vtl-text.js';

export type TemplateValue =
  | { from: 'literal'; value: string }
  | { from: 'stageVariable'; name: string }
  | { from: 'context'; name: string }
  | { from: 'param'; location: 'path' | 'querystring' | 'header'; name: string }
  | { from: 'body'; path: string };

/** Literals are written into templates verbatim: they may only hold characters that mean nothing to VTL, JSON or a form body's structure. */
const SAFE_LITERAL = /^[A-Za-z0-9_.:/+=,@-]*$/;
const VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const PARAM_NAME = /^[A-Za-z0-9_.-]+$/;

export const literal = (value: string): TemplateValue => {
  if (!SAFE_LITERAL.test(value)) {
    throw new ApigwError('BAD_CONFIG', `the value ${JSON.stringify(value)} cannot be written into a template: literals may hold only letters, digits and _ . : / + = , @ -; take other values from a stage variable`);
  }
  return { from: 'literal', value };
};

/** Parses the config syntax above; `where` names the config field in error messages. */
export function parseTemplateValue(text: string, where: string): TemplateValue {
  const fail = (why: string) => new ApigwError('BAD_CONFIG', `${where}: ${why}`);
  let m = /^stageVariables\.(.+)$/.exec(text);
  if (m) {
    if (!VARIABLE_NAME.test(m[1]!)) throw fail(`stage variable names may only hold letters, digits and _ (got ${JSON.stringify(m[1])})`);
    return { from: 'stageVariable', name: m[1]! };
  }
  m = /^context\.(.+)$/.exec(text);
  if (m) {
    if (!/^[A-Za-z0-9_.]+$/.test(m[1]!) || !isTemplateContextVariable(m[1]!)) throw fail(`$context.${m[1]} is not a variable mapping templates can read`);
    return { from: 'context', name: m[1]! };
  }
  m = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(text);
  if (m) {
    if (!PARAM_NAME.test(m[2]!)) throw fail(`parameter names may only hold letters, digits and _ . - (got ${JSON.stringify(m[2])})`);
    return { from: 'param', location: m[1] as 'path' | 'querystring' | 'header', name: m[2]! };
  }
  m = /^method\.request\.body\.(.+)$/.exec(text);
  if (m) {
    const path = '$' + m[1]!.split('.').map((step) => jsonPathStep(step)).join('');
    return { from: 'body', path };
  }
  try {
    return literal(text);
  } catch (e) {
    if (e instanceof ApigwError) throw fail(e.message);
    throw e;
  }
}

/**
 * The VTL expression of a non-literal value, as a string. `"$!x"` turns an absent value into `""`
 * (escapeJavaScript and urlEncode fail on null).
 */
function expression(value: Exclude<TemplateValue, { from: 'literal' }>): string {
  switch (value.from) {
    case 'stageVariable': return `"$!stageVariables.${value.name}"`;
    case 'context': return `"$!context.${value.name}"`;
    // `params().<location>` reads only that location; `$input.params(x)` would fall back to others.
    case 'param': return `"$!input.params().${value.location}.get('${value.name}')"`;
    case 'body': return `"$!${inputPath(value.path).slice(1)}"`;
  }
}

/** The value written inside a JSON string (without the surrounding quotes). */
export function valueInJsonString(value: TemplateValue): string {
  return value.from === 'literal' ? value.value : inJsonString(expression(value));
}

/** The value written into a form body, URL-encoded. */
export function valueInFormBody(value: TemplateValue): string {
  return value.from === 'literal' ? encodeURIComponent(value.value) : inFormBody(expression(value));
}

/** What a reader must set up for the template to work (`stageVariables.tableName`). */
export function valueRequirement(value: TemplateValue): string | undefined {
  return value.from === 'stageVariable' ? `stageVariables.${value.name}` : undefined;
}
