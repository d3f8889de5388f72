import type { Rule } from '../../rule.js';

export const apigwApi015: Rule = {
  id: 'APIGW-API-015',
  severity: 'info',
  description: 'With CORS, an authorized $default or ANY /{proxy+} route catches preflight requests unless an unauthenticated OPTIONS route exists',
  fact: 'API Gateway answers CORS preflight itself, except that with a $default route plus an authorizer the preflight is caught by $default; add an unauthenticated OPTIONS /{proxy+} route [D].',
  appliesTo: ['http'],
  visitors: {
    api(api, ctx) {
      if (!api.cors) return;
      const catchAll = api.routes.find((r) => r.auth.type !== 'NONE' && (r.isDefaultRoute || (r.method === 'ANY' && /^\/\{[^}]+\+\}$/.test(r.path))));
      if (!catchAll) return;
      const openOptions = api.routes.some((r) => r.method === 'OPTIONS' && r.auth.type === 'NONE');
      if (!openOptions) {
        ctx.report({ message: `${catchAll.key} requires authorization and catches CORS preflight requests, which carry no credentials: add an unauthenticated OPTIONS /{proxy+} route`, pointer: catchAll.pointer });
      }
    },
  },
};
