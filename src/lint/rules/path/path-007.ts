import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';

export const apigwPath007: Rule = {
  id: 'APIGW-PATH-007',
  severity: 'error',
  description: 'REST APIs support only GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS and ANY',
  fact: '"Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY" [O].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const paths = rawRoot(ctx).paths;
      if (!isObject(paths)) return;
      for (const [path, item] of Object.entries(paths)) {
        if (isObject(item) && 'trace' in item) {
          ctx.report({ message: `TRACE is not a method API Gateway REST APIs support: remove 'trace' from '${path}' (or handle it behind x-amazon-apigateway-any-method)`, pointer: child('/paths', path, 'trace') });
        }
      }
    },
  },
};
