import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { configPosition } from './shared.js';

const NAME = /^[A-Za-z0-9_]+$/;
const VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

export const apigwStage002: Rule = {
  id: 'APIGW-STAGE-002',
  severity: 'error',
  description: 'Stage variables: names [A-Za-z0-9_]+ (≤64), values [A-Za-z0-9-._~:/?#&=,]+ (≤512), at most 100 per stage',
  fact: 'Stage variable names match [A-Za-z0-9_]+ and values [A-Za-z0-9-._~:/?#&=,]+; key length at most 64, value length at most 512, at most 100 variables per stage; none of these can be raised [A][D].',
  visitors: {
    api(_api, ctx) {
      const position = configPosition(ctx);
      const at = position ? { position } : {};
      for (const [stage, cfg] of Object.entries(ctx.config.stages ?? {})) {
        const vars = cfg.variables ?? {};
        const names = Object.keys(vars);
        if (names.length > 100) {
          ctx.report({ message: `stage '${stage}' has ${names.length} variables; API Gateway allows at most 100 per stage`, pointer: child('/stages', stage, 'variables'), ...at });
        }
        for (const name of names) {
          const value = vars[name];
          const pointer = child('/stages', stage, 'variables', name);
          if (!NAME.test(name) || name.length > 64) {
            ctx.report({ message: `stage variable name '${name}' (stage '${stage}') must be 1-64 letters, digits or '_'`, pointer, ...at });
          }
          if (typeof value !== 'string' || !VALUE.test(value) || value.length > 512) {
            ctx.report({ message: `the value of stage variable '${name}' (stage '${stage}') must be 1-512 characters from A-Z a-z 0-9 - . _ ~ : / ? # & = ,`, pointer, ...at });
          }
        }
      }
    },
  },
};
