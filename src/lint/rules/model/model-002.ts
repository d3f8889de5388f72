import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { modelSchemas } from '../../helpers/schema-walk.js';

const UNSUPPORTED = ['discriminator', 'example', 'nullable', 'readOnly', 'default', 'exclusiveMinimum'] as const;

export const apigwModel002: Rule = {
  id: 'APIGW-MODEL-002',
  severity: 'warn',
  description: 'REST models ignore discriminator, example, nullable, readOnly, default and exclusiveMinimum',
  fact: 'Not supported in REST API models: discriminator, example, nullable, readOnly, default, exclusiveMinimum (known issues for REST APIs) [D].',
  appliesTo: ['rest'],
  visitors: {
    model(model, ctx) {
      // One report per keyword per model, at its first use: thousands of identical warnings help nobody.
      const found = new Map<string, { pointer: string; count: number }>();
      for (const node of modelSchemas(model)) {
        const schema = node.schema;
        for (const k of UNSUPPORTED) {
          if (!(k in schema)) continue;
          const f = found.get(k);
          if (f) f.count++;
          else found.set(k, { pointer: child(node.pointer, k), count: 1 });
        }
      }
      for (const [k, { pointer, count }] of found) {
        const more = count > 1 ? ` (${count} uses in this model)` : '';
        const effect = k === 'nullable' ? 'null values fail request validation' : 'it has no effect in API Gateway';
        ctx.report({ message: `'${k}' is not supported in API Gateway models${more}: ${effect}; remove it from the deployed model or accept that it is ignored`, pointer });
      }
    },
  },
};
