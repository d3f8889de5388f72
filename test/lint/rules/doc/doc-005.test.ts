// APIGW-DOC-005 reads its lists from src/model/extensions.ts (shared with the gateway emitter): every
// inventory entry of the other API kind is reported at its place, and nothing of the API's own kind.

import { describe, it, expect } from 'vitest';
import { KIND_SPECIFIC_EXTENSIONS } from '../../../../src/model/extensions.js';
import { lintText } from '../../helpers.js';

const doc005 = async (yaml: string, apiType: 'rest' | 'http') =>
  (await lintText(yaml, {}, apiType)).diagnostics.filter((d) => d.ruleId === 'APIGW-DOC-005').map((d) => d.pointer).sort();

// Every kind-specific key at its place, once: the same document linted as REST and as HTTP.
const everything = `openapi: 3.0.1
info: { title: t, version: '1' }
x-amazon-apigateway-request-validators: { all: { validateRequestBody: true, validateRequestParameters: true } }
x-amazon-apigateway-request-validator: all
x-amazon-apigateway-gateway-responses: {}
x-amazon-apigateway-policy: { Version: '2012-10-17', Statement: [] }
x-amazon-apigateway-binary-media-types: ['image/png']
x-amazon-apigateway-minimum-compression-size: 0
x-amazon-apigateway-api-key-source: HEADER
x-amazon-apigateway-documentation: { version: '1', documentationParts: [] }
x-amazon-apigateway-security-policy: TLS_1_2
x-amazon-apigateway-endpoint-access-mode: BASIC
x-amazon-apigateway-cors: { allowOrigins: ['*'] }
x-amazon-apigateway-importexport-version: '1.0'
tags:
  - name: team
    x-amazon-apigateway-tag-value: core
paths:
  /a:
    get:
      x-amazon-apigateway-request-validator: all
      isDefaultRoute: false
      responses: { '200': { description: OK } }
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://example.com/a
        payloadFormatVersion: '1.0'
        integrationSubtype: SQS-SendMessage
        requestTemplates: { application/json: '{}' }
        responses: { default: { statusCode: '200' } }
        passthroughBehavior: when_no_match
components:
  x-amazon-apigateway-integrations: {}
`;

function expectedFor(kind: 'rest' | 'http'): string[] {
  const places: Record<string, string> = {
    root: '', components: '/components', tag: '/tags/0', operation: '/paths/~1a/get', integration: '/paths/~1a/get/x-amazon-apigateway-integration',
  };
  return KIND_SPECIFIC_EXTENSIONS.filter((e) => e.inventory && e.only !== kind)
    .map((e) => `${places[e.place]}/${e.key}`)
    .sort();
}

describe('APIGW-DOC-005 and the shared kind-specific extension list', () => {
  it('on an HTTP API reports every REST-only inventory key at its place, including an operation-level request validator', async () => {
    const found = await doc005(everything, 'http');
    expect(found).toEqual(expectedFor('http'));
    expect(found).toContain('/paths/~1a/get/x-amazon-apigateway-request-validator');
    expect(found).not.toContain('/paths/~1a/get/x-amazon-apigateway-integration/passthroughBehavior');
  });

  it('on a REST API reports every HTTP-only key at its place', async () => {
    const found = await doc005(everything, 'rest');
    expect(found).toEqual(expectedFor('rest'));
    expect(found).toContain('/tags/0/x-amazon-apigateway-tag-value');
    expect(found).toContain('/components/x-amazon-apigateway-integrations');
  });
});
