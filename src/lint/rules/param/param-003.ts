import type { Rule } from '../../rule.js';
import { isObject } from '../../helpers/raw.js';
import { rawParameterLists } from '../../helpers/raw-parameters.js';

export const apigwParam003: Rule = {
  id: 'APIGW-PARAM-003',
  severity: 'warn',
  description: 'in: cookie and in: formData parameters do not become method request parameters',
  fact: 'Only path, querystring and header locations become method request parameters [A][O].',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      for (const list of rawParameterLists(route, ctx)) {
        for (const { node, pointer } of list) {
          if (!isObject(node) || (node.in !== 'cookie' && node.in !== 'formData')) continue;
          const hint = node.in === 'cookie' ? "read it from the Cookie header ('in: header', name: Cookie)" : 'describe the form as a request body model';
          ctx.report({ message: `'in: ${node.in}' parameter '${String(node.name)}' is not a method request parameter in API Gateway: ${hint}`, pointer });
        }
      }
    },
  },
};
