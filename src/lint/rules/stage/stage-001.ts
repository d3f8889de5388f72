import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { configPosition } from './shared.js';

export const apigwStage001: Rule = {
  id: 'APIGW-STAGE-001',
  severity: 'error',
  description: 'Stage names: letters, digits, - and _, at most 128 characters',
  fact: 'Stage names may contain letters, digits, - and _, at most 128 characters [D][A].',
  visitors: {
    api(_api, ctx) {
      for (const name of Object.keys(ctx.config.stages ?? {})) {
        if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) {
          const position = configPosition(ctx);
          ctx.report({ message: `stage name '${name}' (config stages) is not valid: use 1-128 letters, digits, '-' or '_'`, pointer: child('/stages', name), ...(position ? { position } : {}) });
        }
      }
    },
  },
};
