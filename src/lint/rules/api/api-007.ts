import type { Rule } from '../../rule.js';
import { rootExtensionVisitors } from '../shared/root-extension.js';

export const SECURITY_POLICIES = [
  'TLS_1_0', 'TLS_1_2',
  'SecurityPolicy_TLS13_1_3_2025_09', 'SecurityPolicy_TLS13_1_3_FIPS_2025_09', 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09', 'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09', 'SecurityPolicy_TLS13_1_2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_2021_06', 'SecurityPolicy_TLS13_2025_EDGE', 'SecurityPolicy_TLS12_PFS_2025_EDGE', 'SecurityPolicy_TLS12_2018_EDGE',
];
const KEY = 'x-amazon-apigateway-security-policy';

export const apigwApi007: Rule = {
  id: 'APIGW-API-007',
  severity: 'error',
  description: 'x-amazon-apigateway-security-policy must be a known TLS policy; SecurityPolicy_* needs an endpoint access mode',
  fact: 'The SecurityPolicy enum of the API model lists TLS_1_0, TLS_1_2 and the SecurityPolicy_* names; x-amazon-apigateway-endpoint-access-mode is required when the policy starts with SecurityPolicy_ [A][D].',
  appliesTo: ['rest'],
  visitors: rootExtensionVisitors(KEY, ({ value: v, pointer, root }, ctx) => {
    if (typeof v !== 'string' || !SECURITY_POLICIES.includes(v)) {
      ctx.report({ message: `${KEY} ${JSON.stringify(v)} is not a security policy API Gateway knows: use one of ${SECURITY_POLICIES.join(', ')}`, pointer });
    } else if (v.startsWith('SecurityPolicy_') && !('x-amazon-apigateway-endpoint-access-mode' in root)) {
      ctx.report({ message: `${v} requires x-amazon-apigateway-endpoint-access-mode (BASIC or STRICT) at the root: add it`, pointer });
    }
  }),
};
