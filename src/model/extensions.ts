// The API-kind-specific OpenAPI extensions and integration fields: which kind reads each one and where
// it goes (reference §0 "Extension inventory" and the REST/HTTP columns of §1.1). The other kind ignores
// it or warns at import. Data only: the linter (APIGW-DOC-005) warns about these, the gateway emitter
// removes them from the deployed definition.

import type { ApiKind } from './types.js';

/** Where the key is written. */
export type ExtensionPlace =
  | 'root'
  | 'operation'
  /** Inside `x-amazon-apigateway-integration`. */
  | 'integration'
  /** Under OAS3 `components`. */
  | 'components'
  /** Inside an entry of the root `tags` array. */
  | 'tag';

export interface KindSpecificExtension {
  key: string;
  place: ExtensionPlace;
  /** The only API kind that reads it. */
  only: ApiKind;
  /**
   * Listed in the extension inventory (§0), whose "Supported only for …" statements APIGW-DOC-005
   * encodes. The other entries are integration settings the HTTP API model lacks (§1.1): the emitter
   * removes them too, but HTTP import ignores them silently.
   */
  inventory: boolean;
}

const rest = (place: ExtensionPlace, inventory: boolean, ...keys: string[]): KindSpecificExtension[] =>
  keys.map((key) => ({ key, place, only: 'rest', inventory }));
const http = (place: ExtensionPlace, ...keys: string[]): KindSpecificExtension[] =>
  keys.map((key) => ({ key, place, only: 'http', inventory: true }));

export const KIND_SPECIFIC_EXTENSIONS: readonly KindSpecificExtension[] = [
  ...rest('root', true,
    'x-amazon-apigateway-request-validators',
    'x-amazon-apigateway-request-validator',
    'x-amazon-apigateway-gateway-responses',
    'x-amazon-apigateway-policy',
    'x-amazon-apigateway-binary-media-types',
    'x-amazon-apigateway-minimum-compression-size',
    'x-amazon-apigateway-api-key-source',
    'x-amazon-apigateway-documentation',
    'x-amazon-apigateway-security-policy',
    'x-amazon-apigateway-endpoint-access-mode'),
  ...rest('operation', true, 'x-amazon-apigateway-request-validator'),
  ...rest('integration', true, 'responses', 'requestTemplates'),
  ...rest('integration', false, 'cacheKeyParameters', 'cacheNamespace', 'passthroughBehavior', 'contentHandling'),
  ...http('root', 'x-amazon-apigateway-cors', 'x-amazon-apigateway-importexport-version'),
  ...http('components', 'x-amazon-apigateway-integrations'),
  ...http('tag', 'x-amazon-apigateway-tag-value'),
  ...http('operation', 'isDefaultRoute'),
  ...http('integration', 'integrationSubtype', 'payloadFormatVersion'),
];
