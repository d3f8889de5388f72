// Extensions that only the other API type understands are ignored (or warned about) at import:
// remove them so the deployed definition says only what API Gateway will do.

import type { ApiKind } from '../../model/types.js';
import { KIND_SPECIFIC_EXTENSIONS, type ExtensionPlace } from '../../model/extensions.js';
import type { ChangeLog } from './changes.js';
import { childPointer, clone, isObject, resolvePointer, type JsonObject } from './json.js';
import { INTEGRATION, integrations, operations } from './operations.js';

/** Keys that only `only` reads, at one place (reference §0/§1.1, `src/model/extensions.ts`). */
function keysOnlyFor(only: ApiKind, place: ExtensionPlace): string[] {
  return KIND_SPECIFIC_EXTENSIONS.filter((e) => e.only === only && e.place === place).map((e) => e.key);
}
const REST_ONLY_ROOT = keysOnlyFor('rest', 'root');
const HTTP_ONLY_ROOT = keysOnlyFor('http', 'root');
const REST_ONLY_INTEGRATION = keysOnlyFor('rest', 'integration');
const HTTP_ONLY_INTEGRATION = keysOnlyFor('http', 'integration');
const REST_ONLY_OPERATION = keysOnlyFor('rest', 'operation');
const HTTP_ONLY_OPERATION = keysOnlyFor('http', 'operation');
const HTTP_ONLY_COMPONENTS = keysOnlyFor('http', 'components');
const HTTP_ONLY_TAG = keysOnlyFor('http', 'tag');

export function stripOtherApiType(doc: JsonObject, kind: ApiKind, log: ChangeLog): void {
  const [rootKeys, integrationKeys, onlyFor] = kind === 'http' ? [REST_ONLY_ROOT, REST_ONLY_INTEGRATION, 'REST'] : [HTTP_ONLY_ROOT, HTTP_ONLY_INTEGRATION, 'HTTP'];
  const here = kind === 'http' ? 'HTTP' : 'REST';
  const strip = (node: JsonObject, key: string, pointer: string, what = key) => {
    if (!(key in node)) return;
    delete node[key];
    log.add('strip-other-api-type', pointer, `removed ${what}: only ${onlyFor} APIs support it; ${here} APIs ignore it`);
  };
  for (const key of rootKeys) strip(doc, key, childPointer('', key));

  if (kind === 'rest') {
    inlineSharedIntegrations(doc, log);
    const components = doc.components;
    if (isObject(components)) for (const key of HTTP_ONLY_COMPONENTS) strip(components, key, childPointer('/components', key));
    if (Array.isArray(doc.tags)) {
      doc.tags.forEach((tag, i) => {
        if (isObject(tag)) for (const key of HTTP_ONLY_TAG) strip(tag, key, childPointer('/tags', i, key));
      });
    }
    for (const { op, pointer } of operations(doc)) for (const key of HTTP_ONLY_OPERATION) strip(op, key, childPointer(pointer, key));
  } else {
    for (const { op, pointer } of operations(doc)) for (const key of REST_ONLY_OPERATION) strip(op, key, childPointer(pointer, key));
  }
  for (const { integration, pointer } of integrations(doc)) {
    for (const key of integrationKeys) strip(integration, key, childPointer(pointer, key), `integration ${key}`);
  }
}

/** REST import does not read `components.x-amazon-apigateway-integrations`: inline what operations reference. */
function inlineSharedIntegrations(doc: JsonObject, log: ChangeLog): void {
  for (const { op, pointer } of operations(doc)) {
    const integration = op[INTEGRATION];
    if (!isObject(integration) || typeof integration.$ref !== 'string') continue;
    const target = resolvePointer(doc, integration.$ref);
    if (!isObject(target)) continue;
    op[INTEGRATION] = clone(target);
    log.add('inline', childPointer(pointer, INTEGRATION), `integration ${integration.$ref} inlined (REST import does not resolve shared integrations)`);
  }
}
