// REST or HTTP API: the caller's choice, else what HTTP-only extensions imply, else REST.

import { child, pointerOf } from './pointer.js';
import { deref } from './refs.js';
import type { ApiKind } from './types.js';
import { get, getObject, isObject, type Json } from './values.js';
import { OPERATION_KEYS } from './routes.js';

export function decideKind(root: Json, option: ApiKind | undefined): { kind: ApiKind; kindReason: string } {
  if (option) return { kind: option, kindReason: `apiType option: ${option}` };
  if (get(root, 'x-amazon-apigateway-cors') !== undefined) return http('x-amazon-apigateway-cors at /x-amazon-apigateway-cors');
  if (get(root, 'x-amazon-apigateway-importexport-version') !== undefined) {
    return http('x-amazon-apigateway-importexport-version at /x-amazon-apigateway-importexport-version');
  }
  if (get(getObject(root, 'components'), 'x-amazon-apigateway-integrations') !== undefined) {
    return http('x-amazon-apigateway-integrations at /components/x-amazon-apigateway-integrations');
  }
  const paths = getObject(root, 'paths');
  if (paths) {
    for (const path of Object.keys(paths)) {
      const item = paths[path];
      if (!isObject(item)) continue;
      for (const [key] of OPERATION_KEYS) {
        const op = get(item, key);
        if (!isObject(op)) continue;
        // Pointers are built where used, not per operation: most have neither (Stripe: 468, none).
        if (key === 'x-amazon-apigateway-any-method' && get(op, 'isDefaultRoute') !== undefined) {
          return http(`isDefaultRoute at ${pointerOf(['paths', path, key, 'isDefaultRoute'])}`);
        }
        const integration = get(op, 'x-amazon-apigateway-integration');
        const resolved = integration === undefined ? undefined : deref(root, integration, pointerOf(['paths', path, key, 'x-amazon-apigateway-integration']));
        if (resolved && get(resolved.node, 'payloadFormatVersion') !== undefined) {
          return http(`payloadFormatVersion at ${child(resolved.pointer, 'payloadFormatVersion')}`);
        }
      }
    }
  }
  return { kind: 'rest', kindReason: 'default: no HTTP API extension found' };
}

function http(reason: string): { kind: ApiKind; kindReason: string } {
  return { kind: 'http', kindReason: reason };
}
