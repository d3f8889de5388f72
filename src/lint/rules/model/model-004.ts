import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { modelSchemas } from '../../helpers/schema-walk.js';
import { isObject } from '../../helpers/raw.js';

export const apigwModel004: Rule = {
  id: 'APIGW-MODEL-004',
  severity: 'error',
  description: 'oneOf is unsupported in Swagger 2.0; in OAS 3.0 a oneOf/anyOf/allOf must not $ref into its own model',
  fact: 'oneOf is not supported for OpenAPI 2.0 or for SDK generation; OAS 3.0: oneOf, anyOf or allOf that $ref a definition in the same schema is not supported — inline it or make a separate model [D].',
  appliesTo: ['rest'],
  visitors: {
    model(model, ctx) {
      const self = model.pointer;
      for (const node of modelSchemas(model)) {
        const schema = node.schema;
        if (ctx.api.version === '2.0') {
          if ('oneOf' in schema) {
            ctx.report({ message: 'oneOf is not supported for Swagger 2.0 API Gateway models (nor for SDK generation): use a single schema or convert to OpenAPI 3.0', pointer: child(node.pointer, 'oneOf'), severity: 'warn' });
          }
          continue;
        }
        for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
          const list = schema[key];
          if (!Array.isArray(list)) continue;
          list.forEach((item, i) => {
            if (!isObject(item) || typeof item.$ref !== 'string') return;
            const target = item.$ref.startsWith('#') ? item.$ref.slice(1) : '';
            if (target === self || target.startsWith(self + '/')) {
              ctx.report({ message: `${key} in model '${model.name}' references its own schema (${item.$ref}); API Gateway cannot import that: move the referenced part into a separate model`, pointer: child(node.pointer, key, i, '$ref') });
            }
          });
        }
      }
    },
  },
};
