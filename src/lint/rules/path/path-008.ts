import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot, OPERATION_KEYS } from '../../helpers/raw.js';

export const apigwPath008: Rule = {
  id: 'APIGW-PATH-008',
  severity: 'error',
  description: 'isDefaultRoute belongs only on x-amazon-apigateway-any-method under /$default, once',
  fact: 'The $default route is written as x-amazon-apigateway-any-method with isDefaultRoute: true under the path /$default; an API has one $default route [D][I].',
  appliesTo: ['http'],
  visitors: {
    api(_api, ctx) {
      const paths = rawRoot(ctx).paths;
      if (!isObject(paths)) return;
      let first: string | undefined;
      for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item)) continue;
        for (const key of OPERATION_KEYS) {
          const op = item[key];
          if (!isObject(op) || op.isDefaultRoute !== true) continue;
          const pointer = child('/paths', path, key, 'isDefaultRoute');
          if (key !== 'x-amazon-apigateway-any-method' || (path !== '/$default' && path !== '$default')) {
            ctx.report({ message: `isDefaultRoute: true is only valid on x-amazon-apigateway-any-method under '/$default' (found on ${key} of '${path}'): move it there`, pointer });
          } else if (first) {
            ctx.report({ message: `a second $default route; ${first} already defines it`, pointer });
          }
          first ??= pointer;
        }
      }
    },
  },
};
