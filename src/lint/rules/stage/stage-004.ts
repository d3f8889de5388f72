import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { configPosition } from './shared.js';

const SECRET_NAME = /(secret|password|passwd|pwd|token|api_?key|private_?key|credential)/i;
/** Long high-entropy values (AWS secret keys, JWTs) also look like secrets whatever the name. */
const SECRET_VALUE = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9+/=_\-.]{32,}$/;

export const apigwStage004: Rule = {
  id: 'APIGW-STAGE-004',
  severity: 'info',
  description: 'Stage variables are not for secrets',
  fact: 'Stage variables are "not intended to be used for sensitive data" — they are visible to anyone who can read the stage [D].',
  visitors: {
    api(_api, ctx) {
      const position = configPosition(ctx);
      for (const [stage, cfg] of Object.entries(ctx.config.stages ?? {})) {
        for (const [name, value] of Object.entries(cfg.variables ?? {})) {
          if (SECRET_NAME.test(name) || (typeof value === 'string' && SECRET_VALUE.test(value))) {
            ctx.report({ message: `stage variable '${name}' (stage '${stage}') looks like a secret; stage variables are readable by anyone with access to the stage: keep secrets in Secrets Manager or SSM and pass only their names`, pointer: child('/stages', stage, 'variables', name), ...(position ? { position } : {}) });
          }
        }
      }
    },
  },
};
