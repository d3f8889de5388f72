import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isRawIntrinsic, hasKey, isLambdaIntegration, own, rawAt, typeOf, droppedByHttpImport } from './support.js';

export const apigwInt018: Rule = {
  id: 'APIGW-INT-018',
  severity: 'error',
  appliesTo: ['http'],
  description: 'HTTP API integrations need payloadFormatVersion "1.0" or "2.0" ("2.0" only for Lambda proxy)',
  fact: 'payloadFormatVersion is required for HTTP APIs; "2.0" is supported only for Lambda proxy integrations, every other integration takes only "1.0" [D][A].',
  visitors: {
    integration(integration, _route, ctx) {
      if (droppedByHttpImport(ctx.api.kind, integration)) return;
      const raw = rawAt(ctx, integration.pointer);
      const lambda = typeOf(integration) === 'aws_proxy' && integration.integrationSubtype === undefined && isLambdaIntegration(integration);
      if (!hasKey(raw, 'payloadFormatVersion')) {
        ctx.report({
          pointer: integration.pointer,
          message: `The HTTP API integration has no payloadFormatVersion, which HTTP APIs require. Add payloadFormatVersion: "${lambda ? '2.0' : '1.0'}"${lambda ? ' (or "1.0" for the REST-style event)' : ''}.`,
        });
        return;
      }
      const value = own(raw, 'payloadFormatVersion');
      if (isRawIntrinsic(value)) return;
      const pointer = child(integration.pointer, 'payloadFormatVersion');
      const text = typeof value === 'number' ? value.toFixed(1) : typeof value === 'string' ? value : undefined;
      if (text !== '1.0' && text !== '2.0') {
        ctx.report({ pointer, message: `payloadFormatVersion ${JSON.stringify(value)} is not supported. Use "1.0" or "2.0" (Lambda proxy only).` });
        return;
      }
      if (text === '2.0' && !lambda) {
        ctx.report({ pointer, message: `payloadFormatVersion "2.0" is only supported for Lambda proxy integrations; this ${integration.rawType}${integration.integrationSubtype ? ` (${integration.integrationSubtype})` : ''} integration takes only "1.0". Set payloadFormatVersion: "1.0".` });
        return;
      }
      if (typeof value === 'number') {
        ctx.report({ severity: 'warn', pointer, message: `payloadFormatVersion is the number ${value}, not the string "${text}"; some tools write it as 1 or 2. Quote it: payloadFormatVersion: "${text}".` });
      }
    },
  },
};
