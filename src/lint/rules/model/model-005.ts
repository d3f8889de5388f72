import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject } from '../../helpers/raw.js';

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/** JSON bodies become models; binary and text bodies legitimately have a string schema. */
function isJsonMediaType(mt: string): boolean {
  return /[/+]json\b/i.test(mt);
}

export const apigwModel005: Rule = {
  id: 'APIGW-MODEL-005',
  severity: 'error',
  description: 'A JSON method response schema must be an object (or a $ref to a model), not a primitive',
  fact: 'A method response schema must be an object type, not a primitive; use a $ref to a named model as the workaround [D].',
  appliesTo: ['rest'],
  visitors: {
    response(response, _route, ctx) {
      for (const [mt, { schema }] of Object.entries(response.content)) {
        if (!isObject(schema) || '$ref' in schema || !isJsonMediaType(mt)) continue;
        const type = schema.type;
        if (typeof type === 'string' && PRIMITIVES.has(type)) {
          const pointer = ctx.api.version === '2.0' ? child(response.pointer, 'schema') : child(response.pointer, 'content', mt, 'schema');
          ctx.report({ message: `the ${response.status} response schema for ${mt} is a primitive (type: ${type}); API Gateway needs an object model: wrap it in an object, or $ref a named model`, pointer });
        }
      }
    },
  },
};
