import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isDeclaredReference } from './support.js';

export const apigwInt031: Rule = {
  id: 'APIGW-INT-031',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'cacheKeyParameters must be declared method request parameters',
  fact: 'Cache key parameters must be method.request.(path|querystring|header).NAME and also be declared as method request parameters [A].',
  visitors: {
    integration(integration, route, ctx) {
      integration.cacheKeyParameters.forEach((entry, i) => {
        const pointer = child(integration.pointer, 'cacheKeyParameters', i);
        const ref = /^method\.request\.(path|querystring|header)\./.test(entry) ? isDeclaredReference(route, entry) : undefined;
        if (!ref) {
          ctx.report({ pointer, message: `cacheKeyParameters entry ${JSON.stringify(entry)} is not a method request parameter. Write method.request.path.NAME, method.request.querystring.NAME or method.request.header.NAME.` });
        } else if (!ref.declared) {
          const loc = ref.location === 'path' ? 'path' : ref.location === 'querystring' ? 'query' : 'header';
          ctx.report({ pointer, message: `cacheKeyParameters names ${entry} but ${route.key} declares no ${loc} parameter "${ref.name}". Add { name: ${ref.name}, in: ${loc} } to the operation's parameters.` });
        }
      });
    },
  },
};
