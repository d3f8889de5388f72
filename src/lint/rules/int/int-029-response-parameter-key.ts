import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { methodResponse } from './support.js';

export const apigwInt029: Rule = {
  id: 'APIGW-INT-029',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Integration response parameter keys must be method.response.header.NAME declared on the method response',
  judgesKey: true,
  fact: 'responseParameters keys are method.response.header.NAME and the header must be declared in that method response\'s headers; otherwise `Invalid mapping expression parameter specified: method.response.header.NAME` [O][A].',
  visitors: {
    integration(integration, route, ctx) {
      for (const ir of integration.responses) {
        const declared = ir.statusCode !== undefined ? methodResponse(route, ir.statusCode) : undefined;
        const names = new Set(Object.keys(declared?.headers ?? {}).map((h) => h.toLowerCase()));
        for (const key of Object.keys(ir.responseParameters)) {
          const pointer = child(ir.pointer, 'responseParameters', key);
          const m = /^method\.response\.header\.(.+)$/.exec(key);
          if (!m) {
            ctx.report({ pointer, message: `responseParameters key ${JSON.stringify(key)} is not a method response header. Write method.response.header.NAME.` });
            continue;
          }
          if (!declared || names.has(m[1]!.toLowerCase())) continue;
          ctx.report({
            pointer,
            message: `${key} is mapped but the ${ir.statusCode} response of ${route.key} declares no header "${m[1]}"; import fails with "Invalid mapping expression parameter specified: ${key}". Add ${m[1]} to responses."${ir.statusCode}".headers.`,
          });
        }
      }
    },
  },
};
