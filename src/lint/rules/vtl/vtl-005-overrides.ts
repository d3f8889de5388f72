import type { Rule } from '../../rule.js';
import { walkReferences } from '../../../vtl/index.js';
import { at, nodeLists, parsed, templateSource } from './support.js';
import { isProxy } from '../int/support.js';

function overrideKind(path: string): 'request' | 'response' | undefined {
  if (path.startsWith('context.requestOverride.')) return 'request';
  if (path.startsWith('context.responseOverride.')) return 'response';
  return undefined;
}

function dotted(target: { root: string; path: { kind: string; name?: string; index?: unknown }[] }): string {
  const names = [target.root];
  for (const a of target.path) {
    if (a.kind === 'property' && a.name) names.push(a.name);
    else break;
  }
  return names.join('.');
}

export const apigwVtl005: Rule = {
  id: 'APIGW-VTL-005',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Overrides must match the template direction, not be used on proxy integrations, and be assigned once',
  fact: 'requestOverride is for request templates and responseOverride for response templates; overrides do not work on proxy integrations; an override "may only be applied to each parameter once" and a second assignment gives 5XX [D].',
  visitors: {
    template(template, ctx) {
      const text = templateSource(template, ctx);
      const { ast } = parsed(text);
      if (!ast) return;
      const proxy = isProxy(template.integration);
      walkReferences(ast, (v) => {
        if (!v.assigned) return;
        const kind = overrideKind(v.dottedPath);
        if (!kind) return;
        const where = at(v.ref.line, v.ref.column);
        if (proxy) {
          ctx.report({ pointer: template.pointer, message: `$${v.dottedPath} is assigned at ${where}, but overrides do not work on ${template.integration.rawType} integrations (no templates run). Use a non-proxy integration or set the value in the backend.` });
        } else if (kind !== template.direction) {
          const right = kind === 'request' ? 'request' : 'response';
          ctx.report({ pointer: template.pointer, message: `$${v.dottedPath} is assigned in a ${template.direction} template (${where}); ${kind}Override only takes effect in ${right} templates. Move it to the ${right} template${template.direction === 'request' ? ' (responses[…].responseTemplates)' : ' (requestTemplates)'} or use ${template.direction}Override.` });
        }
      });
      for (const list of nodeLists(ast)) {
        const seen = new Map<string, number>();
        for (const n of list) {
          if (n.kind !== 'set') continue;
          const path = dotted(n.target);
          if (!overrideKind(path)) continue;
          const line = seen.get(path);
          if (line === undefined) { seen.set(path, n.line); continue; }
          ctx.report({ pointer: template.pointer, message: `$${path} is assigned twice (template lines ${line} and ${n.line}); API Gateway allows one override per parameter and answers 5XX otherwise. Compute the value first and assign it once.` });
        }
      }
    },
  },
};
