import type { Rule } from '../../rule.js';
import { at, insideQuotes, isJsonContentType, parsed, printedReferences, templateSource } from './support.js';

export const apigwVtl009: Rule = {
  id: 'APIGW-VTL-009',
  severity: 'warn',
  appliesTo: ['rest'],
  description: 'Request values interpolated into a JSON string should go through $util.escapeJavaScript',
  fact: 'AWS recommends $util.escapeJavaScript for parameter values in JSON templates; an unescaped " or \\ in a value breaks the JSON or injects fields [D].',
  visitors: {
    template(template, ctx) {
      if (template.direction !== 'request' || !isJsonContentType(template.contentType)) return;
      const text = templateSource(template, ctx);
      const { ast } = parsed(text);
      if (!ast) return;
      for (const ref of printedReferences(ast)) {
        if (ref.root !== 'input') continue;
        const first = ref.path[0];
        const params = first?.kind === 'method' && first.name === 'params' && first.args.length === 1 && ref.path.length === 1;
        const body = first?.kind === 'property' && first.name === 'body' && ref.path.length === 1;
        if (!params && !body) continue;
        if (!insideQuotes(text, ref.line, ref.column)) continue;
        ctx.report({ pointer: template.pointer, message: `${ref.source} is placed inside a JSON string unescaped (${at(ref.line, ref.column)}); a " or \\ in the client's value breaks the JSON or injects fields. Write $util.escapeJavaScript(${ref.source.replace(/^\$!?\{?/, '$').replace(/\}$/, '')}).replaceAll("\\\\'","'").` });
      }
    },
  },
};
