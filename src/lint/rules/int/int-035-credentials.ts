import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { substitute, textOf, WILD } from './support.js';

const ROLE = new RegExp(`^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|${WILD}):iam::(\\d{12}|${WILD}):role/.+$`);
const CALLER = /^arn:aws[a-z-]*:iam::\*:user\/\*$/;

export const apigwInt035: Rule = {
  id: 'APIGW-INT-035',
  severity: 'warn',
  description: 'Integration credentials must be an IAM role ARN, arn:aws:iam::*:user/*, or a stage variable',
  fact: 'credentials is an IAM role ARN, arn:aws:iam::*:user/* to pass the caller identity, or left out to use resource-based permissions; it may contain ${stageVariables.x} [A][D].',
  visitors: {
    integration(integration, _route, ctx) {
      const text = textOf(integration.credentials);
      if (text === undefined) return;
      const s = substitute(text);
      if (ROLE.test(s) || CALLER.test(s) || s.startsWith(WILD) || text.includes('${stageVariables.')) return;
      ctx.report({ pointer: child(integration.pointer, 'credentials'), message: `credentials ${JSON.stringify(text)} is not an IAM role ARN. Use arn:aws:iam::{account}:role/{name}, arn:aws:iam::*:user/* to pass the caller's identity, or remove it to rely on the resource policy.` });
    },
  },
};
