import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { documentIndex } from '../../helpers/document-index.js';
import { basename } from 'node:path';

export const apigwDoc003: Rule = {
  id: 'APIGW-DOC-003',
  severity: 'error',
  description: 'The imported definition must not $ref other files or URLs',
  fact: '"$ref cannot be used to reference other files" — REST import does not resolve external references [D].',
  visitors: {
    api(_api, ctx) {
      for (const { pointer, ref } of documentIndex(ctx.document).externalRefs) {
        ctx.report({ message: `$ref '${ref}' points outside this document; API Gateway resolves only '#/…' references: inline it or bundle the spec`, pointer: child(pointer, '$ref') });
      }
      const files = ctx.document.files;
      if (files.length > 1) {
        // The loader bundled the other files in; the document as written still spans several.
        ctx.report({
          message: `the spec spans ${files.length} files (${files.slice(1, 4).map((f) => basename(f)).join(', ')}${files.length > 4 ? ', …' : ''}); API Gateway imports one self-contained document: deploy the bundled definition apigw-gen emits, not the entry file`,
          pointer: '',
          // Not an error: `apigw-gen build` emits the bundled, self-contained definition that is deployed.
          severity: 'info',
        });
      }
    },
  },
};
