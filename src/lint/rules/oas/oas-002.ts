import type { Rule } from '../../rule.js';
import type { BrokenRef } from '../../../load/types.js';
import { child } from '../../pointer.js';

export const oas002: Rule = {
  id: 'OAS-002',
  severity: 'error',
  description: '$refs must point at something',
  fact: 'OpenAPI\'s Reference Object stands for the object it points at, so a $ref to nothing leaves the schema, response, parameter or integration it names undefined; API Gateway import resolves only what is there, and what it does with a dangling reference is not documented, so it is treated as an import failure [I].',
  visitors: {
    api(_api, ctx) {
      // `load` records every missing target (entry and referenced files) and keeps going; the
      // position is the `$ref` in the file it is written in, which the bundled pointer may not give
      // (a ref inlined from another file maps to the place it was inlined, not to its own line).
      // This rule is the one owner of broken refs: others (APIGW-INT-037 for integration refs) skip
      // them, and lint drops their findings at or below one, so turning one of them off or ignoring
      // it never silences a broken ref.
      for (const broken of ctx.document.brokenRefs ?? []) {
        ctx.report({ message: `${broken.message}: ${fixFor(broken)}`, pointer: child(broken.pointer, '$ref'), position: broken.position });
      }
    },
  },
};

const NAMES_HINT = 'names are case-sensitive; in a pointer / is written ~1 and ~ is ~0';

/** How to fix it, by what is missing. */
function fixFor(broken: BrokenRef): string {
  if (broken.reason === 'missing-file') return 'create that file, or correct the path (it is relative to the file the $ref is written in)';
  if (!broken.ref.includes('#') && !broken.ref.includes('/')) return `declare '${broken.ref}' in the document, or correct the name (${NAMES_HINT})`;
  if (broken.ref.startsWith('#')) return `add the missing definition there, or point the $ref at one that exists (${NAMES_HINT})`;
  return `add the missing definition to that file, or correct the part after # (${NAMES_HINT})`;
}
