// Every stageVariables reference, in every place and spelling, with its pointer.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/index.js';
import { findStageVariableRefs } from '../../src/model/stage-variables.js';
import { documentOf } from './helpers.js';

describe('stage variable references', () => {
  const api = normalize(
    documentOf({
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{id}': {
          get: {
            'x-amazon-apigateway-integration': {
              type: 'http',
              httpMethod: 'GET',
              uri: 'https://${stageVariables.backendHost}/a/{id}',
              credentials: 'arn:aws:iam::123456789012:role/${stageVariables.role}',
              connectionType: 'VPC_LINK',
              connectionId: '${stageVariables.vpcLinkId}',
              requestParameters: { 'integration.request.header.x-env': 'stageVariables.env' },
              requestTemplates: { 'application/json': '{"table": "$stageVariables.table", "t2": "$stageVariables.get(\'other\')", "t3": "$stageVariables[\'third\']"}' },
              responses: { default: { statusCode: '200' } },
            },
          },
        },
      },
      components: {
        securitySchemes: {
          auth: {
            type: 'apiKey',
            name: 'Unused',
            in: 'header',
            'x-amazon-apigateway-authorizer': { type: 'request', identitySource: 'method.request.header.A, stageVariables.authKey', authorizerUri: { 'Fn::Sub': 'x/${stageVariables.authFn}' } },
          },
        },
      },
    }),
  );

  it('finds uri, credentials, connectionId, mapping, template and identity-source references', () => {
    const I = '/paths/~1a~1{id}/get/x-amazon-apigateway-integration';
    expect(api.stageVariableRefs).toEqual([
      { name: 'backendHost', pointer: `${I}/uri` },
      { name: 'role', pointer: `${I}/credentials` },
      { name: 'vpcLinkId', pointer: `${I}/connectionId` },
      { name: 'env', pointer: `${I}/requestParameters/integration.request.header.x-env` },
      { name: 'table', pointer: `${I}/requestTemplates/application~1json` },
      { name: 'other', pointer: `${I}/requestTemplates/application~1json` },
      { name: 'third', pointer: `${I}/requestTemplates/application~1json` },
      { name: 'authKey', pointer: '/components/securitySchemes/auth/x-amazon-apigateway-authorizer/identitySource' },
      { name: 'authFn', pointer: '/components/securitySchemes/auth/x-amazon-apigateway-authorizer/authorizerUri/Fn::Sub' },
    ]);
  });

  it('reports a name once per string, and finds references in keys', () => {
    expect(findStageVariableRefs({ a: '${stageVariables.x}-${stageVariables.x}', 'k-stageVariables.y': 1 })).toEqual([
      { name: 'x', pointer: '/a' },
      { name: 'y', pointer: '/k-stageVariables.y' },
    ]);
  });
});

describe('stage variable references through load (the walk is skipped when the texts rule them out)', () => {
  const HEAD = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths: {}\n';
  const loadText = async (text: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apigw-stagevars-'));
    writeFileSync(path.join(dir, 'openapi.yaml'), text);
    return load(path.join(dir, 'openapi.yaml'));
  };

  it('finds references spelled through escapes and tags, as a full walk does', async () => {
    const cases: Array<[string, string]> = [
      [`${HEAD}x-a: "\\x73tageVariables.hex"\n`, 'hex'],
      [`${HEAD}x-a: "\\u0073tageVariables.unicode"\n`, 'unicode'],
      [`${HEAD}x-a: "stage\\\n   Variables.joined"\n`, 'joined'],
      [`%TAG !s! !stage\n---\n${HEAD}x-a: !s!Variables.tagged foo\n`, 'tagged'],
    ];
    for (const [text, name] of cases) {
      const loaded = await loadText(text);
      const found = normalize(loaded).stageVariableRefs;
      expect(found.map((r) => r.name)).toEqual([name]);
      expect(found).toEqual(findStageVariableRefs(loaded.document));
    }
  });

  it('none when no text could spell one (backslashes only outside double quotes)', async () => {
    const loaded = await loadText(`${HEAD}x-a: a \\ b\nx-b: 'stage Variables.x'\n`);
    expect(loaded.mayContain!('stageVariables')).toBe(false);
    expect(normalize(loaded).stageVariableRefs).toEqual([]);
    expect(findStageVariableRefs(loaded.document)).toEqual([]);
  });
});
