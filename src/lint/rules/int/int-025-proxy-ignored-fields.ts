import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, isProxy, rawAt } from './support.js';

const IGNORED = ['requestTemplates', 'responses', 'passthroughBehavior', 'contentHandling'];

export const apigwInt025: Rule = {
  id: 'APIGW-INT-025',
  severity: 'warn',
  appliesTo: ['rest'],
  description: 'requestTemplates, responses, passthroughBehavior and contentHandling have no effect on proxy integrations',
  fact: 'Proxy integrations pass the request and response through; templates, integration responses and passthrough behaviour are not used [D]. requestParameters still apply [D].',
  visitors: {
    integration(integration, _route, ctx) {
      if (!isProxy(integration)) return;
      const raw = rawAt(ctx, integration.pointer);
      for (const field of IGNORED) {
        if (!hasKey(raw, field)) continue;
        ctx.report({ pointer: child(integration.pointer, field), message: `${field} has no effect on a ${integration.rawType} integration: the request and response pass through unchanged. Remove it, or switch to a non-proxy type (${integration.rawType.toLowerCase() === 'aws_proxy' ? 'aws' : 'http'}) if you need the mapping.` });
      }
    },
  },
};
