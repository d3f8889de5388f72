import type { Rule } from '../../rule.js';
import { at, charAfter, charBefore, onPrintedReferences } from './support.js';

export const apigwVtl003: Rule = {
  id: 'APIGW-VTL-003',
  severity: 'warn',
  appliesTo: ['rest'],
  description: '$input.json(...) must not be wrapped in double quotes',
  fact: '$input.json returns JSON text, so a string value already has its quotes; "$input.json(\'$.x\')" renders ""x"" [D examples][O].',
  visitors: {
    template: onPrintedReferences((ref, { text, template }, ctx) => {
      const first = ref.path[0];
      if (ref.root !== 'input' || first?.kind !== 'method' || first.name !== 'json' || ref.path.length !== 1) return;
      if (charBefore(text, ref) !== '"' || charAfter(text, ref) !== '"') return;
      ctx.report({ pointer: template.pointer, message: `"${ref.source}" is wrapped in double quotes (${at(ref.line, ref.column)}), but $input.json already returns JSON (strings with their quotes), so the output is ""value"" or invalid. Remove the quotes, or use "$input.path(...)" for a string field.` });
    }),
  },
};
