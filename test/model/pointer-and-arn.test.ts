// JSON pointer escaping (what the source map is keyed by) and service-ARN parsing.

import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/model/index.js';
import { parseServiceArn } from '../../src/model/integrations.js';
import { child, pointerOf, tokensOf } from '../../src/model/pointer.js';
import { lookupRef } from '../../src/model/refs.js';
import { documentOf } from './helpers.js';

describe('JSON pointers', () => {
  it('escapes ~ and / in tokens, and round-trips', () => {
    expect(child('/paths', '/a~b/{id}')).toBe('/paths/~1a~0b~1{id}');
    expect(pointerOf(['paths', '/x', 'get', 0])).toBe('/paths/~1x/get/0');
    expect(tokensOf('/paths/~1a~0b~1{id}/~01')).toEqual(['paths', '/a~b/{id}', '~1']);
  });

  it('gives routes on odd paths pointers that resolve back to the operation', () => {
    const document = { openapi: '3.0.1', info: {}, paths: { '/files/~user/{name}': { get: { operationId: 'tilde' } } } };
    const route = normalize(documentOf(document)).routes[0]!;
    expect(route.pointer).toBe('/paths/~1files~1~0user~1{name}/get');
    expect(lookupRef(document, `#${route.pointer}`)?.node).toEqual({ operationId: 'tilde' });
  });

  it('resolves percent-encoded and array refs, refuses external ones', () => {
    const doc = { a: { 'b c': [{ d: 1 }] } };
    expect(lookupRef(doc, '#/a/b%20c/0/d')).toEqual({ node: 1, pointer: '/a/b c/0/d' });
    expect(lookupRef(doc, 'other.yaml#/a')).toBeUndefined();
    expect(lookupRef(doc, '#/a/b c/x')).toBeUndefined();
    expect(lookupRef(doc, '#/a/constructor')).toBeUndefined();
  });
});

describe('parseServiceArn', () => {
  it('reads action and path forms', () => {
    expect(parseServiceArn('arn:aws:apigateway:us-east-1:sqs:action/SendMessage')).toEqual({ region: 'us-east-1', service: 'sqs', action: 'SendMessage' });
    expect(parseServiceArn('arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}')).toEqual({ region: 'us-west-2', service: 's3', action: 'GetObject' });
    expect(parseServiceArn('arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}')).toEqual({ region: 'us-west-2', service: 's3', path: '{bucket}/{key}' });
    expect(parseServiceArn('arn:aws-cn:apigateway:cn-north-1:kinesis:action/PutRecord')).toMatchObject({ service: 'kinesis' });
  });

  it('accepts CloudFormation placeholders and rejects ARNs without path or action', () => {
    expect(parseServiceArn('arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartSyncExecution')).toEqual({
      region: '${AWS::Region}',
      service: 'states',
      action: 'StartSyncExecution',
    });
    expect(parseServiceArn('arn:aws:apigateway:us-east-1:sqs:SendMessage')).toBeUndefined();
    expect(parseServiceArn('https://example.com')).toBeUndefined();
  });
});
