import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isProxy } from './support.js';

export const apigwInt024: Rule = {
  id: 'APIGW-INT-024',
  severity: 'warn',
  description: 'passthroughBehavior never with no requestTemplates rejects every request',
  fact: 'With NEVER and no templates, every request gets 415 Unsupported Media Type [A].',
  visitors: {
    integration(integration, _route, ctx) {
      if (isProxy(integration) || (integration.passthroughBehavior ?? '').toUpperCase() !== 'NEVER') return;
      if (Object.keys(integration.requestTemplates).length > 0) return;
      ctx.report({ pointer: child(integration.pointer, 'passthroughBehavior'), message: 'passthroughBehavior is never but there are no requestTemplates, so every request is rejected with 415 Unsupported Media Type. Add a requestTemplates entry (e.g. application/json) or use when_no_templates.' });
    },
  },
};
