import { it } from 'vitest';
import { parseTemplate, walkReferences, renderTemplate, UTIL_FUNCTIONS } from '../../../src/vtl/index.js';
it('x', () => {
  console.log('UTIL', UTIL_FUNCTIONS);
  for (const t of ['#parse("x.vm")\n#include("y")', '{"a": "$input.json(\'$.a\')", "b": $util.escapeJavaScript($input.params(\'x\')).replaceAll("\\\\\'","\'")}', '#if($a\n{"x": 1', '#set($context.requestOverride.header.X = "1")\n$context.authorizer[\'a-b\'] $context.authorizer.get("c-d")', '#foreach($i in $input.path(\'$.items\'))$i#end']) {
    const r = parseTemplate(t);
    console.log('ERR', r.errors.map((e) => `${e.line}:${e.column} ${e.message}`));
    if (r.ast) { console.log('NODES', JSON.stringify(r.ast.nodes).slice(0, 900)); walkReferences(r.ast, (v) => console.log('REF', v.dottedPath, v.assigned, v.firstMethod, v.ref.line, v.ref.column, JSON.stringify(v.ref.source))); }
  }
  console.log('OUT', JSON.stringify(renderTemplate('{"a": "$input.params(\'id\')", "b": $input.json(\'$\')}', { body: '{"x":1}', path: { id: '7' } }).output));
});
