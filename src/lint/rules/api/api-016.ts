import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';
import { GATEWAY_RESPONSES } from './api-011.js';

const ALLOW_ORIGIN = 'method.response.header.Access-Control-Allow-Origin';
const NON_PROXY = new Set(['lambda', 'http', 'aws-service', 'mock']);

export const apigwApi016: Rule = {
  id: 'APIGW-API-016',
  severity: 'warn',
  description: 'REST CORS: non-proxy integration responses and DEFAULT_4XX/5XX should return Access-Control-Allow-Origin',
  fact: 'REST APIs have no CORS extension: an OPTIONS method answers preflight, and every non-proxy integration response must map method.response.header.Access-Control-Allow-Origin; add CORS headers to DEFAULT_4XX/DEFAULT_5XX so errors are readable too [D].',
  appliesTo: ['rest'],
  visitors: {
    api(api, ctx) {
      const corsPaths = new Set(api.routes.filter((r) => r.method === 'OPTIONS').map((r) => r.path));
      if (corsPaths.size === 0) return;
      for (const route of api.routes) {
        if (route.method === 'OPTIONS' || !corsPaths.has(route.path)) continue;
        const integration = route.integration;
        if (!integration || !NON_PROXY.has(integration.kind)) continue;
        for (const ir of integration.responses) {
          const has = Object.keys(ir.responseParameters).some((k) => k.toLowerCase() === ALLOW_ORIGIN.toLowerCase());
          if (!has) {
            ctx.report({ message: `${route.key} answers browsers (its path has an OPTIONS method) but integration response '${ir.selectionPattern}' does not map ${ALLOW_ORIGIN}: browsers will block the response; add it to responseParameters`, pointer: ir.pointer });
          }
        }
      }
      const map = rawRoot(ctx)[GATEWAY_RESPONSES];
      if (!isObject(map)) return;
      for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
        const gr = map[type];
        if (!isObject(gr)) continue;
        const params = isObject(gr.responseParameters) ? Object.keys(gr.responseParameters) : [];
        if (!params.some((k) => k.toLowerCase() === 'gatewayresponse.header.access-control-allow-origin')) {
          ctx.report({ message: `${type} has no gatewayresponse.header.Access-Control-Allow-Origin, so browsers cannot read error responses of this CORS-enabled API: add it`, pointer: child(`/${GATEWAY_RESPONSES}`, type) });
        }
      }
    },
  },
};
