// Extensions that only the other API type understands are ignored (or warned about) at import:
// remove them so the deployed definition says only what API Gateway will do.

import type { ApiKind } from '../../model/types.js';
import type { ChangeLog } from './changes.js';
import { childPointer, clone, isObject, resolvePointer, type JsonObject } from './json.js';
import { INTEGRATION, integrations, operations } from './operations.js';

const REST_ONLY_ROOT = [
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-security-policy',
  'x-amazon-apigateway-endpoint-access-mode',
];
const HTTP_ONLY_ROOT = ['x-amazon-apigateway-cors', 'x-amazon-apigateway-importexport-version'];
const REST_ONLY_INTEGRATION = ['responses', 'requestTemplates', 'cacheKeyParameters', 'cacheNamespace', 'passthroughBehavior', 'contentHandling'];
const HTTP_ONLY_INTEGRATION = ['integrationSubtype', 'payloadFormatVersion'];
const REST_ONLY_OPERATION = ['x-amazon-apigateway-request-validator'];

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
    if (isObject(doc.components)) strip(doc.components, 'x-amazon-apigateway-integrations', '/components/x-amazon-apigateway-integrations');
    if (Array.isArray(doc.tags)) {
      doc.tags.forEach((tag, i) => isObject(tag) && strip(tag, 'x-amazon-apigateway-tag-value', childPointer('/tags', i, 'x-amazon-apigateway-tag-value')));
    }
    for (const { op, pointer } of operations(doc)) strip(op, 'isDefaultRoute', childPointer(pointer, 'isDefaultRoute'));
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
