import type { Rule } from '../../rule.js';
import { isObject } from '../../helpers/raw.js';
import { rawParameterLists } from '../../helpers/raw-parameters.js';

export const oas005: Rule = {
  id: 'OAS-005',
  severity: 'warn',
  description: 'A parameter list must not declare the same name and location twice',
  fact: 'OpenAPI: "The list MUST NOT include duplicated parameters. A unique parameter is defined by a combination of a name and location." Which copy API Gateway keeps is undocumented [I].',
  visitors: {
    route(route, ctx) {
      for (const list of rawParameterLists(route, ctx)) {
        const seen = new Map<string, number>();
        for (const { node, at, index } of list) {
          if (!isObject(node) || typeof node.name !== 'string' || typeof node.in !== 'string') continue;
          const key = `${node.in}\u0000${node.name}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, index);
          else ctx.report({ message: `parameter '${node.name}' (in: ${node.in}) is already declared at index ${first}: remove the duplicate`, pointer: at });
        }
      }
    },
  },
};
