import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { textOf, typeOf } from './support.js';

/** `{name}` variables in the part of the uri before the query string (`${...}` substitutions excluded). */
function uriVariables(uri: string): string[] {
  const path = uri.replace(/\$\{[^}]*\}/g, '').split('?')[0]!;
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.replace(/\+$/, ''));
}

export const apigwInt009: Rule = {
  id: 'APIGW-INT-009',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Every {name} in an integration uri needs an integration.request.path.name mapping, and vice versa',
  fact: 'Path variables in the integration URI are filled only from integration.request.path.* mappings; the console warns that the endpoint "does not contain all of the path parameters" [D][O].',
  visitors: {
    integration(integration, _route, ctx) {
      const t = typeOf(integration);
      if (t !== 'http' && t !== 'http_proxy' && t !== 'aws') return;
      const uri = textOf(integration.uri);
      if (uri === undefined) return;
      const vars = uriVariables(uri);
      const mapped = new Map<string, string>();
      for (const key of Object.keys(integration.requestParameters)) {
        const m = /^integration\.request\.path\.(.+)$/.exec(key);
        if (m) mapped.set(m[1]!, key);
      }
      for (const v of new Set(vars)) {
        if (mapped.has(v)) continue;
        ctx.report({
          pointer: child(integration.pointer, 'uri'),
          message: `The uri has {${v}} but requestParameters has no integration.request.path.${v}, so the backend receives the literal text. Add "integration.request.path.${v}": "method.request.path.${v}" to requestParameters.`,
        });
      }
      for (const [name, key] of mapped) {
        if (vars.includes(name)) continue;
        ctx.report({
          severity: 'warn',
          pointer: child(integration.pointer, 'requestParameters', key),
          message: `requestParameters maps ${key} but the uri has no {${name}} to fill. Add {${name}} to the uri path or remove the mapping.`,
        });
      }
    },
  },
};
