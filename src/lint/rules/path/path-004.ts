import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { segments, variableOf } from '../../helpers/paths.js';
import { pathKeys } from './shared.js';

export const apigwPath004: Rule = {
  id: 'APIGW-PATH-004',
  severity: 'error',
  description: 'Sibling REST resources cannot use different variable names',
  judgesKey: true,
  fact: 'Only one variable path part is allowed per parent resource: "A sibling ({id}) of this resource already has a variable path part -- only one is allowed" [O].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      // parent resource path → the first variable segment seen under it, and which path introduced it
      const variableChild = new Map<string, { seg: string; path: string }>();
      for (const path of pathKeys(ctx)) {
        const segs = segments(path);
        let parent = '';
        for (const seg of segs) {
          if (variableOf(seg)) {
            const first = variableChild.get(parent);
            if (!first) variableChild.set(parent, { seg, path });
            else if (first.seg !== seg) {
              ctx.report({
                message: `'${seg}' in '${path}' and '${first.seg}' in '${first.path}' are sibling variables under '${parent || '/'}'; API Gateway allows one variable per parent: use the same name in both paths`,
                pointer: child('/paths', path),
              });
              break;
            }
          }
          parent += '/' + seg;
        }
      }
    },
  },
};
