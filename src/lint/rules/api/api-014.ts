import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-cors';

export const apigwApi014: Rule = {
  id: 'APIGW-API-014',
  severity: 'error',
  description: 'HTTP API CORS: no credentials with origin *, maxAge -1..86400, allowMethods items at most 64 characters',
  fact: 'allowCredentials cannot be true when allowOrigins contains * ("allow-credentials is not supported if \'allow-origin\' is *") [O]; maxAge is -1 to 86400 and allowMethods items 1–64 characters [A].',
  appliesTo: ['http'],
  visitors: {
    api(_api, ctx) {
      const cors = rawRoot(ctx)[KEY];
      if (!isObject(cors)) return;
      const base = `/${KEY}`;
      if (cors.allowCredentials === true && Array.isArray(cors.allowOrigins) && cors.allowOrigins.includes('*')) {
        ctx.report({ message: "allowCredentials: true is not supported when allowOrigins contains '*': list the allowed origins explicitly", pointer: child(base, 'allowCredentials') });
      }
      if ('maxAge' in cors) {
        const m = cors.maxAge;
        if (typeof m !== 'number' || !Number.isInteger(m) || m < -1 || m > 86400) {
          ctx.report({ message: `maxAge ${JSON.stringify(m)} must be an integer from -1 to 86400 (seconds)`, pointer: child(base, 'maxAge') });
        }
      }
      if (Array.isArray(cors.allowMethods)) {
        cors.allowMethods.forEach((m, i) => {
          if (typeof m !== 'string' || m.length < 1 || m.length > 64) {
            ctx.report({ message: `allowMethods entry ${JSON.stringify(m)} must be a string of 1 to 64 characters (e.g. GET or *)`, pointer: child(base, 'allowMethods', i) });
          }
        });
      }
    },
  },
};
