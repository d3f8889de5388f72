// Iterates the operations and integration objects of an OpenAPI 3.0 document.

import { childPointer, isObject, type JsonObject } from './json.js';

export const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];
export const INTEGRATION = 'x-amazon-apigateway-integration';

export interface OperationAt {
  path: string;
  method: string;
  op: JsonObject;
  pointer: string;
}

export function operations(doc: JsonObject): OperationAt[] {
  const out: OperationAt[] = [];
  if (!isObject(doc.paths)) return out;
  for (const path of Object.keys(doc.paths)) {
    const item = doc.paths[path];
    if (!isObject(item)) continue;
    for (const method of OPERATION_KEYS) {
      const op = item[method];
      if (isObject(op)) out.push({ path, method, op, pointer: childPointer('/paths', path, method) });
    }
  }
  return out;
}

/** Every integration object written inline on an operation or under components (HTTP APIs). */
export function integrations(doc: JsonObject): { integration: JsonObject; pointer: string }[] {
  const out: { integration: JsonObject; pointer: string }[] = [];
  for (const { op, pointer } of operations(doc)) {
    const integration = op[INTEGRATION];
    if (isObject(integration) && typeof integration.$ref !== 'string') out.push({ integration, pointer: childPointer(pointer, INTEGRATION) });
  }
  const shared = isObject(doc.components) ? doc.components['x-amazon-apigateway-integrations'] : undefined;
  if (isObject(shared)) {
    for (const name of Object.keys(shared)) {
      const integration = shared[name];
      if (isObject(integration)) out.push({ integration, pointer: childPointer('/components/x-amazon-apigateway-integrations', name) });
    }
  }
  return out;
}
