import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { lintFile, lintText, REPO } from '../../helpers.js';
import { rules } from '../../../../src/lint/rules/int/index.js';
import { isLambdaInvocationUri, isLambdaStreamingUri, isBareFunctionArn } from '../../../../src/lint/rules/int/support.js';
import { compileJavaRegex } from '../../../../src/lint/rules/int/java-regex.js';
import { baselineMatcher, createBaseline } from '../../../../src/lint/baseline.js';
import type { Diagnostic } from '../../../../src/lint/types.js';

const I = (path: string, method: string) => `/paths/${path.replace(/\//g, '~1')}/${method}/x-amazon-apigateway-integration`;

describe('APIGW-INT family on the known-bad fixture', () => {
  it('reports exactly the expected rule ids at the expected pointers', async () => {
    const { diagnostics } = await lintFile(resolve(REPO, 'fixtures/lint/int/bad.yaml'), {}, undefined, { rules });
    const got = diagnostics.map((d) => `${d.ruleId} ${d.pointer}`).sort();
    const backend = I('/backend/{id}', 'get');
    const custom = I('/lambda-custom', 'post');
    const expected = [
      `APIGW-INT-001 /paths/~1no-integration/get`,
      `APIGW-INT-002 ${I('/bad-type', 'get')}/type`,
      `APIGW-INT-004 ${I('/lambda-get', 'get')}/httpMethod`,
      `APIGW-INT-005 ${backend}`,
      `APIGW-INT-006 ${I('/sqs', 'post')}/uri`,
      `APIGW-INT-007 ${I('/proxy-to-dynamo', 'post')}/uri`,
      `APIGW-INT-008 ${backend}/uri`,
      `APIGW-INT-009 ${backend}/uri`,
      `APIGW-INT-010 ${backend}/requestParameters/integration.request.header.x-debug`,
      `APIGW-INT-011 ${backend}/requestParameters/overwrite:header.x-source`,
      `APIGW-INT-012 ${backend}/requestParameters/integration.request.header.Accept`,
      `APIGW-INT-013 ${backend}/requestParameters/integration.request.header.x-trace`,
      `APIGW-INT-014 ${backend}/requestParameters/integration.request.header.x-latency`,
      `APIGW-INT-019 ${I('/lambda-get', 'get')}/timeoutInMillis`,
      `APIGW-INT-020 ${I('/private', 'get')}/connectionType`,
      `APIGW-INT-021 ${custom}/connectionType`,
      `APIGW-INT-022 ${I('/private', 'get')}/tlsConfig/serverNameToVerify`,
      `APIGW-INT-023 ${I('/private', 'get')}/contentHandling`,
      `APIGW-INT-024 ${custom}/passthroughBehavior`,
      `APIGW-INT-025 ${I('/lambda-get', 'get')}/passthroughBehavior`,
      `APIGW-INT-026 ${I('/sqs', 'post')}`,
      `APIGW-INT-026 ${custom}/responses`,
      `APIGW-INT-027 ${custom}/responses/.*NotFound.*/statusCode`,
      `APIGW-INT-028 ${custom}/responses/.*BadRequest(.*`,
      `APIGW-INT-029 ${custom}/responses/.*Conflict.*/responseParameters/method.response.header.Retry-After`,
      `APIGW-INT-030 ${custom}/responses/.*Conflict.*/responseParameters/method.response.header.Retry-After`,
      `APIGW-INT-031 ${backend}/cacheKeyParameters/0`,
      `APIGW-INT-032 ${I('/mock', 'get')}/responseTransferMode`,
      `APIGW-INT-033 ${I('/mock', 'get')}/integrationTarget`,
      `APIGW-INT-034 ${I('/mock', 'get')}/requestTemplates/application~1json`,
      `APIGW-INT-035 ${I('/private', 'get')}/credentials`,
      `APIGW-INT-036 ${custom}/uri`,
    ].sort();
    expect(got).toEqual(expected);
    // Positions come from the source map: every diagnostic points into the fixture file.
    for (const d of diagnostics) expect(d.file && d.line && d.column, `${d.ruleId} ${d.pointer}`).toBeTruthy();
  });
});

describe('Lambda URI forms', () => {
  const fn = 'arn:aws:lambda:us-east-1:123456789012:function:pets';
  it.each([
    [`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`, true],
    [`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}:live/invocations`, true],
    ['arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PetsFunction.Arn}/invocations', true],
    ['arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${AWS::AccountId}:function:${stageVariables.fn}/invocations', true],
    [`arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:pets/invocations`, true],
    [`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}`, false],
    [`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:account-id:function:pets/invocations`, false],
    [fn, false],
  ])('%s → invocation URI %s', (uri, ok) => {
    expect(isLambdaInvocationUri(uri)).toBe(ok);
  });
  it('knows the response-streaming path and bare function ARNs', () => {
    expect(isLambdaStreamingUri(`arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/${fn}/response-streaming-invocations`)).toBe(true);
    expect(isLambdaStreamingUri(`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`)).toBe(false);
    expect(isBareFunctionArn(fn)).toBe(true);
    expect(isBareFunctionArn('arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}')).toBe(true);
    expect(isBareFunctionArn('arn:aws:lambda:us-east-1:123456789012:pets')).toBe(false);
  });

  it('does not flag intrinsic URIs (Fn::Sub, Fn::GetAtt, Fn::Join, Ref) as malformed', async () => {
    const yaml = (uri: string) => `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: ${uri}
`;
    for (const uri of [
      '!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
      '!GetAtt Fn.Arn',
      '!Ref InvokeUri',
      "!Join ['', ['arn:aws:apigateway:', !Ref 'AWS::Region', ':lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]",
    ]) {
      const { diagnostics } = await lintText(yaml(uri), {}, 'rest', { rules });
      expect(diagnostics.filter((d) => d.severity === 'error'), uri).toEqual([]);
    }
    const bad = await lintText(yaml('!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}'), {}, 'rest', { rules });
    expect(bad.diagnostics.map((d) => d.ruleId)).toContain('APIGW-INT-007');
  });
});

