import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';

const VALUE = [
  /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.[^\s]+$/,
  /^method\.request\.body(\.[^\s]+)?$/,
  /^\$?stageVariables\.[A-Za-z0-9_]+$/,
  /^\$?context\.[A-Za-z0-9_.:-]+$/,
  /^'[^]*'$/,
];

export function isRestRequestMappingValue(v: string): boolean {
  return VALUE.some((re) => re.test(v));
}

export const apigwInt012: Rule = {
  id: 'APIGW-INT-012',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'REST requestParameters values must be a method request parameter, body, stage variable, context variable or a single-quoted static value',
  fact: 'Mapping sources are method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME, method.request.body[.JSONPATH], stageVariables.NAME, context.NAME or a static value enclosed in single quotes [D].',
  visitors: {
    integration(integration, _route, ctx) {
      for (const [key, value] of Object.entries(integration.requestParameters)) {
        if (typeof value !== 'string' || isRestRequestMappingValue(value)) continue;
        const hint = value.startsWith('$request.')
          ? ` ${JSON.stringify(value)} is HTTP API syntax; REST writes method.request.header.NAME, method.request.querystring.NAME, ….`
          : ` A static value must be single-quoted: "'${value.replace(/'/g, '')}'".`;
        ctx.report({
          pointer: child(integration.pointer, 'requestParameters', key),
          message: `requestParameters value ${JSON.stringify(value)} for ${key} is not a valid mapping expression, so import fails with "Invalid mapping expression specified".${hint}`,
        });
      }
    },
  },
};
