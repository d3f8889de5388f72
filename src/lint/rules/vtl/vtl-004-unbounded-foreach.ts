import type { Rule } from '../../rule.js';
import type { Expr, TemplateNode } from '../../../vtl/index.js';
import { at, nodeLists, parsed, templateSource } from './support.js';

/** `$input.path(...)`, `$input.json(...)`, `$util.parseJson($input…)`: data from the request body. */
function bodyDerived(e: Expr, tainted: Set<string>): boolean {
  if (e.kind !== 'reference') return false;
  const { root, path } = e.ref;
  const first = path[0];
  if (root === 'input' && first?.kind === 'method' && (first.name === 'path' || first.name === 'json')) return true;
  if (root === 'util' && first?.kind === 'method' && first.name === 'parseJson') return first.args.some((a) => bodyDerived(a, tainted) || (a.kind === 'reference' && a.ref.root === 'input'));
  return tainted.has(root);
}

function hasBreak(nodes: TemplateNode[]): boolean {
  return nodes.some((n) =>
    n.kind === 'break' || n.kind === 'stop' ||
    (n.kind === 'if' && n.branches.some((b) => hasBreak(b.body))) ||
    (n.kind === 'foreach' && hasBreak(n.body)));
}

export const apigwVtl004: Rule = {
  id: 'APIGW-VTL-004',
  severity: 'warn',
  appliesTo: ['rest'],
  description: '#foreach over request-body data should be bounded (AWS stops after 1000 iterations)',
  fact: '#foreach is limited to 1000 iterations; further items are silently skipped [D][O].',
  visitors: {
    template(template, ctx) {
      if (template.direction !== 'request') return;
      const text = templateSource(template, ctx);
      const { ast } = parsed(text);
      if (!ast) return;
      const tainted = new Set<string>();
      for (const list of nodeLists(ast)) {
        for (const n of list) if (n.kind === 'set' && n.target.path.length === 0 && bodyDerived(n.value, tainted)) tainted.add(n.target.root);
      }
      for (const list of nodeLists(ast)) {
        for (const n of list) {
          if (n.kind !== 'foreach' || !bodyDerived(n.iterable, tainted) || hasBreak(n.body)) continue;
          ctx.report({ pointer: template.pointer, message: `#foreach($${n.variable} …) at ${at(n.line, n.column)} iterates over request-body data with no bound; API Gateway silently stops after 1000 items, so larger requests are truncated. Bound the loop explicitly (#if($foreach.count > N)#break#end) and reject larger inputs in the backend (request validation does not enforce maxItems).` });
        }
      }
    },
  },
};
