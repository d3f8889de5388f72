import type { Rule, RuleContext } from '../../rule.js';
import type { Pointer } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { isRawIntrinsic, isRecord, rawAt } from './support.js';

function checkMap(ctx: RuleContext, map: unknown, pointer: Pointer, field: string): void {
  if (!isRecord(map)) return;
  for (const [key, value] of Object.entries(map)) {
    if (typeof value === 'string' || isRawIntrinsic(value)) continue;
    ctx.report({
      pointer: child(pointer, key),
      message: `${field} value for ${key} is ${JSON.stringify(value)} (${value === null ? 'null' : typeof value}), not a string; import answers "Invalid format for '${field}'. Expected type string". Quote it: a static value is written "'value'" (single quotes inside the string).`,
    });
  }
}

export const apigwInt010: Rule = {
  id: 'APIGW-INT-010',
  severity: 'error',
  description: 'Parameter mapping values must be strings',
  fact: 'A non-string requestParameters value gives the import warning `Invalid format for \'requestParameters\'. Expected type string for property \'…\'` [O].',
  visitors: {
    integration(integration, _route, ctx) {
      const raw = rawAt(ctx, integration.pointer);
      if (!isRecord(raw)) return;
      checkMap(ctx, raw.requestParameters, child(integration.pointer, 'requestParameters'), 'requestParameters');
      if (ctx.api.kind === 'http' && isRecord(raw.responseParameters)) {
        for (const status of Object.keys(raw.responseParameters)) {
          checkMap(ctx, raw.responseParameters[status], child(integration.pointer, 'responseParameters', status), 'responseParameters');
        }
      }
      for (const ir of integration.responses) checkMap(ctx, rawAt(ctx, child(ir.pointer, 'responseParameters')), child(ir.pointer, 'responseParameters'), 'responseParameters');
    },
  },
};
