import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { segments, variableOf } from '../../helpers/paths.js';
import { pathKeys } from './shared.js';

export const apigwPath002: Rule = {
  id: 'APIGW-PATH-002',
  severity: 'error',
  description: 'A path variable must be a whole segment',
  judgesKey: true,
  fact: 'A path parameter must be a whole segment: /a/{id} is valid, /a{id} and /{id}.json are not [D].',
  visitors: {
    api(_api, ctx) {
      for (const path of pathKeys(ctx)) {
        const bad = segments(path).find((s) => (s.includes('{') || s.includes('}')) && !variableOf(s));
        if (bad !== undefined) {
          ctx.report({ message: `'${bad}' in '${path}' mixes a {variable} with other characters; API Gateway needs each variable to be a whole segment (e.g. /files/{name} instead of /files/{name}.json)`, pointer: child('/paths', path) });
        }
      }
    },
  },
};
