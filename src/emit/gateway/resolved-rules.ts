// Lint rules whose findings the gateway target's rewrites make moot: the document it emits no
// longer has the problem, so `build` need not stop for it (`lint` still reports the source as AWS
// would import it). A rule belongs here only when every case it reports as an error is rewritten:
//
//   APIGW-DOC-001    Swagger 2.0 for an HTTP API   → converted to OpenAPI 3.0 (swagger2.ts)
//   APIGW-MODEL-001  non-alphanumeric model names  → renamed, $refs updated (model-names.ts)
//   APIGW-MODEL-003  number+int32/int64, decimal   → type: integer / format removed (rest-compat.ts)
//   APIGW-MODEL-004  allOf/anyOf/oneOf into itself → inlined, or type: object if recursive (rest-compat.ts)
//   APIGW-MODEL-005  primitive JSON response       → moved to a named model and $ref'd (rest-compat.ts)
//   APIGW-MODEL-006  `#/responses/X` references    → inlined (swagger2.ts + rest-compat.ts)
//   APIGW-PATH-004   sibling path variable names   → unified (path-variables.ts), except when
//                                                    unifying would merge two paths: see below
//
// Not here, on purpose: APIGW-AUTH-002 (non-apiKey REST schemes): the gateway strips them because
// API Gateway cannot enforce them, which leaves those routes open — security by default means
// build stops and the user decides (`--no-lint`), never a silently unauthenticated deployment.
// DOC-003 (external $refs — bundling is the loader's, and a ref it kept is
// still there), and everything the gateway only notes without rewriting.

import type { GatewayChange } from './changes.js';

export const RESOLVED_BY_GATEWAY_REWRITES: readonly string[] = [
  'APIGW-DOC-001',
  'APIGW-MODEL-001',
  'APIGW-MODEL-003',
  'APIGW-MODEL-004',
  'APIGW-MODEL-005',
  'APIGW-MODEL-006',
  'APIGW-PATH-004',
];

/**
 * Rules from RESOLVED_BY_GATEWAY_REWRITES that this particular build did not resolve, read from
 * its change log: path-variables.ts declines (and notes so at `/paths`) when giving sibling
 * variables one name would make two paths the same.
 */
export function unresolvedByGateway(changes: readonly GatewayChange[]): string[] {
  const declined: string[] = [];
  if (changes.some((c) => c.kind === 'template' && c.pointer === '/paths')) declined.push('APIGW-PATH-004');
  return declined;
}
