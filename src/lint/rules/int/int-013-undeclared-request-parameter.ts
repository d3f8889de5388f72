import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isDeclaredReference } from './support.js';
import { hasBrokenParameter } from '../../helpers/broken-refs.js';

export const apigwInt013: Rule = {
  id: 'APIGW-INT-013',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Mapped method.request.* parameters must be declared on the operation',
  fact: '"The method request parameters must be defined before being referenced" [D]; import fails with `Invalid mapping expression parameter specified: method.request.header.Authorization` [O].',
  visitors: {
    integration(integration, route, ctx) {
      // The parameter may be the one behind a broken ref (OAS-002 reports it).
      if (hasBrokenParameter(ctx.document, route.pointer)) return;
      for (const [key, value] of Object.entries(integration.requestParameters)) {
        if (typeof value !== 'string') continue;
        const ref = isDeclaredReference(route, value);
        if (!ref || ref.declared) continue;
        const loc = ref.location === 'path' ? 'path' : ref.location.includes('querystring') ? 'query' : 'header';
        ctx.report({
          pointer: child(integration.pointer, 'requestParameters', key),
          message: `${value} is mapped but ${route.key} declares no ${loc} parameter "${ref.name}"; import fails with "Invalid mapping expression parameter specified: ${value}". Add { name: ${ref.name}, in: ${loc} } to the operation's parameters.`,
        });
      }
    },
  },
};
