import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { segments, variableOf } from '../../helpers/paths.js';
import { pathKeys } from './shared.js';

export const apigwPath003: Rule = {
  id: 'APIGW-PATH-003',
  severity: 'error',
  description: 'A greedy variable {name+} must be the last path segment',
  judgesKey: true,
  fact: '"The greedy path variable must be at the end of the resource path" [D]; nesting under it fails with "Cannot create a child of a resource with a greedy path variable" [O].',
  visitors: {
    api(_api, ctx) {
      for (const path of pathKeys(ctx)) {
        const segs = segments(path);
        const i = segs.findIndex((s) => variableOf(s)?.greedy);
        if (i >= 0 && i < segs.length - 1) {
          ctx.report({ message: `greedy variable '${segs[i]}' in '${path}' is followed by more segments; it must be last (it already matches everything below it)`, pointer: child('/paths', path) });
        }
      }
    },
  },
};
