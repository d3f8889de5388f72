import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { deref, isObject, parentPointer, rawAt } from '../../helpers/raw.js';

export const oas005: Rule = {
  id: 'OAS-005',
  severity: 'warn',
  description: 'A parameter list must not declare the same name and location twice',
  fact: 'OpenAPI: "The list MUST NOT include duplicated parameters. A unique parameter is defined by a combination of a name and location." Which copy API Gateway keeps is undocumented [I].',
  visitors: {
    route(route, ctx) {
      const root = ctx.document.document;
      for (const owner of [route.pointer, parentPointer(route.pointer)]) {
        const list = rawAt(ctx, child(owner, 'parameters'));
        if (!Array.isArray(list)) continue;
        const seen = new Map<string, number>();
        list.forEach((raw, i) => {
          const at = child(owner, 'parameters', i);
          const { node } = deref(root, raw, at);
          if (!isObject(node) || typeof node.name !== 'string' || typeof node.in !== 'string') return;
          const key = `${node.in}\u0000${node.name}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, i);
          else ctx.report({ message: `parameter '${node.name}' (in: ${node.in}) is already declared at index ${first}: remove the duplicate`, pointer: at });
        });
      }
    },
  },
};
