import type { Rule, RuleContext } from '../../rule.js';
import type { Pointer } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { isRawIntrinsic, own, rawAt, list } from './support.js';

function checkEnum(ctx: RuleContext, raw: unknown, base: Pointer, field: string, allowed: string[]): void {
  const v = own(raw, field);
  if (v === undefined || isRawIntrinsic(v)) return;
  if (typeof v === 'string' && allowed.includes(v.toUpperCase())) return;
  ctx.report({ pointer: child(base, field), message: `${field} ${JSON.stringify(v)} is not valid. Use ${list(allowed)}${field === 'contentHandling' ? ', or leave it out to pass the payload through' : ''}.` });
}

export const apigwInt023: Rule = {
  id: 'APIGW-INT-023',
  severity: 'error',
  description: 'passthroughBehavior, contentHandling and connectionType must use their enum values',
  fact: 'PassthroughBehavior is WHEN_NO_MATCH | WHEN_NO_TEMPLATES | NEVER; ContentHandlingStrategy is CONVERT_TO_TEXT | CONVERT_TO_BINARY; ConnectionType is INTERNET | VPC_LINK [A][D].',
  visitors: {
    integration(integration, _route, ctx) {
      const raw = rawAt(ctx, integration.pointer);
      checkEnum(ctx, raw, integration.pointer, 'passthroughBehavior', ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER']);
      checkEnum(ctx, raw, integration.pointer, 'contentHandling', ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY']);
      checkEnum(ctx, raw, integration.pointer, 'connectionType', ['INTERNET', 'VPC_LINK']);
      for (const ir of integration.responses) checkEnum(ctx, rawAt(ctx, ir.pointer), ir.pointer, 'contentHandling', ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY']);
    },
  },
};
