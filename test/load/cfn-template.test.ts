// CloudFormation / SAM templates as the entry: the API resource's inline definition (or its local
// file) is loaded; pointers are relative to the definition, positions are those in the template.

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/index.js';
import { expectApigwError, expectSelfContained, fixturesDir, repoRoot, sharedDir, writeTree } from './helpers.js';
import { describeShared, hasShared } from '../support/shared.js';

const corpus = path.join(sharedDir, 'corpus/apigw-embedded');

/** Templates of the corpus that do not load, and the error the user gets. */
const EXPECTED_FAILURES: Record<string, { code: string; line: number; column: number; message: RegExp }> = {
  // `Properties:` appears twice in one resource: CloudFormation's YAML reader refuses it too
  'aws-samples__serverless-patterns__multi-account-private-apigw-centralaccount-template.yaml': {
    code: 'PARSE_ERROR', line: 234, column: 7, message: /duplicated mapping key/,
  },
  // two RestApis with a Body each: the user must choose one (see the --api test below)
  'aws__aws-sam-cli__start-api-lambda-authorizers-swagger-api.yaml': {
    code: 'NOT_OPENAPI', line: 12, column: 1,
    message: /defines 2 APIs: RestApiSwagger \(AWS::ApiGateway::RestApi\), RestApiOpenApi \(AWS::ApiGateway::RestApi\); choose one with --api <LogicalId>/,
  },
};

describeShared('corpus/apigw-embedded', () => {
  const names = hasShared ? readdirSync(corpus).sort() : [];
  it('has templates', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });
  it.each(names)('%s', async (name) => {
    const entry = path.join(corpus, name);
    const expected = EXPECTED_FAILURES[name];
    if (expected) {
      const error = await expectApigwError(load(entry));
      expect(error.code).toBe(expected.code);
      expect(error.message).toMatch(expected.message);
      expect(error.position).toEqual({ file: entry, line: expected.line, column: expected.column });
      return;
    }
    const loaded = await load(entry);
    expect(loaded.embedded?.pointer).toMatch(/^\/Resources\/[A-Za-z0-9]+\/Properties\/(DefinitionBody|Body)$/);
    expect(loaded.document.Resources).toBeUndefined();
    expect(loaded.document.paths).toBeTypeOf('object');
    expectSelfContained(loaded.document);
    // the body's own root maps to the property holding it in the template
    const bodyKey = loaded.sourceMap.lookup('');
    expect(bodyKey?.file).toBe(entry);
    normalize(loaded);
  });
});

