import type { Rule } from '../../rule.js';

export const apigwParam004: Rule = {
  id: 'APIGW-PARAM-004',
  severity: 'error',
  description: 'A parameter name must be unique across path, query and header on one method',
  fact: '"Parameter names must be unique across querystring, header and path" [O].',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      const where = new Map<string, string>();
      for (const p of route.parameters) {
        if (p.in === 'cookie') continue;
        const first = where.get(p.name);
        if (first === undefined) where.set(p.name, p.in);
        else if (first !== p.in) {
          ctx.report({ message: `'${p.name}' is both a ${first} and a ${p.in} parameter of ${route.key}; API Gateway needs names unique across path, query and header: rename one`, pointer: p.pointer });
        }
      }
    },
  },
};
