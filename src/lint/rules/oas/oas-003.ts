import type { Rule } from '../../rule.js';
import type { Route } from '../../../model/types.js';
import { child } from '../../pointer.js';

export const oas003: Rule = {
  id: 'OAS-003',
  severity: 'error',
  description: 'operationIds must be unique',
  fact: 'OpenAPI requires operationId to be unique among all operations; API Gateway uses it as the method\'s operationName and generated SDKs as the function name, so duplicates produce clashing SDK methods [D][I].',
  visitors: {
    api(api, ctx) {
      const first = new Map<string, Route>();
      for (const route of api.routes) {
        const id = route.operationId;
        if (id === undefined) continue;
        const earlier = first.get(id);
        if (!earlier) first.set(id, route);
        else if (earlier.pointer !== route.pointer) {
          ctx.report({ message: `operationId '${id}' is already used by ${earlier.key}: give this operation a unique operationId`, pointer: child(route.pointer, 'operationId') });
        }
      }
    },
  },
};
