import type { Rule } from '../../rule.js';
import { at, nodeLists, onParsedTemplate } from './support.js';

export const apigwVtl007: Rule = {
  id: 'APIGW-VTL-007',
  severity: 'error',
  appliesTo: ['rest'],
  description: '#parse and #include cannot be used in mapping templates',
  fact: 'There are no external resources to load, so #parse and #include fail [O: Velocity oracle].',
  visitors: {
    template: onParsedTemplate(({ ast, template }, ctx) => {
      for (const list of nodeLists(ast)) {
        for (const n of list) {
          if (n.kind !== 'macroCall' || (n.name !== 'parse' && n.name !== 'include')) continue;
          ctx.report({ pointer: template.pointer, message: `${n.source} (${at(n.line, n.column)}) cannot work: API Gateway templates have no files to load. Inline the content, or share it with #define/#macro in the same template.` });
        }
      }
    }),
  },
};
