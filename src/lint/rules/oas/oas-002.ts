import type { Rule, RuleContext } from '../../rule.js';
import type { BrokenRef } from '../../../load/types.js';
import { child } from '../../pointer.js';

/** Where HTTP API import looks up reusable integrations; APIGW-INT-037 owns dangling refs into it. */
const INTEGRATIONS = '#/components/x-amazon-apigateway-integrations/';
const INT_037 = 'APIGW-INT-037';

export const oas002: Rule = {
  id: 'OAS-002',
  severity: 'error',
  description: '$refs must point at something',
  fact: 'OpenAPI\'s Reference Object stands for the object it points at, so a $ref to nothing leaves the schema, response, parameter or integration it names undefined; API Gateway import resolves only what is there, and what it does with a dangling reference is not documented, so it is treated as an import failure [I].',
  visitors: {
    api(_api, ctx) {
      const integrationRefs = deferredToInt037(ctx);
      // `load` records every missing target (entry and referenced files) and keeps going; the
      // position is the `$ref` in the file it is written in, which the bundled pointer may not give
      // (a ref inlined from another file maps to the place it was inlined, not to its own line).
      for (const broken of ctx.document.brokenRefs ?? []) {
        if (integrationRefs.has(broken.pointer) && broken.ref.startsWith(INTEGRATIONS)) continue;
        ctx.report({ message: `${broken.message}: ${fixFor(broken)}`, pointer: child(broken.pointer, '$ref'), position: broken.position });
      }
    },
  },
};

/**
 * Pointers of the route integrations whose dangling `$ref` APIGW-INT-037 reports (HTTP APIs, a ref
 * into components.x-amazon-apigateway-integrations): it names the integrations that do exist, so it
 * is the more specific report, and one broken ref is reported once. Empty when INT-037 does not run.
 */
function deferredToInt037(ctx: RuleContext): Set<string> {
  if (ctx.api.kind !== 'http' || ctx.config.lint?.rules?.[INT_037] === 'off') return new Set();
  return new Set(ctx.api.routes.map((route) => child(route.pointer, 'x-amazon-apigateway-integration')));
}

const NAMES_HINT = 'names are case-sensitive; in a pointer / is written ~1 and ~ is ~0';

/** How to fix it, by what is missing. */
function fixFor(broken: BrokenRef): string {
  if (broken.reason === 'missing-file') return 'create that file, or correct the path (it is relative to the file the $ref is written in)';
  if (!broken.ref.includes('#') && !broken.ref.includes('/')) return `declare '${broken.ref}' in the document, or correct the name (${NAMES_HINT})`;
  if (broken.ref.startsWith('#')) return `add the missing definition there, or point the $ref at one that exists (${NAMES_HINT})`;
  return `add the missing definition to that file, or correct the part after # (${NAMES_HINT})`;
}
