import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';

const VALUE = [
  /^integration\.response\.(header|multivalueheader)\.[^\s]+$/,
  /^integration\.response\.body(\.[^\s]+)?$/,
  /^\$?stageVariables\.[A-Za-z0-9_]+$/,
  /^\$?context\.[A-Za-z0-9_.:-]+$/,
  /^'[^]*'$/,
];

export const apigwInt030: Rule = {
  id: 'APIGW-INT-030',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Integration response parameter values must be an integration response header/body, stage variable, context variable or a single-quoted static value',
  fact: 'Response mapping sources are integration.response.{header|multivalueheader}.NAME, integration.response.body[.JSONPATH], stageVariables.NAME, context.NAME or \'static\' [D].',
  visitors: {
    integration(integration, _route, ctx) {
      for (const ir of integration.responses) {
        for (const [key, value] of Object.entries(ir.responseParameters)) {
          if (typeof value !== 'string' || VALUE.some((re) => re.test(value))) continue;
          const hint = value.startsWith('method.request.')
            ? ' Request parameters cannot be mapped into a response header; copy the value with a static value or a response template.'
            : ` A static value must be single-quoted: "'${value.replace(/'/g, '')}'".`;
          ctx.report({ pointer: child(ir.pointer, 'responseParameters', key), message: `responseParameters value ${JSON.stringify(value)} for ${key} is not a valid mapping expression.${hint}` });
        }
      }
    },
  },
};
