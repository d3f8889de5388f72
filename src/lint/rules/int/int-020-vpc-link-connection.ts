import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isRawIntrinsic, own, rawAt } from './support.js';

export const apigwInt020: Rule = {
  id: 'APIGW-INT-020',
  severity: 'error',
  description: 'connectionType VPC_LINK needs a connectionId (and connectionId needs VPC_LINK)',
  fact: 'connectionId is the VPC link id, "Specify this value only if you specify VPC_LINK" [A].',
  visitors: {
    integration(integration, _route, ctx) {
      // A connectionType chosen by an intrinsic (Fn::If) may be either: nothing to say.
      if (isRawIntrinsic(own(rawAt(ctx, integration.pointer), 'connectionType'))) return;
      const vpc = (integration.connectionType ?? '').toUpperCase() === 'VPC_LINK';
      if (vpc && integration.connectionId === undefined) {
        ctx.report({ pointer: child(integration.pointer, 'connectionType'), message: 'connectionType is VPC_LINK but there is no connectionId, so API Gateway does not know which VPC link to use. Add connectionId: <vpc link id> (or "${stageVariables.vpcLinkId}" on REST).' });
      } else if (!vpc && integration.connectionId !== undefined) {
        ctx.report({ severity: 'warn', pointer: child(integration.pointer, 'connectionId'), message: 'connectionId is set but connectionType is not VPC_LINK, so it is ignored. Add connectionType: VPC_LINK for a private integration, or remove connectionId.' });
      }
    },
  },
};
