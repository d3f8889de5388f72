import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';

export const oas006: Rule = {
  id: 'OAS-006',
  severity: 'error',
  description: 'Paths that differ only in variable names are the same route (HTTP APIs; REST: APIGW-PATH-004)',
  judgesKey: true,
  fact: 'OpenAPI: "Templated paths with the same hierarchy but different templated names MUST NOT exist as they are identical." An HTTP API route key is METHOD plus the path, so both paths claim the same routes [D][I].',
  appliesTo: ['http'],
  visitors: {
    api(_api, ctx) {
      const paths = rawRoot(ctx).paths;
      if (!isObject(paths)) return;
      const seen = new Map<string, string>();
      for (const key of Object.keys(paths)) {
        const shape = key.replace(/\{[^{}]*?(\+?)\}/g, '{$1}');
        const first = seen.get(shape);
        if (first === undefined) seen.set(shape, key);
        else ctx.report({ message: `path '${key}' is the same route as '${first}' (only the variable names differ): merge them into one path`, pointer: child('/paths', key) });
      }
    },
  },
};
