// Endpoint type knowledge shared by API-004/005: the deploy config decides it (the extension cannot).

import type { RuleContext } from '../../rule.js';
import { isObject, rawRoot } from '../../helpers/raw.js';
import { unescapeToken } from '../../pointer.js';

/** EDGE | REGIONAL | PRIVATE when known: from the config, else a SAM-style `types` list in the extension. */
export function endpointType(ctx: RuleContext): string | undefined {
  const fromConfig = ctx.config.gateway?.endpointType;
  if (fromConfig) return fromConfig;
  const ec = ctx.api.endpointConfiguration ? rawEndpointConfiguration(ctx, ctx.api.endpointConfiguration.pointer) : undefined;
  const types = ec?.types;
  if (Array.isArray(types) && typeof types[0] === 'string') return types[0].toUpperCase();
  return undefined;
}

function rawEndpointConfiguration(ctx: RuleContext, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = ctx.document.document;
  for (const token of pointer.split('/').slice(1)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[unescapeToken(token)];
  }
  return isObject(node) ? node : undefined;
}

export function hasPolicy(ctx: RuleContext): boolean {
  return 'x-amazon-apigateway-policy' in rawRoot(ctx);
}
