import type { Rule } from '../../rule.js';
import { child, getAt } from '../../pointer.js';
import { walkSchema } from '../../helpers/schema-walk.js';
import { isObject } from '../../helpers/raw.js';

export const apigwModel007: Rule = {
  id: 'APIGW-MODEL-007',
  severity: 'info',
  description: 'minItems / maxItems in a validated request model are not enforced',
  fact: 'minItems and maxItems are not enforced when imported from OpenAPI; patch the model after import [D].',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      if (!route.validator || !route.requestBody) return;
      const validator = ctx.api.validators.find((v) => v.name === route.validator);
      if (!validator?.validateRequestBody) return;
      const root = ctx.document.document;
      const visited = new Set<string>();
      const base = ctx.api.version === '2.0' ? undefined : route.requestBody.pointer;
      for (const [mt, { schema }] of Object.entries(route.requestBody.content)) {
        const start = base ? child(base, 'content', mt, 'schema') : undefined;
        const queue: { schema: unknown; pointer: string }[] = [{ schema, pointer: start ?? route.requestBody.pointer }];
        while (queue.length) {
          const { schema: s, pointer } = queue.pop()!;
          for (const node of walkSchema(s, pointer)) {
            for (const k of ['minItems', 'maxItems'] as const) {
              if (k in node.schema) {
                ctx.report({ message: `${k} is not enforced by API Gateway request validation (${route.key} validates this body): check it in the backend`, pointer: child(node.pointer, k) });
              }
            }
            const ref = node.schema.$ref;
            if (typeof ref === 'string' && ref.startsWith('#/') && !visited.has(ref)) {
              visited.add(ref);
              const target = getAt(root, ref.slice(1));
              if (isObject(target)) queue.push({ schema: target, pointer: ref.slice(1) });
            }
          }
        }
      }
    },
  },
};
