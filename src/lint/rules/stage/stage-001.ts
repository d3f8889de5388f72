import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { configPosition } from './shared.js';

/** The stage an HTTP API serves at the root of its URL (no stage segment). */
const DEFAULT_STAGE = '$default';

export const apigwStage001: Rule = {
  id: 'APIGW-STAGE-001',
  severity: 'error',
  description: 'Stage names: letters, digits, - and _, at most 128 characters; `$default` only for an HTTP API',
  fact: 'Stage names may contain letters, digits, - and _, at most 128 characters; an HTTP API may also have the stage `$default`, served without a stage segment in the URL [D][A].',
  visitors: {
    api(api, ctx) {
      for (const name of Object.keys(ctx.config.stages ?? {})) {
        if (/^[A-Za-z0-9_-]{1,128}$/.test(name) || (name === DEFAULT_STAGE && api.kind === 'http')) continue;
        const position = configPosition(ctx);
        const message =
          name === DEFAULT_STAGE
            ? `stage name '$default' (config stages) exists only for HTTP APIs; this is a REST API: use a name of 1-128 letters, digits, '-' or '_'`
            : `stage name '${name}' (config stages) is not valid: use 1-128 letters, digits, '-' or '_'${api.kind === 'http' ? `, or '$default'` : ''}`;
        ctx.report({ message, pointer: child('/stages', name), ...(position ? { position } : {}) });
      }
    },
  },
};
