// Every stageVariables reference, in every place and spelling, with its pointer.

import { describe, expect, it } from 'vitest';
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