describe('selection patterns are Java regexes', () => {
  it.each(['2\\d{2}', '.*Error.*', '(?i).*not found.*', '\\QLiteral.*\\E', 'a++b', '(?>x)y', '\\p{Lower}+', '[a-z&&[^e]]', 'a]b', '^(?!.*OK).*$'])('accepts %s', (p) => {
    expect(compileJavaRegex(p).ok).toBe(true);
  });
  it.each(['[', '(', 'a{', '*abc', '\\y', 'a|b)', '{"a"'])('rejects %s', (p) => {
    expect(compileJavaRegex(p).ok).toBe(false);
  });
  it('matches whole strings, as API Gateway does', () => {
    const r = compileJavaRegex('Not Found');
    expect(r.ok && r.regex?.test('Not Found: 3')).toBe(false);
    const w = compileJavaRegex('.*Not Found.*');
    expect(w.ok && w.regex?.test('Not Found: 3')).toBe(true);
  });
});

describe('HTTP API integrations', () => {
  it('checks HTTP mapping syntax, reserved headers, subtypes and payload versions; dropped types only get INT-003', async () => {
    const { diagnostics } = await lintText(`openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration:
        type: HTTP_PROXY
        httpMethod: GET
        uri: https://example.com/a
        payloadFormatVersion: 2.0
        requestParameters:
          overwrite:header.Authorization: $request.header.x-token
          integration.request.header.x: "'y'"
  /b:
    post:
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration:
        type: AWS_PROXY
        integrationSubtype: SQS-SendMessage
        payloadFormatVersion: '1.0'
        requestParameters:
          MessageBody: $request.body
  /c:
    get:
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration:
        type: MOCK
        requestParameters:
          integration.request.header.x: "'y'"
`, {}, 'http', { rules });
    const got = diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`).sort();
    expect(got).toEqual([
      `APIGW-INT-003 warn ${I('/c', 'get')}/type`,
      `APIGW-INT-015 error ${I('/a', 'get')}/requestParameters/integration.request.header.x`,
      `APIGW-INT-016 error ${I('/a', 'get')}/requestParameters/overwrite:header.Authorization`,
      `APIGW-INT-017 error ${I('/b', 'post')}`,
      `APIGW-INT-017 error ${I('/b', 'post')}`,
      `APIGW-INT-018 error ${I('/a', 'get')}/payloadFormatVersion`,
    ].sort());
  });
});

describe('APIGW-INT-001 when no operation has an integration', () => {
  const spec = (extra = '') => `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses: { '200': { description: ok } }
    post:
      responses: { '201': { description: created } }
  /pets/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
${extra}`;
  const int001 = <D extends { ruleId: string }>(ds: D[]) => ds.filter((d) => d.ruleId === 'APIGW-INT-001');

  it('REST: one warning at /paths with what API Gateway does and the fix', async () => {
    const found = int001((await lintText(spec(), {}, 'rest')).diagnostics);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ pointer: '/paths', severity: 'warn', line: 3, column: 1 });
    expect((found[0] as { message: string }).message).toBe(
      'none of the operations has an x-amazon-apigateway-integration: API Gateway imports them as methods without a backend, and deploying a stage fails with "No integration defined for method". Add an x-amazon-apigateway-integration to each operation (for example type aws_proxy to a Lambda function, http_proxy to a URL, or mock).',
    );
  });

  it('HTTP: the same single warning, worded for routes', async () => {
    const found = int001((await lintText(spec(), {}, 'http')).diagnostics) as { pointer: string; message: string }[];
    expect(found.map((d) => d.pointer)).toEqual(['/paths']);
    expect(found[0]!.message).toMatch(/^none of the routes has an x-amazon-apigateway-integration: API Gateway imports them as routes without a target/);
  });

  it('the message does not depend on the number of operations, so a baseline entry survives adding one', async () => {
    const withFour = spec("  /owners:\n    get:\n      responses: { '200': { description: ok } }\n");
    const three = int001((await lintText(spec(), {}, 'rest')).diagnostics) as Diagnostic[];
    const four = int001((await lintText(withFour, {}, 'rest')).diagnostics) as Diagnostic[];
    expect(four).toHaveLength(1);
    expect(four[0]!.pointer).toBe('/paths');
    const knows = baselineMatcher(createBaseline(three).entries);
    expect(knows(four[0]!)).toBe(true);
  });

  it('one integration anywhere: a warning per operation without one, as before', async () => {
    const text = spec().replace("    post:\n      responses: { '201': { description: created } }", "    post:\n      responses: { '201': { description: created } }\n      x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{\"statusCode\": 201}' } }");
    const found = int001((await lintText(text, {}, 'rest')).diagnostics) as { pointer: string; message: string }[];
    expect(found.map((d) => d.pointer).sort()).toEqual(['/paths/~1pets/get', '/paths/~1pets~1{id}/get']);
    expect(found.find((d) => d.pointer === '/paths/~1pets/get')!.message).toMatch(/^GET \/pets has no x-amazon-apigateway-integration, so deploying the stage fails/);
  });

  it('a single operation without one keeps the per-operation warning', async () => {
    const text = `openapi: 3.0.1\ninfo: { title: t, version: '1' }\npaths:\n  /pets:\n    get:\n      responses: { '200': { description: ok } }\n`;
    expect(int001((await lintText(text, {}, 'rest')).diagnostics).map((d) => (d as { pointer: string }).pointer)).toEqual(['/paths/~1pets/get']);
  });
});
