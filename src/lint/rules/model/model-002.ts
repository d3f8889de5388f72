import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { modelSchemas } from '../../helpers/schema-walk.js';

const UNSUPPORTED = ['discriminator', 'example', 'nullable', 'readOnly', 'default', 'exclusiveMinimum'] as const;
const UNSUPPORTED_BIT = new Map<string, number>(UNSUPPORTED.map((k, i) => [k, 1 << i]));

/**
 * Which UNSUPPORTED keywords `schema` has, as a bit set: one pass over its few keys instead of six
 * lookups each on ~60,000 schemas of many shapes (Stripe). Loaded schemas are plain data, so their
 * enumerable keys are exactly the keys `in` finds.
 */
function unsupportedBits(schema: object): number {
  let bits = 0;
  for (const key in schema) bits |= UNSUPPORTED_BIT.get(key) ?? 0;
  return bits;
}

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
        const bits = unsupportedBits(node.schema);
        if (bits === 0) continue;
        for (const k of UNSUPPORTED) {
          if ((bits & UNSUPPORTED_BIT.get(k)!) === 0) continue;
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