describeShared('positions inside an embedded body', () => {
  it('AWS::ApiGatewayV2::Api Body: nodes map to their lines in the template', async () => {
    const entry = path.join(corpus, 'aws__aws-sam-cli__start-api-cfn-http-api-with-swagger-body.yaml');
    const loaded = await load(entry);
    expect(loaded.embedded).toEqual({ logicalId: 'HTTPAPIGateway', resourceType: 'AWS::ApiGatewayV2::Api', pointer: '/Resources/HTTPAPIGateway/Properties/Body' });
    expect(loaded.version).toBe('3.0');
    expect(loaded.sourceMap.lookup('/paths/~1echoeventbody')).toEqual({ file: entry, line: 61, column: 11 });
    expect(loaded.sourceMap.lookup('/paths/~1echoeventbody/get/x-amazon-apigateway-integration/payloadFormatVersion')).toEqual({ file: entry, line: 67, column: 17 });
    expect(loaded.sourceMap.lookup('/x-amazon-apigateway-cors')).toEqual({ file: entry, line: 74, column: 9 });
  });

  it('AWS::Serverless::HttpApi DefinitionBody, with intrinsics kept in long form', async () => {
    const entry = path.join(corpus, 'aws-samples__serverless-patterns__apigw-sqs-lambda-ddb-template.yaml');
    const loaded = await load(entry);
    expect(loaded.embedded).toMatchObject({ logicalId: 'HttpApi', resourceType: 'AWS::Serverless::HttpApi' });
    const integration = (loaded.document.paths as any)['/submit'].post['x-amazon-apigateway-integration'];
    expect(integration.credentials).toEqual({ 'Fn::GetAtt': ['ApiGatewayRole', 'Arn'] });
    expect(loaded.sourceMap.lookup('/paths/~1submit/post/x-amazon-apigateway-integration/requestParameters/QueueUrl')).toEqual({ file: entry, line: 35, column: 19 });
    expect(loaded.sourceMap.lookup('/info/title')).toEqual({ file: entry, line: 18, column: 11 });
  });

  it('--api chooses among several API resources', async () => {
    const entry = path.join(corpus, 'aws__aws-sam-cli__start-api-lambda-authorizers-swagger-api.yaml');
    const swagger = await load(entry, { api: 'RestApiSwagger' });
    expect(swagger.version).toBe('2.0');
    expect(swagger.sourceMap.lookup('/swagger')).toEqual({ file: entry, line: 20, column: 9 });
    const openapi = await load(entry, { api: 'RestApiOpenApi' });
    expect(openapi.version).toBe('3.0');
    expect(Object.keys(openapi.document.paths as object)).toContain('/requestauthorizeropenapi');
    expect(openapi.sourceMap.lookup('/paths/~1requestauthorizeropenapi')).toEqual({ file: entry, line: 124, column: 11 });
    const unknown = await expectApigwError(load(entry, { api: 'Nope' }));
    expect(unknown.code).toBe('NOT_OPENAPI');
    expect(unknown.message).toMatch(/no resource Nope; API resources with a definition: RestApiSwagger .*, RestApiOpenApi/);
  });
});

describe('fixtures/cfn-template (SAM)', () => {
  const entry = path.join(fixturesDir, 'cfn-template/template.yaml');
  it('loads the DefinitionBody and normalizes it: Lambda function references survive !Sub', async () => {
    const loaded = await load(entry);
    expect(loaded.embedded).toEqual({ logicalId: 'OrdersApi', resourceType: 'AWS::Serverless::Api', pointer: '/Resources/OrdersApi/Properties/DefinitionBody' });
    expect(loaded.files).toEqual([entry]);
    expect((loaded.document.info as any).title).toEqual({ 'Fn::Sub': 'orders-${Stage}' });
    expect(loaded.sourceMap.lookup('/paths/~1orders/post/requestBody/content/application~1json/schema')).toEqual({ file: entry, line: 56, column: 21 });
    expect(loaded.sourceMap.lookup('/components/schemas/NewOrder/properties/items/minItems')).toEqual({ file: entry, line: 113, column: 19 });
    const api = normalize(loaded);
    expect(JSON.stringify(api)).toContain('ListOrdersFunction');
    expect(JSON.stringify(api)).toContain('CreateOrderFunction');
  });
});

