import type { Rule } from '../../rule.js';
import { at, insideQuotes, onPrintedReferences } from './support.js';

export const apigwVtl002: Rule = {
  id: 'APIGW-VTL-002',
  severity: 'warn',
  appliesTo: ['rest'],
  description: '$util.escapeJavaScript inside a JSON string needs .replaceAll("\\\\\'","\'")',
  fact: '$util.escapeJavaScript turns \' into \\\', which is not valid JSON; AWS recommends .replaceAll("\\\\\'","\'") when the result lands in a JSON string [D].',
  visitors: {
    template: onPrintedReferences((ref, { text, template }, ctx) => {
      const first = ref.path[0];
      if (ref.root !== 'util' || first?.kind !== 'method' || first.name !== 'escapeJavaScript') return;
      if (ref.path.some((a) => a.kind === 'method' && a.name === 'replaceAll')) return;
      if (!insideQuotes(text, ref.line, ref.column)) return;
      ctx.report({ pointer: template.pointer, message: `${ref.source} sits inside a JSON string (${at(ref.line, ref.column)}); a ' in the value becomes \\', which makes the JSON invalid. Append .replaceAll("\\\\'","'") to the call.` });
    }),
  },
};
