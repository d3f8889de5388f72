import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { at, onTemplateReferences } from './support.js';

const KEY = /^[A-Za-z0-9_]+$/;

export const apigwVtl008: Rule = {
  id: 'APIGW-VTL-008',
  severity: 'warn',
  appliesTo: ['rest'],
  description: '$context.authorizer.<key> keys may contain only letters, digits and _',
  fact: '"For property, the only supported special character is the underscore" — other authorizer context keys are not available to templates and mappings [D current].',
  visitors: {
    template: onTemplateReferences((v, { template }, ctx) => {
      if (v.ref.root !== 'context') return;
      const [a, b] = v.ref.path;
      if (a?.kind !== 'property' || a.name !== 'authorizer' || !b) return;
      let key: string | undefined;
      if (b.kind === 'index' && b.index.kind === 'literal' && typeof b.index.value === 'string') key = b.index.value;
      else if (b.kind === 'method' && b.name === 'get' && b.args[0]?.kind === 'literal' && typeof b.args[0].value === 'string') key = b.args[0].value;
      if (key === undefined || key === 'claims' || KEY.test(key)) return;
      ctx.report({ pointer: template.pointer, message: `Authorizer context key "${key}" (${at(v.ref.line, v.ref.column)}) contains characters other than letters, digits and _, which API Gateway does not support. Rename the key in the authorizer's context (e.g. "${key.replace(/[^A-Za-z0-9_]/g, '_')}").` });
    }),
    integration(integration, _route, ctx) {
      for (const [key, value] of Object.entries(integration.requestParameters)) {
        if (typeof value !== 'string') continue;
        const m = /^\$?context\.authorizer\.(.+)$/.exec(value);
        if (!m || m[1]!.startsWith('claims.') || KEY.test(m[1]!)) continue;
        ctx.report({ pointer: child(integration.pointer, 'requestParameters', key), message: `Authorizer context key "${m[1]}" contains characters other than letters, digits and _, which API Gateway does not support. Rename the key in the authorizer's context (e.g. "${m[1]!.replace(/[^A-Za-z0-9_]/g, '_')}").` });
      }
    },
  },
};
