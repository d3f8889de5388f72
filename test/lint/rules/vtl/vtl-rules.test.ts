import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { lintFile, lintText, REPO } from '../../helpers.js';
import { rules } from '../../../../src/lint/rules/vtl/index.js';

const P = (path: string, method: string) => `/paths/${path.replace(/\//g, '~1')}/${method}/x-amazon-apigateway-integration`;

describe('APIGW-VTL family on the known-bad fixture', () => {
  it('reports exactly the expected rule ids and template pointers', async () => {
    const { diagnostics } = await lintFile(resolve(REPO, 'fixtures/lint/vtl/bad.yaml'), {}, undefined, { rules });
    const req = `${P('/pets', 'post')}/requestTemplates/application~1json`;
    const res = `${P('/pets', 'post')}/responses/default/responseTemplates/application~1json`;
    const ov = `${P('/overrides', 'get')}/requestTemplates/application~1json`;
    expect(diagnostics.map((d) => `${d.ruleId} ${d.pointer}`).sort()).toEqual([
      `APIGW-VTL-002 ${req}`,
      `APIGW-VTL-003 ${req}`,
      `APIGW-VTL-004 ${req}`,
      `APIGW-VTL-005 ${ov}`,
      `APIGW-VTL-005 ${ov}`,
      `APIGW-VTL-006 ${res}`,
      `APIGW-VTL-007 ${ov}`,
      `APIGW-VTL-008 ${ov}`,
      `APIGW-VTL-009 ${req}`,
      `APIGW-VTL-010 ${P('/broken', 'get')}/requestTemplates/application~1json`,
      `APIGW-VTL-011 ${req}`,
      `APIGW-VTL-012 ${res}`,
      `APIGW-VTL-013 ${req}`,
    ].sort());
  });

  it('places a syntax error inside the spec: the template pointer resolves to the file, the message names template line and column', async () => {
    const { diagnostics } = await lintFile(resolve(REPO, 'fixtures/lint/vtl/bad.yaml'), {}, undefined, { rules });
    const d = diagnostics.find((x) => x.ruleId === 'APIGW-VTL-010')!;
    expect(d.file).toBe(resolve(REPO, 'fixtures/lint/vtl/bad.yaml'));
    expect(d.line).toBeGreaterThanOrEqual(78);
    expect(d.line).toBeLessThanOrEqual(79);
    // The unclosed `#if(` is reported at the token that breaks it: the `{` starting template line 2.
    expect(d.message).toMatch(/template line 2, column 1\b/);
  });
});

const spec = (integration: string) => `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a/{id}:
    post:
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses: {'200': {description: OK}}
      x-amazon-apigateway-integration:
${integration.replace(/^/gm, '        ')}
`;

describe('template checks', () => {
  it('does not flag templates whose ${AWS::...} or Fn::Sub substitutions CloudFormation resolves', async () => {
    const { diagnostics } = await lintText(spec(`type: aws
httpMethod: POST
uri: arn:aws:apigateway:us-east-1:states:action/StartSyncExecution
requestTemplates:
  application/json: !Sub '{"input": "$util.escapeJavaScript($input.json(''$'')).replaceAll("\\\\''","''")", "stateMachineArn": "\${Machine}", "region": "\${AWS::Region}", "id": \${!input.params(''id'')}}'
  text/plain: '{"stateMachineArn": "arn:aws:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:x"}'
responses:
  default: {statusCode: '200'}`), {}, 'rest', { rules });
    expect(diagnostics).toEqual([]);
  });

  it('renders with numbers when a template prints a parameter unquoted (no false JSON alarm)', async () => {
    const { diagnostics } = await lintText(spec(`type: http
httpMethod: POST
uri: https://example.com
requestTemplates:
  application/json: '{"id": $input.params(''id''), "body": $input.json(''$'')}'
responses:
  default: {statusCode: '200'}`), {}, 'rest', { rules });
    expect(diagnostics.filter((d) => d.ruleId === 'APIGW-VTL-013')).toEqual([]);
  });

  it('reports overrides on proxy integrations and responseOverride is fine in response templates', async () => {
    const { diagnostics } = await lintText(spec(`type: http
httpMethod: POST
uri: https://example.com
responses:
  default:
    statusCode: '200'
    responseTemplates:
      application/json: '#set($context.responseOverride.status = 201){}'`), {}, 'rest', { rules });
    expect(diagnostics).toEqual([]);
    const proxy = await lintText(spec(`type: http_proxy
httpMethod: POST
uri: https://example.com
requestTemplates:
  application/json: '#set($context.requestOverride.header.x = "1")'`), {}, 'rest', { rules });
    expect(proxy.diagnostics.map((d) => d.ruleId)).toEqual(['APIGW-VTL-005']);
    expect(proxy.diagnostics[0]!.message).toMatch(/proxy|http_proxy/);
  });
});
