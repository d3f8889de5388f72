import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { modelSchemas } from '../../helpers/schema-walk.js';

export const apigwModel009: Rule = {
  id: 'APIGW-MODEL-009',
  severity: 'warn',
  description: 'A model description must not contain */',
  fact: 'A model description containing */ breaks the SDKs API Gateway generates (it closes their doc comments) [A].',
  appliesTo: ['rest'],
  visitors: {
    model(model, ctx) {
      for (const node of modelSchemas(model)) {
        const schema = node.schema;
        if (typeof schema.description === 'string' && schema.description.includes('*/')) {
          ctx.report({ message: "description contains '*/', which ends a comment in generated SDK code: write '* /' or rephrase", pointer: child(node.pointer, 'description') });
        }
      }
    },
  },
};
