import type { Rule } from '../../rule.js';
import { isRecord } from '../int/support.js';
import { authorizerSchemes } from './support.js';
import { rawAt } from '../../helpers/raw.js';

export const apigwAuth020: Rule = {
  id: 'APIGW-AUTH-020',
  severity: 'info',
  description: 'Authorizer schemes that no operation uses',
  fact: 'Import still creates the authorizer, and it counts against the 10-authorizers-per-API quota [O][D].',
  visitors: {
    api(api, ctx) {
      const used = new Set<string>();
      for (const route of api.routes) for (const req of route.security) for (const s of req.schemes) used.add(s.name);
      const root = rawAt(ctx, '/security');
      if (Array.isArray(root)) for (const req of root) if (isRecord(req)) for (const k of Object.keys(req)) used.add(k);
      for (const s of authorizerSchemes(ctx)) {
        if (used.has(s.name)) continue;
        ctx.report({ pointer: s.pointer, message: `The authorizer "${s.name}" is not used by any operation; import still creates it and it counts against the 10-per-API quota. Reference it in an operation's security or remove it.` });
      }
    },
  },
};
