import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { droppedByHttpImport } from './support.js';

const REQUEST_KEY = /^(append|overwrite|remove):(header|querystring)\.[^.]+$|^overwrite:path$/;
const RESPONSE_KEY = /^(append|overwrite|remove):header\..+$|^overwrite:statuscode$/;

export const apigwInt015: Rule = {
  id: 'APIGW-INT-015',
  severity: 'error',
  appliesTo: ['http'],
  description: 'HTTP API parameter mapping keys must be append|overwrite|remove:header|querystring.NAME, overwrite:path, overwrite:statuscode',
  judgesKey: true,
  fact: 'HTTP API request mapping keys are {append|overwrite|remove}:{header|querystring}.NAME or overwrite:path; response mapping keys are {append|overwrite|remove}:header.NAME or overwrite:statuscode under a status code 200–599 [D][A].',
  visitors: {
    integration(integration, _route, ctx) {
      if (droppedByHttpImport(ctx.api.kind, integration)) return;
      if (integration.integrationSubtype === undefined) {
        for (const key of Object.keys(integration.requestParameters)) {
          if (REQUEST_KEY.test(key)) continue;
          const hint = key.startsWith('integration.request.') ? ' That is REST syntax; HTTP APIs write e.g. overwrite:header.NAME.' : '';
          ctx.report({
            pointer: child(integration.pointer, 'requestParameters', key),
            message: `requestParameters key ${JSON.stringify(key)} is not a valid HTTP API mapping. Use append:|overwrite:|remove: followed by header.NAME or querystring.NAME, or overwrite:path.${hint}`,
          });
        }
      }
      for (const [status, map] of Object.entries(integration.responseParameters)) {
        const base = child(integration.pointer, 'responseParameters', status);
        const code = Number(status);
        if (!/^\d{3}$/.test(status) || code < 200 || code > 599) {
          ctx.report({ pointer: base, message: `responseParameters key ${JSON.stringify(status)} is not a backend status code from 200 to 599. Key each response mapping by the status code it applies to, e.g. "404".` });
          continue;
        }
        for (const key of Object.keys(map ?? {})) {
          if (RESPONSE_KEY.test(key)) continue;
          ctx.report({ pointer: child(base, key), message: `responseParameters key ${JSON.stringify(key)} is not a valid HTTP API response mapping. Use append:|overwrite:|remove:header.NAME or overwrite:statuscode.` });
        }
      }
    },
  },
};
