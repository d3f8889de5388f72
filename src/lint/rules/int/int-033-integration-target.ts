import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isRawIntrinsic, own, rawAt } from './support.js';

export const apigwInt033: Rule = {
  id: 'APIGW-INT-033',
  severity: 'warn',
  description: 'integrationTarget is used only with connectionType VPC_LINK',
  fact: 'integrationTarget names the ALB or NLB listener behind a VPC link V2, used together with connectionType VPC_LINK and connectionId [A][D][I].',
  visitors: {
    integration(integration, _route, ctx) {
      if (integration.integrationTarget === undefined) return;
      if ((integration.connectionType ?? '').toUpperCase() === 'VPC_LINK') return;
      if (isRawIntrinsic(own(rawAt(ctx, integration.pointer), 'connectionType'))) return;
      ctx.report({ pointer: child(integration.pointer, 'integrationTarget'), message: 'integrationTarget is set but connectionType is not VPC_LINK, so no private integration uses it. Add connectionType: VPC_LINK and connectionId, or remove integrationTarget.' });
    },
  },
};
