import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawAt } from '../../helpers/raw.js';
import type { RuleContext } from '../../rule.js';
import type { SourcePosition } from '../../../load/types.js';

/**
 * Whether the author wrote this `#/components/responses/…` ref. In a multi-file spec a response `$ref`-ed
 * from another file (`responses/x.yml`) is hoisted there by the bundler: the author wrote a file ref,
 * the bundled definition `apigw-gen build` deploys inlines it, and APIGW-DOC-003 already covers
 * multi-file specs. Such a ref sits in a different file than its target.
 */
function writtenAsInternalRef(ctx: RuleContext, refPointer: string, target: string): boolean {
  if (ctx.document.files.length <= 1) return true;
  const at = ctx.document.sourceMap.lookup(refPointer);
  const to = targetPosition(ctx, target);
  return !at || !to || at.file === to.file;
}

/** Where each response target is, looked up once per target: hundreds of routes share a few responses. */
const targetPositions = new WeakMap<object, Map<string, SourcePosition | undefined>>();

function targetPosition(ctx: RuleContext, target: string): SourcePosition | undefined {
  let positions = targetPositions.get(ctx.document);
  if (!positions) targetPositions.set(ctx.document, (positions = new Map()));
  if (!positions.has(target)) positions.set(target, ctx.document.sourceMap.lookup(target));
  return positions.get(target);
}

export const apigwModel006: Rule = {
  id: 'APIGW-MODEL-006',
  severity: 'error',
  description: 'A REST operation response must not be a $ref to #/responses (Swagger 2.0) or #/components/responses',
  fact: 'A response defined as "500": {"$ref": "#/responses/UnexpectedError"} is not supported; inline it [D]. The same limitation is assumed for #/components/responses [I], reported as a warning.',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      const responses = rawAt(ctx, child(route.pointer, 'responses'));
      if (!isObject(responses)) return;
      for (const [status, r] of Object.entries(responses)) {
        if (!isObject(r) || typeof r.$ref !== 'string') continue;
        const pointer = child(route.pointer, 'responses', status, '$ref');
        if (r.$ref.startsWith('#/responses/')) {
          ctx.report({ message: `response ${status} is a $ref to ${r.$ref}, which API Gateway import does not support: inline the response`, pointer });
        } else if (r.$ref.startsWith('#/components/responses/') && writtenAsInternalRef(ctx, pointer, r.$ref.slice(1))) {
          ctx.report({ message: `response ${status} is a $ref to ${r.$ref}; API Gateway does not support root-level response references in Swagger 2.0 and likely not here either: inline the response`, pointer, severity: 'warn' });
        }
      }
    },
  },
};
