import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { typeOf } from './support.js';
import { mockStatusCodes, selects } from './responses.js';

export const apigwInt034: Rule = {
  id: 'APIGW-INT-034',
  severity: 'warn',
  appliesTo: ['rest'],
  description: 'A mock request template must produce a statusCode that a responses entry selects',
  fact: 'A mock integration chooses its integration response from the {"statusCode": N} its request template outputs [D].',
  visitors: {
    integration(integration, _route, ctx) {
      if (typeOf(integration) !== 'mock' || integration.responses.length === 0) return;
      const templates = mockStatusCodes(integration);
      if (!templates) return;
      for (const { contentType, codes } of templates) {
        const pointer = child(integration.pointer, 'requestTemplates', contentType);
        if (codes.length === 0) {
          if (selects(integration.responses, '200') === false) {
            ctx.report({ pointer, message: 'The mock request template outputs no statusCode and no responses entry is a default. Output {"statusCode": 200} from the template and add a matching responses entry.' });
          }
          continue;
        }
        for (const code of new Set(codes)) {
          if (selects(integration.responses, code) !== false) continue;
          ctx.report({ pointer, message: `The mock request template outputs statusCode ${code}, but no responses entry selects "${code}" and there is no default, so the call ends in 500. Add a responses entry for "${code}" or a default.` });
        }
      }
    },
  },
};
