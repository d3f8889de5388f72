import type { Rule } from '../../rule.js';
import { segments } from '../../helpers/paths.js';
import { pathKeys } from './shared.js';

export const QUOTA = 300;

export const apigwPath005: Rule = {
  id: 'APIGW-PATH-005',
  severity: 'warn',
  description: 'At most 300 resources (REST) or routes (HTTP) per API by default',
  fact: 'Quota: 300 resources per REST API, 300 routes per HTTP API; both can be raised on request [D].',
  visitors: {
    api(api, ctx) {
      if (api.kind === 'http') {
        if (api.routes.length > QUOTA) {
          ctx.report({ message: `${api.routes.length} routes exceed the default quota of ${QUOTA} routes per HTTP API: request a quota increase or split the API`, pointer: '/paths' });
        }
        return;
      }
      // Every path prefix is a resource, plus the root.
      const resources = new Set<string>(['/']);
      for (const path of pathKeys(ctx)) {
        let prefix = '';
        for (const seg of segments(path)) resources.add((prefix += '/' + seg));
      }
      if (resources.size > QUOTA) {
        ctx.report({ message: `the paths create ${resources.size} resources, above the default quota of ${QUOTA} per REST API: request a quota increase or split the API`, pointer: '/paths' });
      }
    },
  },
};
