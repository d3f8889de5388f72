import type { Rule } from '../../rule.js';
import { child, unescapeToken } from '../../pointer.js';
import { hasKey, isRecord, own } from './support.js';
import { rawAt } from '../../helpers/raw.js';
import { isBehindBrokenRef } from '../../helpers/broken-refs.js';

const PREFIX = '#/components/x-amazon-apigateway-integrations/';

export const apigwInt037: Rule = {
  id: 'APIGW-INT-037',
  severity: 'error',
  appliesTo: ['http'],
  description: 'An x-amazon-apigateway-integration $ref must name an entry of components.x-amazon-apigateway-integrations',
  fact: 'HTTP API operations may reference a reusable integration with {"$ref": "#/components/x-amazon-apigateway-integrations/<name>"}; the target must exist there [D][I].',
  visitors: {
    route(route, ctx) {
      const ext = own(rawAt(ctx, route.pointer), 'x-amazon-apigateway-integration');
      const ref = own(ext, '$ref');
      if (typeof ref !== 'string') return;
      // A ref to nothing is OAS-002's (it reports every broken ref, as written); this rule judges
      // refs that point at something.
      if (isBehindBrokenRef(ctx.document, child(route.pointer, 'x-amazon-apigateway-integration'))) return;
      const pointer = child(route.pointer, 'x-amazon-apigateway-integration', '$ref');
      const defined = own(own(ctx.document.document, 'components'), 'x-amazon-apigateway-integrations');
      const names = isRecord(defined) ? Object.keys(defined) : [];
      const listed = names.length ? ` Defined integrations: ${names.join(', ')}.` : ' Define it under components.x-amazon-apigateway-integrations.';
      if (!ref.startsWith(PREFIX)) {
        // The loader resolves any internal ref, but import only looks up reusable integrations there.
        ctx.report({ pointer, message: `The integration $ref ${JSON.stringify(ref)} does not point into #/components/x-amazon-apigateway-integrations/, where HTTP API import looks up reusable integrations. Move the integration there and reference ${PREFIX}<name>.${listed}` });
        return;
      }
      const name = unescapeToken(ref.slice(PREFIX.length));
      // Named but not an object (a string, a list): the ref resolves, to something that is no integration.
      if (hasKey(defined, name) && isRecord(own(defined, name))) return;
      ctx.report({ pointer, message: `The integration $ref ${JSON.stringify(ref)} names no integration object, so ${route.key} has no integration.${listed}` });
    },
  },
};
