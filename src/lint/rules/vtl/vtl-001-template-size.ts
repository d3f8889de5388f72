import type { Rule } from '../../rule.js';
import { MAX_TEMPLATE_BYTES } from '../../../vtl/index.js';

export const apigwVtl001: Rule = {
  id: 'APIGW-VTL-001',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Mapping templates may be at most 300 KB',
  fact: 'Quota: the maximum mapping template size is 300 KB, not raisable [D].',
  visitors: {
    template(template, ctx) {
      const bytes = Buffer.byteLength(template.text, 'utf8');
      if (bytes <= MAX_TEMPLATE_BYTES) return;
      ctx.report({ pointer: template.pointer, message: `This ${template.direction} template is ${Math.ceil(bytes / 1024)} KB; API Gateway accepts at most 300 KB per template. Move logic to the backend or split the data the template embeds.` });
    },
  },
};
