import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { deref, isObject, parentPointer, rawAt } from '../../helpers/raw.js';

export const apigwParam003: Rule = {
  id: 'APIGW-PARAM-003',
  severity: 'warn',
  description: 'in: cookie and in: formData parameters do not become method request parameters',
  fact: 'Only path, querystring and header locations become method request parameters [A][O].',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      const root = ctx.document.document;
      for (const owner of [route.pointer, parentPointer(route.pointer)]) {
        const list = rawAt(ctx, child(owner, 'parameters'));
        if (!Array.isArray(list)) continue;
        list.forEach((raw, i) => {
          const at = child(owner, 'parameters', i);
          const { node, pointer } = deref(root, raw, at);
          if (!isObject(node) || (node.in !== 'cookie' && node.in !== 'formData')) return;
          const hint = node.in === 'cookie' ? "read it from the Cookie header ('in: header', name: Cookie)" : 'describe the form as a request body model';
          ctx.report({ message: `'in: ${node.in}' parameter '${String(node.name)}' is not a method request parameter in API Gateway: ${hint}`, pointer });
        });
      }
    },
  },
};
