import type { Rule, RuleContext } from '../../rule.js';
import type { SecurityRequirement } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { normalizeRequirements } from '../../../model/security.js';
import { rawAt } from '../../helpers/raw.js';

function check(ctx: RuleContext, requirements: SecurityRequirement[], pointer: string, where: string): void {
  const nonEmpty = requirements.map((r, i) => ({ r, i })).filter(({ r }) => r.schemes.length > 0);
  const http = ctx.api.kind === 'http';
  if (nonEmpty.length > 1) {
    ctx.report({
      severity: http ? 'error' : 'warn',
      pointer,
      message: http
        ? `${where} has ${nonEmpty.length} security requirement objects; HTTP API import fails with more than one (a route has one authorizer). Keep a single requirement.`
        : `${where} has ${nonEmpty.length} alternative security requirements, but API Gateway applies one authorizer per method (which one is undocumented). Keep one requirement; put an API key and an authorizer in the same object to require both.`,
    });
  }
  if (!http) return;
  for (const { r, i } of nonEmpty) {
    if (r.schemes.length < 2) continue;
    ctx.report({ pointer: child(pointer, i), message: `${where} combines ${r.schemes.map((s) => s.name).join(' + ')} in one requirement; an HTTP API route uses exactly one mechanism (IAM, a Lambda authorizer or a JWT authorizer). Keep one scheme.` });
  }
}

export const apigwAuth014: Rule = {
  id: 'APIGW-AUTH-014',
  severity: 'error',
  description: 'One security requirement per operation (HTTP: error; REST: warn)',
  fact: 'HTTP API import fails when an operation has more than one security requirement; each route uses one of IAM, a Lambda authorizer or a JWT authorizer [D]. REST applies one authorizer per method; only API key plus authorizer in one object combine [I/O].',
  visitors: {
    api(_api, ctx) {
      // Root-level security is ignored by REST import (APIGW-DOC-004 says so); for HTTP it applies.
      if (ctx.api.kind !== 'http') return;
      check(ctx, normalizeRequirements(rawAt(ctx, '/security')), '/security', 'The root security');
    },
    route(route, ctx) {
      const pointer = child(route.pointer, 'security');
      const raw = rawAt(ctx, pointer);
      if (raw === undefined) return;
      check(ctx, normalizeRequirements(raw), pointer, route.key);
    },
  },
};
