import type { Rule } from '../../rule.js';
import { compileJavaRegex } from './java-regex.js';
import { isLambdaIntegration, typeOf } from './support.js';

export const apigwInt028: Rule = {
  id: 'APIGW-INT-028',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Integration response selection patterns must be valid Java regexes that match the whole input',
  judgesKey: true,
  fact: 'Selection patterns are Java regular expressions matched against the whole status code or Lambda errorMessage; AWS examples wrap text in .*…* [D][I].',
  visitors: {
    integration(integration, _route, ctx) {
      const lambda = typeOf(integration) === 'aws' && isLambdaIntegration(integration);
      for (const ir of integration.responses) {
        const p = ir.selectionPattern;
        if (p === 'default') continue;
        const c = compileJavaRegex(p);
        if (!c.ok) {
          ctx.report({ pointer: ir.pointer, message: `Selection pattern ${JSON.stringify(p)} is not a valid Java regular expression (${c.error}). Fix the pattern; in YAML/JSON a regex backslash is written \\\\ inside double quotes, e.g. "2\\\\d{2}".` });
          continue;
        }
        if (!lambda) continue;
        const literal = /[A-Za-z0-9]/.test(p.replace(/\\[a-zA-Z]/g, ''));
        const open = p.startsWith('.*') || p.startsWith('.+') || p.startsWith('^') || p.startsWith('(?s).*');
        const close = p.endsWith('.*') || p.endsWith('.+') || p.endsWith('$');
        if (/^[0-9\\d{}[\]|()-]+$/.test(p)) {
          ctx.report({ severity: 'warn', pointer: ir.pointer, message: `Selection pattern ${JSON.stringify(p)} looks like a status code, but for a Lambda (aws) integration patterns are matched against the function's errorMessage, and a successful call has none. Use default for success and patterns such as ".*Not Found.*" for errors.` });
        } else if (literal && !open && !close) {
          ctx.report({ severity: 'warn', pointer: ir.pointer, message: `Selection pattern ${JSON.stringify(p)} must match the whole Lambda errorMessage, so it only selects an error whose message is exactly that text. If you meant "contains", write ${JSON.stringify(`.*${p}.*`)}.` });
        }
      }
    },
  },
};
