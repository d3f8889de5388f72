import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { typeOf } from './support.js';

export const apigwInt021: Rule = {
  id: 'APIGW-INT-021',
  severity: 'error',
  description: 'connectionType VPC_LINK is only for http and http_proxy integrations',
  fact: '"An HTTP or HTTP proxy integration with a connectionType of VPC_LINK is referred to as a private integration" — other types cannot use a VPC link [A][I].',
  visitors: {
    integration(integration, _route, ctx) {
      if ((integration.connectionType ?? '').toUpperCase() !== 'VPC_LINK') return;
      const t = typeOf(integration);
      if (t === 'http' || t === 'http_proxy' || t === '') return;
      ctx.report({ pointer: child(integration.pointer, 'connectionType'), message: `connectionType VPC_LINK is only valid on http/http_proxy integrations, not ${integration.rawType}. Use type http_proxy (or http) for a private integration, or remove connectionType.` });
    },
  },
};
