import type { Rule } from '../../rule.js';
import { isObject, rawAt, type JsonObject } from '../../helpers/raw.js';

/**
 * Keywords that restrict a parameter's value: a reader expects them enforced, and API Gateway does
 * not. Serialization and documentation keywords (style, explode, example, deprecated, items' type…)
 * are not reported: API Gateway passes the raw value through, so the backend reads them as before.
 */
const CONSTRAINTS = new Set([
  'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'allowEmptyValue',
]);

/** `prefix`-qualified constraint keywords of `node` and of its `items` (OAS2 arrays and OAS3 array schemas). */
function constraintsOf(node: JsonObject, prefix: string, out: string[], depth = 0): void {
  for (const k of Object.keys(node)) if (CONSTRAINTS.has(k)) out.push(prefix + k);
  if (depth < 4 && isObject(node.items)) constraintsOf(node.items, `${prefix}items.`, out, depth + 1);
}

export const apigwParam002: Rule = {
  id: 'APIGW-PARAM-002',
  severity: 'warn',
  description: 'REST APIs do not enforce parameter constraints (enum, pattern, format, min/max…)',
  fact: 'For parameters only name, in, required, type and description are used; enum, pattern, format, schema constraints, style, explode and the rest are ignored — API Gateway validates presence only [D].',
  appliesTo: ['rest'],
  visitors: {
    parameter(parameter, _route, ctx) {
      const raw = rawAt(ctx, parameter.pointer);
      if (!isObject(raw)) return;
      const ignored: string[] = [];
      constraintsOf(raw, '', ignored);
      if (isObject(raw.schema)) constraintsOf(raw.schema, 'schema.', ignored);
      if (ignored.length > 0) {
        ctx.report({
          message: `API Gateway ignores ${ignored.join(', ')} on parameter '${parameter.name}' and validates only that it is present: enforce them in the backend (or a JSON body model) if they matter`,
          pointer: parameter.pointer,
        });
      }
    },
  },
};
