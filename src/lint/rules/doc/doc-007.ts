import type { Rule } from '../../rule.js';
import { documentIndex } from '../../helpers/document-index.js';

const RESOLVED = new Set(['AccountId', 'Partition', 'Region']);

export const apigwDoc007: Rule = {
  id: 'APIGW-DOC-007',
  severity: 'warn',
  description: 'Only ${AWS::AccountId}, ${AWS::Partition} and ${AWS::Region} are resolved at import',
  fact: '${AWS::AccountId}, ${AWS::Partition} and ${AWS::Region} can appear anywhere in the definition and are resolved at import; no other AWS variable is [D]. (Inside CloudFormation Fn::Sub, CloudFormation resolves them, so those are not reported.)',
  visitors: {
    api(_api, ctx) {
      for (const { pointer, value } of documentIndex(ctx.document).awsVariableStrings) {
        for (const m of value.matchAll(/\$\{AWS::([A-Za-z0-9]+)\}/g)) {
          if (!RESOLVED.has(m[1]!)) {
            ctx.report({ message: `\${AWS::${m[1]}} is not resolved by API Gateway import (only AccountId, Partition, Region): use a literal value, a stage variable, or CloudFormation Fn::Sub`, pointer });
          }
        }
      }
    },
  },
};
