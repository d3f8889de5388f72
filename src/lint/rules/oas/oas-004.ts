import type { Rule } from '../../rule.js';
import { checkPathParameters } from '../../helpers/path-params.js';

export const oas004: Rule = {
  id: 'OAS-004',
  severity: 'warn',
  description: 'Every {variable} in a path must have an in: path parameter and vice versa (HTTP APIs; REST: APIGW-PARAM-001)',
  fact: 'OpenAPI requires each path template variable to be declared as a required path parameter. HTTP APIs take path parameters from the route key and import without the declaration, but clients and SDKs generated from the document lose the parameter [D][I].',
  appliesTo: ['http'],
  visitors: {
    route(route, ctx) {
      checkPathParameters(route, ctx, 'so clients generated from the document can fill it in');
    },
  },
};
