import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { pathKeys } from './shared.js';

export const apigwPath006: Rule = {
  id: 'APIGW-PATH-006',
  severity: 'warn',
  description: '/ping and /sping are reserved on APIs behind a custom domain',
  judgesKey: true,
  fact: '/ping and /sping at the root are reserved for the service health check when an API is served through a custom domain [D].',
  visitors: {
    api(_api, ctx) {
      if (!ctx.config.gateway?.domain) return;
      for (const path of pathKeys(ctx)) {
        if (/^\/s?ping\/?$/.test(path)) {
          ctx.report({ message: `'${path}' is reserved by API Gateway on the custom domain ${ctx.config.gateway.domain.name}: requests never reach this resource; rename it (e.g. /health)`, pointer: child('/paths', path) });
        }
      }
    },
  },
};
