// Helpers for the authorizer rules: where security requirements are written, and raw authorizer fields.

import type { Route, SecurityScheme } from '../../../model/types.js';
import type { RuleContext } from '../../rule.js';
import { child, getAt } from '../../pointer.js';
import { hasKey } from '../int/support.js';

/** The pointer of the `security` array that applies to the route, and whether it is the operation's own. */
export function securityLocation(route: Route, ctx: RuleContext): { pointer: string; own: boolean } {
  const op = getAt(ctx.document.document, route.pointer);
  if (hasKey(op, 'security')) return { pointer: child(route.pointer, 'security'), own: true };
  return { pointer: '/security', own: false };
}

export type AuthorizerScheme = Extract<SecurityScheme, { kind: 'authorizer' }>;

export function authorizerSchemes(ctx: RuleContext): AuthorizerScheme[] {
  return Object.values(ctx.api.securitySchemes).filter((s): s is AuthorizerScheme => s.kind === 'authorizer');
}

/** Where the security schemes live in this dialect. */
export function schemesPointer(ctx: RuleContext): string {
  return ctx.api.version === '2.0' ? '/securityDefinitions' : '/components/securitySchemes';
}
