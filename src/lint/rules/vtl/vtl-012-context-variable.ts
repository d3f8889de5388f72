import type { Rule } from '../../rule.js';
import { ACCESS_LOG_ONLY_CONTEXT_VARIABLES, isTemplateContextVariable } from '../../../vtl/index.js';
import { at, onTemplateReferences } from './support.js';

function accessLogOnly(variable: string): boolean {
  return ACCESS_LOG_ONLY_CONTEXT_VARIABLES.some((p) => (p.endsWith('.*') ? variable.startsWith(p.slice(0, -1)) : p === variable));
}

export const apigwVtl012: Rule = {
  id: 'APIGW-VTL-012',
  severity: 'warn',
  appliesTo: ['rest'],
  description: '$context variables in templates must be ones API Gateway provides to mapping templates',
  fact: 'Only the "variables for data transformations" are set in mapping templates; access-log variables (e.g. $context.status, $context.integrationLatency) and unknown names render empty [D][O].',
  visitors: {
    template: onTemplateReferences((v, { template }, ctx) => {
      if (v.ref.root !== 'context' || v.assigned) return;
      const variable = v.dottedPath.slice('context.'.length);
      if (v.dottedPath === 'context' || variable.startsWith('error.')) return; // error.* is APIGW-VTL-006
      if (isTemplateContextVariable(variable)) return;
      // `$context.identity.keySet()`-style calls stop the dotted path at an object that exists.
      const why = accessLogOnly(variable) ? 'exists only in access logs' : 'is not a variable API Gateway sets in mapping templates';
      ctx.report({ pointer: template.pointer, message: `$context.${variable} (${at(v.ref.line, v.ref.column)}) ${why}, so it renders empty. Use a mapping-template variable such as $context.requestId, $context.identity.sourceIp or $context.authorizer.principalId.` });
    }),
  },
};
