import { statSync } from 'node:fs';
import type { Rule } from '../../rule.js';

export const IMPORT_LIMIT_BYTES = 6 * 1024 * 1024;

export const apigwDoc002: Rule = {
  id: 'APIGW-DOC-002',
  severity: 'error',
  description: 'The API definition must be at most 6 MB',
  fact: 'ImportRestApi/PutRestApi accept a JSON or YAML body of at most 6 MB; the quota cannot be raised [A][D].',
  visitors: {
    api(_api, ctx) {
      const doc = ctx.document;
      let size: number;
      if (doc.files.length <= 1) {
        try {
          size = statSync(doc.entry).size;
        } catch {
          return;
        }
      } else {
        // A multi-file spec is imported as its bundle: measure that, compact JSON.
        size = Buffer.byteLength(JSON.stringify(doc.document));
      }
      if (size > IMPORT_LIMIT_BYTES) {
        ctx.report({
          message: `the definition is ${(size / 1048576).toFixed(1)} MB; API Gateway imports at most 6 MB: split the API, drop documentation/examples, or minify to JSON`,
          pointer: '',
        });
      }
    },
  },
};
