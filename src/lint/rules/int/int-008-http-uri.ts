import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { substitute, textOf, typeOf, WILD } from './support.js';

function portAllowed(port: string): boolean {
  if (port === '') return true;
  const n = Number(port);
  return n === 80 || n === 443 || n > 1024;
}

export const apigwInt008: Rule = {
  id: 'APIGW-INT-008',
  severity: 'error',
  description: 'An http/http_proxy uri must be an absolute http(s) URL on port 80, 443 or above 1024',
  fact: 'HTTP integration URIs are fully formed, encoded http(s) URLs; only ports 80, 443 and above 1024 are allowed [A].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (t !== 'http' && t !== 'http_proxy') return;
      // HTTP API private integrations target a listener or Cloud Map ARN, not a URL.
      if (ctx.api.kind === 'http' && (integration.connectionType ?? '').toUpperCase() === 'VPC_LINK') return;
      if (integration.uri === undefined) {
        ctx.report({ pointer: integration.pointer, message: `The ${integration.rawType} integration has no uri. Add the backend URL, e.g. https://example.com/pets.` });
        return;
      }
      const text = textOf(integration.uri);
      if (text === undefined) return;
      const s = substitute(text);
      if (s.startsWith(WILD)) return; // the URL comes from a stage variable or reference
      const pointer = child(integration.pointer, 'uri');
      let url: URL;
      try {
        url = new URL(s.replaceAll(WILD, 'x'));
      } catch {
        if (!s.includes(WILD)) ctx.report({ pointer, message: `uri ${JSON.stringify(text)} is not an absolute URL. Write the full backend URL, e.g. https://example.com/pets/{id}.` });
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        ctx.report({ pointer, message: `uri ${JSON.stringify(text)} uses ${url.protocol.replace(/:$/, '')}; HTTP integrations take only http:// or https:// URLs.` });
      } else if (!portAllowed(url.port)) {
        ctx.report({ pointer, message: `uri ${JSON.stringify(text)} uses port ${url.port}; API Gateway only calls ports 80, 443 and above 1024. Move the backend to an allowed port.` });
      }
    },
  },
};
