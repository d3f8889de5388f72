import type { Rule } from '../../rule.js';
import { renderTemplate, VtlLimitError } from '../../../vtl/index.js';
import { isProxy } from '../int/support.js';
import { at, parsed, templateSource } from './support.js';
import { sampleRequests } from './sample-request.js';

export const apigwVtl014: Rule = {
  id: 'APIGW-VTL-014',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'A mapping template must render within the VTL engine\'s limits',
  fact: 'API Gateway stops #foreach after 1000 iterations and carries at most 10 MB of payload [D]. The engine also bounds what one render may build (1,000,000 list/map elements, 1,000,000 loop iterations, strings of 10 MiB, 100 MiB of strings in all, macro/#evaluate nesting of 20 as Velocity\'s velocimacro.max.depth) [I]. Rendered against sample requests built from the route\'s parameters and body schema [I].',
  visitors: {
    template(template, ctx) {
      if (isProxy(template.integration)) return;
      const text = templateSource(template, ctx);
      if (!parsed(text).ast) return; // syntax errors (nesting too deep included) are APIGW-VTL-010
      for (const request of sampleRequests(template.route, template.contentType, ctx.api.models)) {
        try {
          renderTemplate(text, request);
        } catch (e) {
          // Other render errors depend on the sample data; `apigw-gen vtl render` shows them.
          if (!(e instanceof VtlLimitError)) continue;
          ctx.report({ pointer: template.pointer, message: `The ${template.direction} template for ${template.contentType} exceeds a VTL limit at ${at(e.line, e.column)}: ${e.message}. API Gateway would fail or truncate such a request; bound the range, loop or recursion there.` });
          return;
        }
      }
    },
  },
};
