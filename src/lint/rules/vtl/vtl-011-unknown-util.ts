import type { Rule } from '../../rule.js';
import { UTIL_FUNCTIONS } from '../../../vtl/index.js';
import { at, onTemplateReferences } from './support.js';

const KNOWN = new Set<string>(UTIL_FUNCTIONS);
const APPSYNC = /^(toJson|escapeJSON|qr|quiet|autoId|error|appendError|isNull|isNullOrEmpty|defaultIfNull|time|dynamodb|map|list|str|math|transform|matches|urlEncode64|unauthorized|log)$/;

export const apigwVtl011: Rule = {
  id: 'APIGW-VTL-011',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Only the six API Gateway $util functions exist',
  fact: 'API Gateway $util has escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode, base64Decode; $util.toJson, $util.escapeJSON, $util.qr are AppSync and render literally here [D].',
  visitors: {
    template: onTemplateReferences((v, { template }, ctx) => {
      if (v.ref.root !== 'util') return;
      const first = v.ref.path[0];
      if (!first) return;
      const name = first.kind === 'method' || first.kind === 'property' ? first.name : undefined;
      if (name === undefined || KNOWN.has(name)) return;
      const appsync = APPSYNC.test(name) ? ' (that is an AppSync function)' : '';
      const hint = name === 'toJson' ? ' To emit JSON, use $input.json(\'$.path\') for request data.' : name === 'qr' ? ' Use #set($ignored = …) to call a method without printing.' : '';
      ctx.report({ pointer: template.pointer, message: `$util.${name} (${at(v.ref.line, v.ref.column)}) does not exist in API Gateway${appsync}; the reference is printed literally. Use one of ${[...KNOWN].join(', ')}.${hint}` });
    }),
  },
};
