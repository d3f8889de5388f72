import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { modelSchemas } from '../../helpers/schema-walk.js';

export const apigwModel003: Rule = {
  id: 'APIGW-MODEL-003',
  severity: 'error',
  description: 'type: number with format int32/int64, and format: decimal, are not supported',
  fact: 'format: int32 or int64 with type: number is not supported; format: decimal is not supported [D].',
  appliesTo: ['rest'],
  visitors: {
    model(model, ctx) {
      for (const node of modelSchemas(model)) {
        const schema = node.schema;
        const format = schema.format;
        if (format === 'decimal') {
          ctx.report({ message: "format: decimal is not supported by API Gateway models: use type: number (or type: string with a pattern)", pointer: child(node.pointer, 'format') });
        } else if ((format === 'int32' || format === 'int64') && (schema.type === 'number' || (Array.isArray(schema.type) && schema.type.includes('number')))) {
          ctx.report({ message: `type: number with format: ${format} is not supported by API Gateway models: use type: integer`, pointer: child(node.pointer, 'format') });
        }
      }
    },
  },
};
