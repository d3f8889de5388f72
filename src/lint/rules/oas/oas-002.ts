import type { Rule } from '../../rule.js';
import { child, getAt } from '../../pointer.js';
import { documentIndex } from '../../helpers/document-index.js';

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export const oas002: Rule = {
  id: 'OAS-002',
  severity: 'error',
  description: 'Every internal $ref must point at an existing node',
  fact: 'A $ref that resolves to nothing leaves the referencing object undefined: import cannot build the model, parameter or response it describes [I: generic OpenAPI rule].',
  visitors: {
    api(_api, ctx) {
      const root = ctx.document.document;
      for (const { pointer, ref } of documentIndex(ctx.document).refs) {
        if (!ref.startsWith('#')) continue;
        const target = decode(ref.slice(1));
        if (target !== '' && !target.startsWith('/')) {
          ctx.report({ message: `$ref '${ref}' is not a JSON pointer (it must look like '#/components/schemas/Name')`, pointer: child(pointer, '$ref') });
        } else if (getAt(root, target) === undefined) {
          ctx.report({ message: `$ref '${ref}' points at nothing: define it or fix the reference`, pointer: child(pointer, '$ref') });
        }
      }
    },
  },
};
