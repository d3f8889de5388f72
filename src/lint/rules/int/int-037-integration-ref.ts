import type { Rule } from '../../rule.js';
import { child, getAt, unescapeToken } from '../../pointer.js';
import { hasKey, isRecord, own } from './support.js';

const PREFIX = '#/components/x-amazon-apigateway-integrations/';

export const apigwInt037: Rule = {
  id: 'APIGW-INT-037',
  severity: 'error',
  appliesTo: ['http'],
  description: 'An x-amazon-apigateway-integration $ref must name an entry of components.x-amazon-apigateway-integrations',
  fact: 'HTTP API operations may reference a reusable integration with {"$ref": "#/components/x-amazon-apigateway-integrations/<name>"}; the target must exist [D][I].',
  visitors: {
    route(route, ctx) {
      const ext = own(getAt(ctx.document.document, route.pointer), 'x-amazon-apigateway-integration');
      const ref = own(ext, '$ref');
      if (typeof ref !== 'string' || !ref.startsWith('#/')) return;
      if (getAt(ctx.document.document, ref.slice(1)) !== undefined) return;
      const defined = own(own(ctx.document.document, 'components'), 'x-amazon-apigateway-integrations');
      const names = isRecord(defined) ? Object.keys(defined) : [];
      const name = ref.startsWith(PREFIX) ? unescapeToken(ref.slice(PREFIX.length)) : ref;
      const hint = names.length ? ` Defined integrations: ${names.join(', ')}.` : ' Define it under components.x-amazon-apigateway-integrations.';
      ctx.report({
        pointer: child(route.pointer, 'x-amazon-apigateway-integration', '$ref'),
        message: `The integration $ref ${JSON.stringify(ref)} points at nothing, so ${route.key} has no integration.${hint}${hasKey(defined, name) ? '' : ` Add "${name}" there or fix the reference.`}`,
      });
    },
  },
};
