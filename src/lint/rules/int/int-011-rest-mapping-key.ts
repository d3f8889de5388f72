import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';

const KEY = /^integration\.request\.(path|querystring|header)\.[a-zA-Z0-9._$-]+$/;

export const apigwInt011: Rule = {
  id: 'APIGW-INT-011',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'REST requestParameters keys must be integration.request.(path|querystring|header).NAME',
  judgesKey: true,
  fact: 'Integration request mapping targets are integration.request.{path|querystring|header}.{name} with a name matching ^[a-zA-Z0-9._$-]+$ [D][A]; otherwise `Invalid mapping identifier specified` [O].',
  visitors: {
    integration(integration, _route, ctx) {
      for (const key of Object.keys(integration.requestParameters)) {
        if (KEY.test(key)) continue;
        const hint = /^(append|overwrite|remove):/.test(key)
          ? ' That is HTTP API syntax; REST APIs use integration.request.header.NAME.'
          : '';
        ctx.report({
          pointer: child(integration.pointer, 'requestParameters', key),
          message: `requestParameters key ${JSON.stringify(key)} is not a valid REST mapping target ("Invalid mapping identifier specified"). Use integration.request.path.NAME, integration.request.querystring.NAME or integration.request.header.NAME.${hint}`,
        });
      }
    },
  },
};
