import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';
import { GATEWAY_RESPONSES } from './api-011.js';

const VTL = /#(set|if|foreach|elseif|else|end|macro)\b|\$input\b|\$util\b|\$\{?input\.|\$\{?util\./;

export const apigwApi012: Rule = {
  id: 'APIGW-API-012',
  severity: 'warn',
  description: 'Gateway response templates are not VTL: no #set/#if/#foreach, $input or $util',
  fact: 'Gateway-response responseTemplates are not run through VTL; only simple substitution of $context.*, $stageVariables.* and method request parameters happens [D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const map = rawRoot(ctx)[GATEWAY_RESPONSES];
      if (!isObject(map)) return;
      for (const [type, gr] of Object.entries(map)) {
        if (!isObject(gr) || !isObject(gr.responseTemplates)) continue;
        for (const [ct, text] of Object.entries(gr.responseTemplates)) {
          if (typeof text === 'string' && VTL.test(text)) {
            ctx.report({ message: `the ${type} template for ${ct} uses VTL, but gateway response templates only substitute $context/$stageVariables values: the directives are sent to clients as written; use plain substitutions`, pointer: child(`/${GATEWAY_RESPONSES}`, type, 'responseTemplates', ct) });
          }
        }
      }
    },
  },
};
