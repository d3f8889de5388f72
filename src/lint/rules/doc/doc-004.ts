import type { Rule } from '../../rule.js';
import { rawRoot } from '../../helpers/raw.js';

export const apigwDoc004: Rule = {
  id: 'APIGW-DOC-004',
  severity: 'warn',
  description: 'REST APIs ignore root-level security',
  fact: 'Root-level security is ignored by REST import; operations without their own security end up unauthenticated [D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const security = rawRoot(ctx).security;
      if (Array.isArray(security) && security.length > 0) {
        ctx.report({ message: 'API Gateway REST import ignores root-level security: repeat the requirement on every operation that needs it', pointer: '/security' });
      }
    },
  },
};
