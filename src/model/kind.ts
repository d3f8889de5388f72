// REST or HTTP API: the caller's choice, else what the document's content needs.
//
// HTTP-only content: x-amazon-apigateway-cors, -importexport-version, components.x-amazon-apigateway-
// integrations, isDefaultRoute, payloadFormatVersion. REST-only content that decides: an integration
// of type aws, http or mock, which an HTTP API cannot run (it imports only AWS_PROXY and HTTP_PROXY),
// so under HTTP that route would have no working integration. When both are present, REST wins (a
// REST API ignores the HTTP-only extensions, and the gateway target lists what it strips) and the
// conflict is kept for lint to report where it is. Neither: REST, API Gateway's original API type.

import { child, pointerOf } from './pointer.js';
import { deref } from './refs.js';
import type { ApiKind, KindSignal } from './types.js';
import { get, getObject, isObject, type Json } from './values.js';
import { OPERATION_KEYS } from './routes.js';

/** Integration types only a REST API runs (compared lower-case, as import does). */
const REST_ONLY_INTEGRATIONS = new Set(['aws', 'http', 'mock']);

export interface KindDecision {
  kind: ApiKind;
  kindReason: string;
  /** Set when the document holds content of both API types. */
  kindConflict?: { chosen: KindSignal; overruled: KindSignal };
}

export function decideKind(root: Json, option: ApiKind | undefined): KindDecision {
  if (option) return { kind: option, kindReason: `apiType option: ${option}` };
  const signals = findSignals(root);
  const { http, rest } = signals;
  if (rest && http) {
    return {
      kind: 'rest',
      kindReason: `${describe(rest)}, which only a REST API runs; it outweighs ${describe(http)}, which implies an HTTP API`,
      kindConflict: { chosen: rest, overruled: http },
    };
  }
  if (http) return { kind: 'http', kindReason: describe(http) };
  if (rest) return { kind: 'rest', kindReason: `${describe(rest)}, which only a REST API runs` };
  return { kind: 'rest', kindReason: 'default: no HTTP API extension found' };
}

function describe(signal: KindSignal): string {
  return `${signal.what} at ${signal.pointer}`;
}

/** The first HTTP-only and the first REST-only signal in document order. */
function findSignals(root: Json): { http?: KindSignal; rest?: KindSignal } {
  let http: KindSignal | undefined;
  let rest: KindSignal | undefined;
  const httpAt = (what: string, pointer: string): void => {
    http ??= { kind: 'http', what, pointer };
  };
  if (get(root, 'x-amazon-apigateway-cors') !== undefined) httpAt('x-amazon-apigateway-cors', '/x-amazon-apigateway-cors');
  if (get(root, 'x-amazon-apigateway-importexport-version') !== undefined) httpAt('x-amazon-apigateway-importexport-version', '/x-amazon-apigateway-importexport-version');
  if (get(getObject(root, 'components'), 'x-amazon-apigateway-integrations') !== undefined) {
    httpAt('x-amazon-apigateway-integrations', '/components/x-amazon-apigateway-integrations');
  }
  const paths = getObject(root, 'paths');
  if (!paths) return { ...(http ? { http } : {}) };
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isObject(item)) continue;
    for (const [key] of OPERATION_KEYS) {
      if (http && rest) return { http, rest };
      const op = get(item, key);
      if (!isObject(op)) continue;
      // Pointers are built where used, not per operation: most have neither (Stripe: 468, none).
      if (key === 'x-amazon-apigateway-any-method' && get(op, 'isDefaultRoute') !== undefined) {
        httpAt('isDefaultRoute', pointerOf(['paths', path, key, 'isDefaultRoute']));
      }
      const integration = get(op, 'x-amazon-apigateway-integration');
      if (integration === undefined) continue;
      const resolved = deref(root, integration, pointerOf(['paths', path, key, 'x-amazon-apigateway-integration']));
      if (!resolved) continue;
      if (get(resolved.node, 'payloadFormatVersion') !== undefined) httpAt('payloadFormatVersion', child(resolved.pointer, 'payloadFormatVersion'));
      const type = get(resolved.node, 'type');
      if (!rest && typeof type === 'string' && REST_ONLY_INTEGRATIONS.has(type.toLowerCase())) {
        rest = { kind: 'rest', what: `integration type ${type}`, pointer: child(resolved.pointer, 'type') };
      }
    }
  }
  return { ...(http ? { http } : {}), ...(rest ? { rest } : {}) };
}
