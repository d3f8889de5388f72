import type { Rule } from '../../rule.js';
import { checkPathParameters } from '../../helpers/path-params.js';

export const apigwParam001: Rule = {
  id: 'APIGW-PARAM-001',
  severity: 'error',
  description: 'Every {variable} in a REST path needs an in: path parameter, and every in: path parameter a {variable}',
  fact: 'Import builds the method request path parameters (method.request.path.*) from the path template and the declared parameters; mappings, validation and cache keys refer to them [D][O].',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      checkPathParameters(route, ctx, 'so API Gateway creates method.request.path mappings and validation for it');
    },
  },
};
