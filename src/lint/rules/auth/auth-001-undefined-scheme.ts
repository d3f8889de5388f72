import type { Rule, RuleContext } from '../../rule.js';
import { child } from '../../pointer.js';
import { isRecord } from '../int/support.js';
import { schemesPointer } from './support.js';
import { rawAt } from '../../helpers/raw.js';
import { isBehindBrokenRef } from '../../helpers/broken-refs.js';

function check(ctx: RuleContext, security: unknown, pointer: string): void {
  if (!Array.isArray(security)) return;
  security.forEach((req, i) => {
    if (!isRecord(req)) return;
    for (const name of Object.keys(req)) {
      if (Object.prototype.hasOwnProperty.call(ctx.api.securitySchemes, name)) continue;
      // Defined by a $ref that points at nothing (or in a section that is one): OAS-002 reports it there.
      if (isBehindBrokenRef(ctx.document, child(schemesPointer(ctx), name))) continue;
      const where = schemesPointer(ctx).slice(1).replace('/', '.');
      ctx.report({ pointer: child(pointer, i, name), message: `Security requirement names "${name}", which is not defined in ${where}, so import cannot resolve the authorizer. Define the scheme ${name} there or fix the name.` });
    }
  });
}

export const apigwAuth001: Rule = {
  id: 'APIGW-AUTH-001',
  severity: 'error',
  description: 'Security requirements must name defined security schemes',
  fact: 'A requirement that names an undefined scheme cannot be resolved to an authorizer at import [I: generic OpenAPI rule].',
  visitors: {
    api(_api, ctx) {
      check(ctx, rawAt(ctx, '/security'), '/security');
    },
    route(route, ctx) {
      check(ctx, rawAt(ctx, child(route.pointer, 'security')), child(route.pointer, 'security'));
    },
  },
};
