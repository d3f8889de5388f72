import type { Rule } from '../../rule.js';
import { at, onTemplateReferences } from './support.js';

export const apigwVtl006: Rule = {
  id: 'APIGW-VTL-006',
  severity: 'warn',
  appliesTo: ['rest'],
  description: '$context.error.* (other than validationErrorString) is not available in integration templates',
  fact: '$context.error.message, .messageString and .responseType are only available in gateway-response templates and access logs [D].',
  visitors: {
    template: onTemplateReferences((v, { template }, ctx) => {
      if (!v.dottedPath.startsWith('context.error.') || v.dottedPath === 'context.error.validationErrorString') return;
      ctx.report({ pointer: template.pointer, message: `$${v.dottedPath} (${at(v.ref.line, v.ref.column)}) is only set in gateway-response templates and access logs; in an integration template it renders empty. Move this body to x-amazon-apigateway-gateway-responses, or use $context.error.validationErrorString.` });
    }),
  },
};
