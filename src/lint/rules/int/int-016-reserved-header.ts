import type { Rule, RuleContext } from '../../rule.js';
import type { Pointer } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { droppedByHttpImport } from './support.js';

const RESERVED = new Set([
  'authorization', 'connection', 'content-encoding', 'content-length', 'content-location', 'forwarded', 'keep-alive',
  'origin', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers', 'transfer-encoding', 'upgrade',
  'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'via',
]);

export function isReservedHttpApiHeader(name: string): boolean {
  const n = name.toLowerCase();
  return RESERVED.has(n) || n.startsWith('access-control-') || n.startsWith('apigw-') || n.startsWith('x-amz-') || n.startsWith('x-amzn-');
}

function check(ctx: RuleContext, map: Record<string, unknown>, base: Pointer): void {
  for (const key of Object.keys(map)) {
    const m = /^(append|overwrite|remove):header\.(.+)$/.exec(key);
    if (!m || !isReservedHttpApiHeader(m[2]!)) continue;
    ctx.report({
      pointer: child(base, key),
      message: `Header ${m[2]} is reserved in HTTP APIs and cannot be mapped. Remove this mapping or use a different header name (e.g. x-original-${m[2]!.toLowerCase()}).`,
    });
  }
}

export const apigwInt016: Rule = {
  id: 'APIGW-INT-016',
  severity: 'error',
  appliesTo: ['http'],
  description: 'HTTP API parameter mappings cannot target reserved headers',
  judgesKey: true,
  fact: 'Reserved headers (access-control-*, apigw-*, Authorization, Connection, Content-Length, Host-related forwarding headers, x-amz-*, x-amzn-*, …) cannot be mapped [D].',
  visitors: {
    integration(integration, _route, ctx) {
      if (droppedByHttpImport(ctx.api.kind, integration)) return;
      if (integration.integrationSubtype !== undefined) return; // subtype parameters are action parameters, not headers
      check(ctx, integration.requestParameters, child(integration.pointer, 'requestParameters'));
      for (const [status, map] of Object.entries(integration.responseParameters)) {
        check(ctx, map ?? {}, child(integration.pointer, 'responseParameters', status));
      }
    },
  },
};
