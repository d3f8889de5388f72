import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, own, rawAt, typeOf, droppedByHttpImport } from './support.js';

export const apigwInt022: Rule = {
  id: 'APIGW-INT-022',
  severity: 'error',
  description: 'tlsConfig.insecureSkipVerification is REST http(s)-only; serverNameToVerify is HTTP-API private-only',
  fact: 'insecureSkipVerification is supported for REST http/http_proxy integrations; serverNameToVerify only for HTTP API private integrations [D].',
  visitors: {
    integration(integration, _route, ctx) {
      if (droppedByHttpImport(ctx.api.kind, integration)) return;
      const tls = own(rawAt(ctx, integration.pointer), 'tlsConfig');
      if (tls === undefined) return;
      const base = child(integration.pointer, 'tlsConfig');
      const t = typeOf(integration);
      if (hasKey(tls, 'insecureSkipVerification')) {
        if (ctx.api.kind === 'http') {
          ctx.report({ pointer: child(base, 'insecureSkipVerification'), message: 'tlsConfig.insecureSkipVerification is not supported by HTTP APIs. Remove it (HTTP APIs support serverNameToVerify on private integrations).' });
        } else if (t !== 'http' && t !== 'http_proxy') {
          ctx.report({ pointer: child(base, 'insecureSkipVerification'), message: `tlsConfig.insecureSkipVerification applies only to http/http_proxy integrations, not ${integration.rawType}. Remove it.` });
        }
      }
      if (hasKey(tls, 'serverNameToVerify')) {
        if (ctx.api.kind === 'rest') {
          ctx.report({ pointer: child(base, 'serverNameToVerify'), message: 'tlsConfig.serverNameToVerify is not supported by REST APIs (the uri host is verified). Remove it.' });
        } else if ((integration.connectionType ?? '').toUpperCase() !== 'VPC_LINK') {
          ctx.report({ pointer: child(base, 'serverNameToVerify'), message: 'tlsConfig.serverNameToVerify applies only to private integrations (connectionType: VPC_LINK). Add the VPC link or remove it.' });
        }
      }
    },
  },
};
