// CloudFormation/SAM templates as input: `--api <LogicalId>` picks one of several APIs, and a
// definition inside an HTTP API resource is treated as an HTTP API.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, hasStackTrace, project, run } from './helpers.js';

/** A Lambda proxy route with no HTTP-only extension: alone it would be inferred to be a REST API. */
const body = (path: string, fn: string) => `        openapi: 3.0.1
        info: { title: ${fn}, version: "1" }
        paths:
          ${path}:
            get:
              operationId: get${fn}
              responses: { "200": { description: ok } }
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations
`;

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
${body('/orders', 'OrdersFunction')}  EventsApi:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionBody:
${body('/events', 'EventsFunction')}`;

let dir: string;
beforeAll(() => {
  buildDist();
  dir = project();
  writeFileSync(join(dir, 'template.yaml'), TEMPLATE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--api picks one API of a template', () => {
  it('without --api a template with several APIs is a usage error naming them', () => {
    const r = run(['routes', 'template.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OrdersApi/);
    expect(r.stderr).toMatch(/EventsApi/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('routes, lint and build each load the chosen API', () => {
    const orders = run(['routes', 'template.yaml', '--api', 'OrdersApi', '--format', 'json'], dir);
    expect(orders.code).toBe(0);
    expect(JSON.parse(orders.stdout).map((r: { path: string }) => r.path)).toEqual(['/orders']);
    const events = run(['routes', 'template.yaml', '--api', 'EventsApi', '--format', 'json'], dir);
    expect(JSON.parse(events.stdout).map((r: { path: string; target: string }) => [r.path, r.target])).toEqual([['/events', 'EventsFunction']]);

    // Linted as an HTTP API (its resource type says so): HTTP integrations need payloadFormatVersion.
    const lint = run(['lint', 'template.yaml', '--api', 'EventsApi', '--format', 'json'], dir);
    const found = JSON.parse(lint.stdout).diagnostics as { ruleId: string; file?: string; line?: number }[];
    const int018 = found.filter((d) => d.ruleId === 'APIGW-INT-018');
    expect(int018).toHaveLength(1);
    expect(int018[0]!.file).toMatch(/template\.yaml$/);
    expect(lint.code).toBe(1);
    const asRest = run(['lint', 'template.yaml', '--api', 'EventsApi', '--api-type', 'rest', '--format', 'json'], dir);
    expect(JSON.parse(asRest.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain('APIGW-INT-018');

    const missing = run(['lint', 'template.yaml', '--api', 'NoSuchApi'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/NoSuchApi/);
  });

  it('an AWS::Serverless::HttpApi definition builds as an HTTP API; --api-type still wins', () => {
    expect(run(['build', 'template.yaml', '--api', 'EventsApi', '--no-lint', '--targets', 'gateway', '--out', 'events'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'events/gateway/openapi.http.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'events/gateway/openapi.http.json'), 'utf8')).paths['/events']).toBeDefined();

    expect(run(['build', 'template.yaml', '--api', 'OrdersApi', '--targets', 'gateway', '--out', 'orders'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'orders/gateway/openapi.rest.json'))).toBe(true);

    const forced = run(['build', 'template.yaml', '--api', 'EventsApi', '--api-type', 'rest', '--no-lint', '--targets', 'gateway', '--out', 'forced'], dir);
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'forced/gateway/openapi.rest.json'))).toBe(true);
  });
});
