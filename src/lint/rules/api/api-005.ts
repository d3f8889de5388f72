import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { endpointType } from './shared.js';

export const apigwApi005: Rule = {
  id: 'APIGW-API-005',
  severity: 'error',
  description: 'Endpoint configuration: vpcEndpointIds only on PRIVATE REST APIs; ipAddressType ipv4|dualstack, dualstack on PRIVATE',
  fact: 'vpcEndpointIds apply to PRIVATE REST APIs only; ipAddressType is ipv4 or dualstack, and PRIVATE allows only dualstack ("Only dualstack ipAddressType is supported for Private APIs.") [D][A][O].',
  visitors: {
    api(api, ctx) {
      const ec = api.endpointConfiguration;
      if (!ec) return;
      const type = endpointType(ctx);
      if (ec.vpcEndpointIds && ec.vpcEndpointIds.length > 0) {
        if (api.kind === 'http') {
          ctx.report({ message: 'vpcEndpointIds is not supported for HTTP APIs (only PRIVATE REST APIs): remove it', pointer: child(ec.pointer, 'vpcEndpointIds') });
        } else if (type !== undefined && type !== 'PRIVATE') {
          ctx.report({ message: `vpcEndpointIds is only valid for PRIVATE REST APIs, but this API is deployed as ${type}: remove it or deploy as PRIVATE`, pointer: child(ec.pointer, 'vpcEndpointIds') });
        }
      }
      const ip = ec.ipAddressType;
      if (ip !== undefined) {
        if (ip !== 'ipv4' && ip !== 'dualstack') {
          ctx.report({ message: `ipAddressType '${ip}' is not valid: use ipv4 or dualstack`, pointer: child(ec.pointer, 'ipAddressType') });
        } else if (ip === 'ipv4' && type === 'PRIVATE' && api.kind === 'rest') {
          ctx.report({ message: 'Only dualstack ipAddressType is supported for Private APIs: set ipAddressType: dualstack', pointer: child(ec.pointer, 'ipAddressType') });
        }
      }
    },
  },
};
