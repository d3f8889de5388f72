// Helpers for the authorizer rules: where security requirements are written, and raw authorizer fields.

import type { Route, SecurityScheme } from '../../../model/types.js';
import type { RuleContext } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey } from '../int/support.js';
import { rawAt } from '../../helpers/raw.js';

/** The pointer of the `security` array that applies to the route, and whether it is the operation's own. */
export function securityLocation(route: Route, ctx: RuleContext): { pointer: string; own: boolean } {
  const op = rawAt(ctx, route.pointer);
  if (hasKey(op, 'security')) return { pointer: child(route.pointer, 'security'), own: true };
  return { pointer: '/security', own: false };
}

/**
 * Calls `check` for every scheme named in the operation's own `security` requirements, with the pointer
 * of that entry. Routes that inherit the root `security` are skipped, so a root requirement is not
 * reported once per route.
 */
export function forEachOwnRequirement(
  route: Route,
  ctx: RuleContext,
  check: (entry: { name: string; scopes: string[] }, pointer: string) => void,
): void {
  const loc = securityLocation(route, ctx);
  if (!loc.own) return;
  route.security.forEach((req, i) => {
    for (const entry of req.schemes) check(entry, child(loc.pointer, i, entry.name));
  });
}

export type AuthorizerScheme = Extract<SecurityScheme, { kind: 'authorizer' }>;

export function authorizerSchemes(ctx: RuleContext): AuthorizerScheme[] {
  return Object.values(ctx.api.securitySchemes).filter((s): s is AuthorizerScheme => s.kind === 'authorizer');
}

/** Where the security schemes live in this dialect. */
export function schemesPointer(ctx: RuleContext): string {
  return ctx.api.version === '2.0' ? '/securityDefinitions' : '/components/securitySchemes';
}
