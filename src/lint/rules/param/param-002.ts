import type { Rule } from '../../rule.js';
import { isObject, rawAt } from '../../helpers/raw.js';

const USED = new Set(['name', 'in', 'required', 'type', 'description', 'schema', '$ref']);
/** Inside an OAS3 `schema`, only the type carries over. */
const USED_IN_SCHEMA = new Set(['type']);

export const apigwParam002: Rule = {
  id: 'APIGW-PARAM-002',
  severity: 'warn',
  description: 'REST APIs use only name, in, required, type and description of a parameter',
  fact: 'For parameters only name, in, required, type and description are used; enum, pattern, format, schema constraints, style, explode and the rest are ignored — API Gateway validates presence only [D].',
  appliesTo: ['rest'],
  visitors: {
    parameter(parameter, _route, ctx) {
      const raw = rawAt(ctx, parameter.pointer);
      if (!isObject(raw)) return;
      const ignored = Object.keys(raw).filter((k) => !USED.has(k) && !k.startsWith('x-'));
      if (isObject(raw.schema)) {
        for (const k of Object.keys(raw.schema)) if (!USED_IN_SCHEMA.has(k) && k !== '$ref' && !k.startsWith('x-')) ignored.push(`schema.${k}`);
      }
      if (ignored.length > 0) {
        ctx.report({
          message: `API Gateway ignores ${ignored.join(', ')} on parameter '${parameter.name}' and validates only that it is present: enforce them in the backend (or a JSON body model) if they matter`,
          pointer: parameter.pointer,
        });
      }
    },
  },
};
