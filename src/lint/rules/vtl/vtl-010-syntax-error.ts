import type { Rule } from '../../rule.js';
import { at, parsed, templateSource } from './support.js';

export const apigwVtl010: Rule = {
  id: 'APIGW-VTL-010',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Mapping templates must be valid Velocity (VTL) syntax',
  fact: 'Templates are Apache Velocity; a template that does not parse fails every request it applies to with 500 [D][O].',
  visitors: {
    template(template, ctx) {
      for (const e of parsed(templateSource(template, ctx)).errors) {
        ctx.report({ pointer: template.pointer, message: `The ${template.direction} template for ${template.contentType} is not valid VTL at ${at(e.line, e.column)}: ${e.message}. Fix the syntax there (unclosed #if/#foreach need #end; a literal # or $ can be escaped with \\).` });
      }
    },
  },
};
