import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, isRawIntrinsic, own, rawAt } from './support.js';

export const apigwInt019: Rule = {
  id: 'APIGW-INT-019',
  severity: 'error',
  description: 'timeoutInMillis must be 50–29000 (REST) or 50–30000 (HTTP)',
  fact: 'REST integration timeout is 50–29000 ms; Regional and private APIs may go above 29000 after a quota increase, edge-optimized cannot; up to 900000 with responseTransferMode STREAM. HTTP APIs: 50–30000 ms, not raisable [A][D].',
  visitors: {
    integration(integration, _route, ctx) {
      const raw = rawAt(ctx, integration.pointer);
      if (!hasKey(raw, 'timeoutInMillis')) return;
      const value = own(raw, 'timeoutInMillis');
      if (isRawIntrinsic(value)) return; // CloudFormation resolves it (Fn::If, Ref, …)
      const pointer = child(integration.pointer, 'timeoutInMillis');
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n)) {
        ctx.report({ pointer, message: `timeoutInMillis ${JSON.stringify(value)} is not an integer number of milliseconds. Write a number such as 29000.` });
        return;
      }
      if (typeof value === 'string') {
        ctx.report({ severity: 'warn', pointer, message: `timeoutInMillis is the string ${JSON.stringify(value)}; the extension expects an integer. Write timeoutInMillis: ${n}.` });
      }
      const streaming = (integration.responseTransferMode ?? '').toUpperCase() === 'STREAM';
      if (ctx.api.kind === 'http') {
        if (n < 50 || n > 30000) ctx.report({ pointer, message: `timeoutInMillis ${n} is outside 50–30000, the HTTP API range (30 s cannot be raised). Use a value from 50 to 30000.` });
        return;
      }
      const max = streaming ? 900000 : 29000;
      if (n < 50) {
        ctx.report({ pointer, message: `timeoutInMillis ${n} is below the 50 ms minimum. Use a value from 50 to ${max}.` });
      } else if (n > max) {
        const endpoint = ctx.config.gateway?.endpointType ?? 'EDGE';
        if (!streaming && endpoint !== 'EDGE') {
          ctx.report({ severity: 'warn', pointer, message: `timeoutInMillis ${n} is above 29000; a ${endpoint} API needs a service-quota increase for that (it may lower the account throttle). Request the increase or lower the timeout to 29000.` });
        } else {
          ctx.report({ pointer, message: `timeoutInMillis ${n} is above ${max}${streaming ? ' (15 minutes, the streaming maximum)' : ', the maximum for edge-optimized APIs (the default endpoint type)'}. Lower it to ${max}${streaming ? '' : ', or deploy as REGIONAL/PRIVATE (gateway.endpointType) with a quota increase'}.` });
        }
      }
    },
  },
};
