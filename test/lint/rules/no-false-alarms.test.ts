// The INT, AUTH and VTL rules over real specs: the AWS-modelled fixtures must have no errors, and
// every error on the shared corpus must be one reviewed as a real AWS problem (listed below with why).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintFile, REPO, SHARED } from '../helpers.js';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { lint } from '../../../src/lint/index.js';
import { ApigwError } from '../../../src/errors.js';
import { rules as int } from '../../../src/lint/rules/int/index.js';
import { rules as auth } from '../../../src/lint/rules/auth/index.js';
import { rules as vtl } from '../../../src/lint/rules/vtl/index.js';
import { itShared } from '../../support/shared.js';

const rules = [...int, ...auth, ...vtl];

/** file → rule ids of the errors it may have, each reviewed against the AWS facts. */
const REVIEWED: Record<string, string[]> = {
  // SAM DefinitionBody documents whose authorizers SAM injects: imported as written, the scheme is undefined.
  'aws__aws-sam-cli__sync-code-after-apigateway-definition.json': ['APIGW-AUTH-001'],
  'sam__error_api_invalid_security__API.json': ['APIGW-AUTH-001', 'APIGW-INT-004'],
  // AWS docs sample: api_key undefined; integration response 400 not declared as a method response.
  'awsdocs__amazon-api-gateway-developer-guide__request-validation-sample-swagger20.json': ['APIGW-AUTH-001', 'APIGW-INT-027'],
  // REST dialect authorizer and `account-id` placeholder in a document with an HTTP-only extension.
  'awsdocs__amazon-api-gateway-developer-guide__authtype-sigv4-authorizer-oas301.json': ['APIGW-AUTH-005', 'APIGW-AUTH-008', 'APIGW-AUTH-013'],
  'localstack__localstack__openapi-spec.json': ['APIGW-AUTH-005', 'APIGW-AUTH-008', 'APIGW-AUTH-013'],
  'localstack__localstack__petstore-authorizer-swagger.json': ['APIGW-AUTH-005'],
  // cognito_user_pools authorizers in an HTTP API (HTTP APIs use jwt).
  'localstack__localstack__openapi-cognito-auth.json': ['APIGW-AUTH-004'],
  'smithy-lang__smithy__cognito-user-pools-security-openapi.json': ['APIGW-AUTH-010'], // providerARNs "arn:foo:baz"
  'awslabs__aws-apigateway-importer__apigateway.json': ['APIGW-INT-029'], // header mapped but not declared on the 400 response
  'getmoto__moto__test-api-integration.yaml': ['APIGW-INT-013', 'APIGW-INT-029'], // undeclared request/response headers
  'awslabs__aws-solutions-constructs__apidefinition-withcognitoauth.yaml': ['APIGW-INT-006'], // uri placeholders "MessagesHandler"
  'awslabs__aws-solutions-constructs__apidefinition.yaml': ['APIGW-INT-006'],
  'localstack__localstack__openapi-basepath-url.yaml': ['APIGW-INT-010'], // requestParameters value `true`
  'smithy-lang__smithy__cors-with-custom-gateway-response-headers-openapi.json': ['APIGW-INT-027', 'APIGW-INT-029'], // 200 mapped, only 201 declared; undeclared header
  // Smithy exports (REST: their aws/mock integrations decide it, over payloadFormatVersion): STREAM and
  // tlsConfig.insecureSkipVerification on an aws integration; 200 mapped where only 201/204 is declared.
  'smithy-lang__smithy__integrations-openapi.json': ['APIGW-INT-022', 'APIGW-INT-032'],
  'smithy-lang__smithy__cors-model-openapi.json': ['APIGW-INT-027'],
  // SAM translator outputs whose Cognito pool reference resolved to null: providerARNs [null] is rejected.
  'sam__api_with_security_definition_and_components__ExplicitApi.json': ['APIGW-AUTH-010'],
  'sam__api_with_security_definition_and_no_components__ExplicitApi.json': ['APIGW-AUTH-010'],
  'sam__api_with_security_definition_and_none_components__ExplicitApi.json': ['APIGW-AUTH-010'],
  // Lambda proxy integrations with httpMethod GET on REST.
  'sam__api_merge_definitions_with_conflicting_methods__MyApi.json': ['APIGW-INT-004'],
  'sam__api_merge_definitions_with_full_properties__MyApi.json': ['APIGW-INT-004'],
  // SAM error-case inputs (load refused them for their broken `$ref: abcd` until it learnt to record
  // it, OAS-002): uri `!Sub foobar` is not an ARN; integration response 200, only 201 declared.
  'sam__error_swagger_security_not_dict__AccessingPartyAPI.json': ['APIGW-INT-006', 'APIGW-INT-027'],
  'sam__error_swagger_security_not_dict_with_api_key_required__AccessingPartyAPI.json': ['APIGW-INT-006', 'APIGW-INT-027'],
  // `$input.params(\"data\")`: a backslash cannot start a method argument; Apache Velocity 1.7
  // fails the template with ParseErrorException (test/vtl/velocity-oracle case
  // syntax-string-backslash-quote-error and `$str.concat(\"x\")` checked on the same engine).
  'localstack__localstack__api-definition.yaml': ['APIGW-VTL-010'],
};

function specs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => join(dir, f)).map((p) => (statSync(p).isDirectory() ? join(p, 'index.yaml') : p)).filter((p) => /\.(ya?ml|json)$/.test(p));
}

describe('no false alarms from the INT/AUTH/VTL rules', () => {
  const fixtures = ['petstore/openapi.yaml', 'http-api/openapi.yaml', 'swagger2/swagger.yaml', 'sam-intrinsics/openapi.yaml']
    .map((f) => resolve(REPO, 'fixtures', f)).filter((f) => existsSync(f));

  it.each(fixtures)('%s has no errors', async (file) => {
    const { diagnostics } = await lintFile(file, {}, undefined, { rules });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.pointer}: ${d.message}`)).toEqual([]);
  });

  itShared('reports only reviewed errors on the shared corpus', async () => {
    const unexpected: string[] = [];
    let linted = 0;
    for (const file of [...specs(join(SHARED, 'corpus/apigw')), ...specs(join(SHARED, 'corpus/apigw-sam'))]) {
      let document;
      try {
        document = await load(file);
      } catch (e) {
        // A document the loader refuses (bad version, unparsable) is not ours to lint; a crash
        // anywhere else (normalize, a rule) fails the test.
        if (e instanceof ApigwError) continue;
        throw e;
      }
      const diagnostics = lint(normalize(document), document, {}, { rules });
      linted++;
      const name = file.split('/').slice(-1)[0]!;
      const allowed = REVIEWED[name] ?? [];
      for (const d of diagnostics) {
        if (d.severity === 'error' && !allowed.includes(d.ruleId)) unexpected.push(`${name} ${d.ruleId} ${d.pointer}: ${d.message}`);
      }
    }
    expect(linted).toBeGreaterThan(80);
    expect(unexpected).toEqual([]);
  });
});
