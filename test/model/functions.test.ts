// Function references from every way real specs name a Lambda function.

import { describe, expect, it } from 'vitest';
import { functionRefFromUri } from '../../src/model/functions.js';
import { normalize } from '../../src/model/index.js';
import { documentOf } from './helpers.js';

const invoke = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`;

describe('functionRefFromUri', () => {
  it('reads a literal invocation ARN', () => {
    expect(functionRefFromUri(invoke('arn:aws:lambda:us-east-1:123456789012:function:GetPets'))).toEqual({
      key: 'arn:arn:aws:lambda:us-east-1:123456789012:function:GetPets',
      name: 'GetPets',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:GetPets',
      region: 'us-east-1',
      account: '123456789012',
    });
  });

  it('keeps an alias or version out of the identity', () => {
    const live = functionRefFromUri(invoke('arn:aws:lambda:us-east-1:123456789012:function:GetPets:live'));
    const v3 = functionRefFromUri(invoke('arn:aws:lambda:us-east-1:123456789012:function:GetPets:3'));
    expect(live).toMatchObject({ name: 'GetPets', alias: 'live', arn: 'arn:aws:lambda:us-east-1:123456789012:function:GetPets:live' });
    expect(v3?.alias).toBe('3');
    expect(live?.key).toBe(v3?.key);
  });

  it('reads a bare function ARN (HTTP API)', () => {
    expect(functionRefFromUri('arn:aws:lambda:us-east-2:123456789012:function:HelloWorld')).toMatchObject({ name: 'HelloWorld', region: 'us-east-2' });
  });

  it('reads Fn::Sub with ${Fn.Arn}, ${Fn} and pseudo parameters', () => {
    expect(functionRefFromUri({ 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${MyFunction.Arn}/invocations' })).toEqual({
      key: 'cfn:MyFunction',
      name: 'MyFunction',
      logicalId: 'MyFunction',
    });
    const byName = functionRefFromUri({
      'Fn::Sub':
        'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${OrdersFunction}/invocations',
    });
    expect(byName).toMatchObject({ key: 'cfn:OrdersFunction', logicalId: 'OrdersFunction', region: '${AWS::Region}', account: '${AWS::AccountId}' });
    expect(functionRefFromUri({ 'Fn::Sub': invoke('${MyFunction.Arn}:live') })).toMatchObject({ key: 'cfn:MyFunction', alias: 'live' });
  });

  it('reads Fn::Sub variables that are themselves Ref / Fn::GetAtt', () => {
    const ref = functionRefFromUri({ 'Fn::Sub': [invoke('${FnArn}'), { FnArn: { 'Fn::GetAtt': ['Varred', 'Arn'] } }] });
    expect(ref).toMatchObject({ key: 'cfn:Varred', logicalId: 'Varred' });
    const literal = functionRefFromUri({ 'Fn::Sub': [invoke('arn:aws:lambda:eu-west-1:123456789012:function:${Name}'), { Name: 'orders' }] });
    expect(literal).toMatchObject({ name: 'orders', region: 'eu-west-1' });
  });

  it('reads Fn::GetAtt [X, Arn] and Ref X as the whole uri', () => {
    expect(functionRefFromUri({ 'Fn::GetAtt': ['MyFn', 'Arn'] })).toEqual({ key: 'cfn:MyFn', name: 'MyFn', logicalId: 'MyFn' });
    expect(functionRefFromUri({ 'Fn::GetAtt': 'MyFn.Arn' })?.logicalId).toBe('MyFn');
    expect(functionRefFromUri({ Ref: 'MyFn' })?.logicalId).toBe('MyFn');
  });

  it('reads Fn::Join pieces', () => {
    const joined = { 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['JoinFn', 'Arn'] }, '/invocations']] };
    expect(functionRefFromUri(joined)).toMatchObject({ key: 'cfn:JoinFn', logicalId: 'JoinFn' });
  });

  it('reads stage-variable function names and ARNs', () => {
    expect(functionRefFromUri(invoke('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}'))).toEqual({
      key: 'stagevar:${stageVariables.fn}',
      name: 'fn',
      stageVariable: 'fn',
      region: 'us-east-1',
      account: '123456789012',
    });
    expect(functionRefFromUri(invoke('${stageVariables.fnArn}'))).toEqual({ key: 'stagevar:${stageVariables.fnArn}', name: 'fnArn', stageVariable: 'fnArn' });
    expect(functionRefFromUri(invoke('arn:aws:lambda:us-east-1:123456789012:function:orders:${stageVariables.alias}'))).toMatchObject({
      name: 'orders',
      alias: '${stageVariables.alias}',
    });
  });

  it('reads the response-streaming invocation path', () => {
    const uri = 'arn:aws:apigateway:us-west-2:lambda:path/2021-11-15/functions/arn:aws:lambda:us-west-2:123456789012:function:Stream/response-streaming-invocations';
    expect(functionRefFromUri(uri)?.name).toBe('Stream');
  });

  it('finds no function where there is none', () => {
    expect(functionRefFromUri('https://example.com/pets')).toBeUndefined();
    expect(functionRefFromUri({ 'Fn::If': ['Prod', invoke('a'), invoke('b')] })).toBeUndefined();
    expect(functionRefFromUri(undefined)).toBeUndefined();
    expect(functionRefFromUri(42)).toBeUndefined();
  });
});

describe('integrations with intrinsic uris in a document', () => {
  const api = normalize(
    documentOf({
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: {
        '/sub': {
          get: {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              httpMethod: 'POST',
              uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${GetFn.Arn}/invocations' },
              credentials: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
            },
          },
        },
        '/stream': {
          post: {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              httpMethod: 'POST',
              responseTransferMode: 'STREAM',
              uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${StreamFn.Arn}/response-streaming-invocations' },
            },
          },
        },
        '/sqs': {
          post: {
            'x-amazon-apigateway-integration': {
              type: 'aws',
              httpMethod: 'POST',
              uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Queue.QueueName}' },
            },
          },
        },
      },
    }),
  );

  it('keeps intrinsics as Intrinsic values and still finds the function', () => {
    const [sub, stream, sqs] = api.routes;
    expect(sub?.integration).toMatchObject({
      kind: 'lambda-proxy',
      streaming: false,
      function: { key: 'cfn:GetFn' },
      uri: { intrinsic: true, fn: 'Fn::Sub' },
      credentials: { intrinsic: true, fn: 'Fn::GetAtt', args: ['ApiRole', 'Arn'] },
    });
    expect(stream?.integration).toMatchObject({ kind: 'lambda-proxy', streaming: true, responseTransferMode: 'STREAM', function: { logicalId: 'StreamFn' } });
    expect(sqs?.integration).toMatchObject({ kind: 'aws-service', service: 'sqs', region: '${AWS::Region}', path: '${AWS::AccountId}/${Queue.QueueName}' });
  });
});
