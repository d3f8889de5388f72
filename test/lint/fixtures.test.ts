// Known-good specs must lint with zero errors; one known-bad spec per rule family must produce
// exactly the expected rule ids at exactly the expected pointers.

import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile, REPO } from './helpers.js';

const OTHER_FAMILIES = /^APIGW-(INT|AUTH|VTL)-/; // owned and fixture-tested elsewhere

const GOOD = [
  'fixtures/petstore/openapi.yaml',
  'fixtures/http-api/openapi.yaml',
  'fixtures/swagger2/swagger.yaml',
  ...readdirSync(join(REPO, 'fixtures/lint/aws-examples')).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => `fixtures/lint/aws-examples/${f}`),
];

describe('known-good specs lint without errors', () => {
  for (const file of GOOD) {
    it(file, async () => {
      const { diagnostics } = await lintFile(join(REPO, file));
      expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.pointer}: ${d.message}`)).toEqual([]);
    });
  }
});

const BAD: Record<string, { apiType: 'rest' | 'http'; expected: string[] }> = {
  oas: {
    apiType: 'http',
    expected: [
      'OAS-001 /info',
      'OAS-001 /paths/~1pets~1{id}/get/parameters',
      'OAS-003 /paths/~1pets~1{petId}/delete/operationId',
      'OAS-004 /paths/~1pets~1{petId}/delete',
      'OAS-005 /paths/~1pets~1{id}/get/parameters/2',
      'OAS-006 /paths/~1pets~1{petId}',
    ],
  },
  doc: {
    apiType: 'http',
    expected: [
      'APIGW-DOC-001 /swagger',
      'APIGW-DOC-005 /x-amazon-apigateway-binary-media-types',
      'APIGW-DOC-006 /x-amazon-apigateway-importexport-version',
      'APIGW-DOC-007 /paths/~1pets/get/x-amazon-apigateway-integration/uri',
    ],
  },
  path: {
    apiType: 'rest',
    expected: [
      'APIGW-PATH-001 /paths/~1pets list',
      'APIGW-PATH-002 /paths/~1files~1{name}.json',
      'APIGW-PATH-003 /paths/~1{proxy+}~1details',
      'APIGW-PATH-004 /paths/~1pets~1{petId}~1toys',
      'APIGW-PATH-007 /paths/~1ping/trace',
    ],
  },
  param: {
    apiType: 'rest',
    expected: [
      'APIGW-PARAM-001 /paths/~1pets~1{petId}/get',
      'APIGW-PARAM-001 /paths/~1pets~1{petId}/get/parameters/0',
      'APIGW-PARAM-002 /paths/~1pets~1{petId}/get/parameters/1',
      'APIGW-PARAM-003 /paths/~1pets~1{petId}/get/parameters/2',
      'APIGW-PARAM-004 /paths/~1pets~1{petId}/get/parameters/1',
    ],
  },
  model: {
    apiType: 'rest',
    expected: [
      'APIGW-MODEL-001 /components/schemas/Pet_Response',
      'APIGW-MODEL-002 /components/schemas/Pet_Response/properties/name/nullable',
      'APIGW-MODEL-003 /components/schemas/Pet_Response/properties/age/format',
      'APIGW-MODEL-004 /components/schemas/Node/properties/child/oneOf/0/$ref',
      'APIGW-MODEL-005 /paths/~1pets/post/responses/200/content/application~1json/schema',
      'APIGW-MODEL-006 /paths/~1pets/post/responses/500/$ref',
      'APIGW-MODEL-007 /components/schemas/PetList/maxItems',
      'APIGW-MODEL-009 /components/schemas/Pet_Response/description',
    ],
  },
  api: {
    apiType: 'rest',
    expected: [
      'APIGW-API-001 /x-amazon-apigateway-minimum-compression-size',
      'APIGW-API-002 /x-amazon-apigateway-binary-media-types/0',
      'APIGW-API-003 /x-amazon-apigateway-policy',
      'APIGW-API-005 /servers/0/x-amazon-apigateway-endpoint-configuration/ipAddressType',
      'APIGW-API-006 /x-amazon-apigateway-endpoint-configuration',
      'APIGW-API-007 /x-amazon-apigateway-security-policy',
      'APIGW-API-008 /x-amazon-apigateway-endpoint-access-mode',
      'APIGW-API-009 /x-amazon-apigateway-request-validator',
      'APIGW-API-009 /x-amazon-apigateway-request-validators/all/validateRequestBody',
      'APIGW-API-011 /x-amazon-apigateway-gateway-responses/NOT_FOUND',
      'APIGW-API-012 /x-amazon-apigateway-gateway-responses/DEFAULT_4XX/responseTemplates/application~1json',
      'APIGW-API-013 /x-amazon-apigateway-gateway-responses/REQUEST_TOO_LARGE',
      'APIGW-API-016 /paths/~1pets/get/x-amazon-apigateway-integration/responses/default',
      'APIGW-API-016 /x-amazon-apigateway-gateway-responses/DEFAULT_4XX',
      'APIGW-API-017 /x-amazon-apigateway-documentation/documentationParts/0/location',
    ],
  },
  stage: {
    apiType: 'rest',
    expected: [
      'APIGW-STAGE-001 /stages/prod.v2',
      'APIGW-STAGE-002 /stages/prod.v2/variables/backend-url',
      'APIGW-STAGE-003 /paths/~1pets/get/x-amazon-apigateway-integration/uri',
      'APIGW-STAGE-004 /stages/prod.v2/variables/dbPassword',
    ],
  },
};

describe('known-bad fixture per rule family', () => {
  for (const [family, { apiType, expected }] of Object.entries(BAD)) {
    it(`fixtures/lint/${family}/bad.yaml`, async () => {
      const dir = join(REPO, 'fixtures/lint', family);
      const configFile = join(dir, 'config.json');
      const config = existsSync(configFile) ? { ...JSON.parse(readFileSync(configFile, 'utf8')), file: configFile } : {};
      const { diagnostics } = await lintFile(join(dir, 'bad.yaml'), config, apiType);
      const mine = diagnostics.filter((d) => !OTHER_FAMILIES.test(d.ruleId));
      expect(mine.map((d) => `${d.ruleId} ${d.pointer}`).sort()).toEqual([...expected].sort());
      for (const d of mine) expect(d.file, `${d.ruleId} has a file`).toBeDefined();
      if (family === 'stage') {
        expect(mine.find((d) => d.ruleId === 'APIGW-STAGE-001')!.file).toBe(configFile);
      }
    });
  }
});
