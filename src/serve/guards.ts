// Method-request guards that serve does not verify yet (authorizers, IAM signatures, API keys)
// fail closed: the request gets the answer AWS gives a caller without valid credentials and never
// reaches the integration. Serving such a route as if it were open would make local testing more
// permissive than AWS; `serve.openGuardedRoutes: true` does that only when a user asks for it.

import type { Route } from '../model/types.js';
import { routeOf, type RequestContext } from './context.js';
import { GatewayError } from './errors.js';

/** What guards a route, in API Gateway's order (authorization, then the API key); empty when open. */
export function guardsOf(route: Route): string[] {
  const guards: string[] = [];
  if (route.auth.type === 'AWS_IAM') guards.push('IAM');
  else if (route.auth.type !== 'NONE') guards.push(`authorizer ${route.auth.authorizer ?? route.auth.type}`);
  if (route.auth.apiKeyRequired) guards.push('API key');
  return guards;
}

export function refuseUnverifiedGuards(ctx: RequestContext): undefined {
  if (ctx.settings.openGuardedRoutes) return undefined;
  const route = routeOf(ctx);
  const guards = guardsOf(route);
  if (guards.length === 0) return undefined;
  const detail = `${guards.join(' and ')} not verified by serve yet: answered as AWS answers a caller without credentials (serve.openGuardedRoutes: true serves it unguarded)`;
  if (route.auth.type === 'AWS_IAM') {
    // An unsigned request: REST says Missing Authentication Token, HTTP APIs Forbidden.
    throw new GatewayError('MISSING_AUTHENTICATION_TOKEN', { detail, ...(ctx.settings.api.kind === 'http' ? { message: 'Forbidden' } : {}) });
  }
  if (route.auth.type !== 'NONE') throw new GatewayError('UNAUTHORIZED', { detail });
  throw new GatewayError('INVALID_API_KEY', { detail });
}