describe('the CLI on a template', () => {
  it('`apigw-gen routes fixtures/cfn-template/template.yaml` lists the routes of the embedded API', () => {
    const out = execFileSync(process.execPath, ['bin/apigw-gen.js', 'routes', 'fixtures/cfn-template/template.yaml', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
    const routes = JSON.parse(out) as unknown;
    const text = JSON.stringify(routes);
    for (const fragment of ['/orders/{orderId}', '/health', 'ListOrdersFunction', 'CreateOrderFunction', 'dynamodb', 'OrdersUserPool']) expect(text).toContain(fragment);
  }, 60_000);
});

describe('templates: errors and definition files', () => {
  const SPEC = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {"200": {description: ok}}\n';

  it('DefinitionUri with a local path loads that file (and its refs)', async () => {
    const dir = writeTree({
      'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionUri: api/openapi.yaml\n',
      'api/openapi.yaml': SPEC.replace('{description: ok}', '{$ref: "responses.yaml#/Ok"}'),
      'api/responses.yaml': 'Ok:\n  description: fine\n',
    });
    const loaded = await load(path.join(dir, 'template.yaml'));
    expect(loaded.embedded).toEqual({ logicalId: 'Api', resourceType: 'AWS::Serverless::Api', pointer: '/Resources/Api/Properties/DefinitionUri' });
    expect(loaded.files).toEqual([path.join(dir, 'template.yaml'), path.join(dir, 'api/openapi.yaml'), path.join(dir, 'api/responses.yaml')]);
    expect((loaded.document.components as any).responses.Ok).toEqual({ description: 'fine' });
    expect(loaded.sourceMap.lookup('/paths/~1a')).toEqual({ file: path.join(dir, 'api/openapi.yaml'), line: 4, column: 3 });
  });

  it('BodyS3Location as a local path loads it; as S3 it is a clear error at the property', async () => {
    const local = writeTree({
      'template.yaml': 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      BodyS3Location: ./openapi.yaml\n',
      'openapi.yaml': SPEC,
    });
    expect((await load(path.join(local, 'template.yaml'))).embedded?.resourceType).toBe('AWS::ApiGateway::RestApi');
    const s3 = writeTree({ 'template.yaml': 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      BodyS3Location:\n        Bucket: my-bucket\n        Key: api.yaml\n' });
    const error = await expectApigwError(load(path.join(s3, 'template.yaml')));
    expect(error.code).toBe('NOT_OPENAPI');
    expect(error.message).toMatch(/Api\.BodyS3Location is s3:\/\/my-bucket\/api\.yaml: the definition lives in S3/);
    expect(error.position).toEqual({ file: path.join(s3, 'template.yaml'), line: 5, column: 7 });
  });

  it('Fn::Transform AWS::Include from S3 → a clear error naming the location', async () => {
    const dir = writeTree({
      'template.yaml': 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters:\n            Location: s3://bucket/openapi.yaml\n',
    });
    const error = await expectApigwError(load(path.join(dir, 'template.yaml')));
    expect(error.code).toBe('NOT_OPENAPI');
    expect(error.message).toMatch(/Api\.DefinitionBody is included with Fn::Transform AWS::Include from "s3:\/\/bucket\/openapi\.yaml": the definition lives in S3/);
    expect(error.position).toEqual({ file: path.join(dir, 'template.yaml'), line: 6, column: 7 });
  });

  it('a template with no API definition, and a missing definition file, are clear errors', async () => {
    const dir = writeTree({
      'none.yaml': 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n  Fn:\n    Type: AWS::Serverless::Function\n',
      'missing.yaml': 'Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefinitionUri: gone.yaml\n',
      'outside.yaml': 'Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefinitionUri: ../elsewhere.yaml\n',
    });
    const none = await expectApigwError(load(path.join(dir, 'none.yaml')));
    expect(none.code).toBe('NOT_OPENAPI');
    expect(none.message).toMatch(/no API resource carrying an OpenAPI definition .*Api \(AWS::Serverless::Api\) has none/);
    expect(none.position).toEqual({ file: path.join(dir, 'none.yaml'), line: 1, column: 1 });
    const missing = await expectApigwError(load(path.join(dir, 'missing.yaml')));
    expect(missing.code).toBe('BROKEN_REF');
    expect(missing.message).toMatch(/^Api definition "gone\.yaml": file not found/);
    expect(missing.position).toEqual({ file: path.join(dir, 'missing.yaml'), line: 5, column: 7 });
    expect((await expectApigwError(load(path.join(dir, 'outside.yaml')))).code).toBe('REF_OUTSIDE_ROOT');
  });

  it('a body that is not OpenAPI → NOT_OPENAPI at the DefinitionBody property', async () => {
    const dir = writeTree({ 'template.yaml': 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionBody:\n        paths: {}\n' });
    const error = await expectApigwError(load(path.join(dir, 'template.yaml')));
    expect(error.code).toBe('NOT_OPENAPI');
    expect(error.position).toEqual({ file: path.join(dir, 'template.yaml'), line: 5, column: 7 });
    expect(error.message).toMatch(/no `openapi` or `swagger` field/);
  });
});
