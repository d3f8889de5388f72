// CloudFormation tags in every node form, `__proto__`-style keys as data, and exact positions for
// YAML block/flow styles, multi-line strings and JSON.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { writeTree } from './helpers.js';

const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';

async function loadText(text: string, name = 'api.yaml') {
  const dir = writeTree({ [name]: text });
  return load(path.join(dir, name));
}

describe('CloudFormation short forms', () => {
  it('become long forms in scalar, sequence and mapping form', async () => {
    const { document } = await loadText(`${HEAD}x-tags:
  sub: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
  subList: !Sub ['\${A}-\${B}', {A: !Ref X, B: b}]
  ref: !Ref MyBucket
  getAttScalar: !GetAtt MyFunction.Arn
  getAttNested: !GetAtt MyStack.Outputs.ApiUrl
  getAttList: !GetAtt [MyFunction, Arn]
  join: !Join [':', [a, b, c]]
  if: !If [IsProd, !Ref Prod, !Ref AWS::NoValue]
  importValue: !ImportValue shared-vpc
  findInMap: !FindInMap [RegionMap, !Ref AWS::Region, AMI]
  select: !Select [0, !GetAZs '']
  getAZs: !GetAZs
  split: !Split [',', 'a,b']
  base64: !Base64 hello
  cidr: !Cidr [10.0.0.0/16, 4, 8]
  condition: !Condition IsProd
  equals: !Equals [!Ref Env, prod]
  and: !And [!Condition A, !Condition B]
  or: !Or [!Condition A, !Condition B]
  not: !Not [!Condition A]
  transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k.yaml}}
  transformBlock: !Transform
    Name: AWS::Include
    Parameters:
      Location: s3://b/k.yaml
  unknown: !MyMacro thing
  unknownList: !MyMacro [1, 2]
  blockSeq: !Join
    - ''
    - - a
      - !Ref B
`);
    expect(document['x-tags']).toEqual({
      sub: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' },
      subList: { 'Fn::Sub': ['${A}-${B}', { A: { Ref: 'X' }, B: 'b' }] },
      ref: { Ref: 'MyBucket' },
      getAttScalar: { 'Fn::GetAtt': ['MyFunction', 'Arn'] },
      getAttNested: { 'Fn::GetAtt': ['MyStack', 'Outputs.ApiUrl'] },
      getAttList: { 'Fn::GetAtt': ['MyFunction', 'Arn'] },
      join: { 'Fn::Join': [':', ['a', 'b', 'c']] },
      if: { 'Fn::If': ['IsProd', { Ref: 'Prod' }, { Ref: 'AWS::NoValue' }] },
      importValue: { 'Fn::ImportValue': 'shared-vpc' },
      findInMap: { 'Fn::FindInMap': ['RegionMap', { Ref: 'AWS::Region' }, 'AMI'] },
      select: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      getAZs: { 'Fn::GetAZs': '' },
      split: { 'Fn::Split': [',', 'a,b'] },
      base64: { 'Fn::Base64': 'hello' },
      cidr: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      condition: { Condition: 'IsProd' },
      equals: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      and: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
      or: { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] },
      not: { 'Fn::Not': [{ Condition: 'A' }] },
      transform: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k.yaml' } } },
      transformBlock: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k.yaml' } } },
      unknown: { 'Fn::MyMacro': 'thing' },
      unknownList: { 'Fn::MyMacro': [1, 2] },
      blockSeq: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
    });
  });

  it('long forms in JSON and YAML stay as written', async () => {
    const json = await loadText(
      JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {}, 'x-uri': { 'Fn::Sub': 'arn:${AWS::Region}' }, 'x-ref': { Ref: 'X' } }),
      'api.json',
    );
    expect(json.document['x-uri']).toEqual({ 'Fn::Sub': 'arn:${AWS::Region}' });
    expect(json.document['x-ref']).toEqual({ Ref: 'X' });
    const yaml = await loadText(`${HEAD}x-uri:\n  Fn::GetAtt: [Fn, Arn]\n`);
    expect(yaml.document['x-uri']).toEqual({ 'Fn::GetAtt': ['Fn', 'Arn'] });
  });

  it('YAML merge keys and anchors work', async () => {
    const { document } = await loadText(`${HEAD}x-base: &base {type: aws_proxy, httpMethod: POST}\nx-int:\n  <<: *base\n  uri: u\n`);
    expect(document['x-int']).toEqual({ type: 'aws_proxy', httpMethod: 'POST', uri: 'u' });
  });
});

describe('__proto__ and other Object.prototype names', () => {
  it('are ordinary keys in YAML paths, schema properties and components', async () => {
    const dir = writeTree({
      'api.yaml': `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /__proto__:
    get:
      responses:
        '200': {description: ok}
  /constructor:
    $ref: paths/constructor.yaml
components:
  schemas:
    __proto__:
      type: object
      properties:
        __proto__: {type: string}
        constructor: {type: integer}
        toString: {type: boolean}
        nested:
          $ref: schemas/__proto__.yaml
`,
      'paths/constructor.yaml': 'get:\n  responses:\n    "200":\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: "../schemas/__proto__.yaml"}\n',
      'schemas/__proto__.yaml': 'type: object\nproperties:\n  __proto__: {type: string}\n',
    });
    const { document, sourceMap } = await load(path.join(dir, 'api.yaml'));
    const paths = document.paths as Record<string, unknown>;
    expect(Object.keys(paths)).toEqual(['/__proto__', '/constructor']);
    expect(Object.getPrototypeOf(paths)).toBe(Object.prototype);
    const schemas = (document.components as any).schemas as Record<string, any>;
    expect(Object.prototype.hasOwnProperty.call(schemas, '__proto__')).toBe(true);
    expect(Object.keys(schemas.__proto__.properties)).toEqual(['__proto__', 'constructor', 'toString', 'nested']);
    expect(schemas.__proto__.properties.__proto__).toEqual({ type: 'string' });
    // the hoisted file named __proto__.yaml becomes a component named `__proto___2`-free of clashes
    const hoisted = Object.keys(schemas).filter((k) => k !== '__proto__');
    expect(hoisted).toEqual(['__proto___2']);
    expect(Object.keys(schemas.__proto___2.properties)).toEqual(['__proto__']);
    expect((paths['/constructor'] as any).get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/__proto___2' });
    expect(sourceMap.lookup('/components/schemas/__proto__/properties/constructor')).toMatchObject({ line: 16, column: 9 });
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('are ordinary keys in JSON', async () => {
    const { document } = await loadText('{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/__proto__": {"get": {"responses": {"200": {"description": "ok"}}}}}, "definitions": {"A": {"properties": {"__proto__": {"type": "string"}}}}}', 'api.json');
    expect(Object.keys(document.paths as object)).toEqual(['/__proto__']);
    expect(Object.keys((document.definitions as any).A.properties)).toEqual(['__proto__']);
  });
});

describe('source positions', () => {
  const yamlText = `openapi: 3.1.0
info:
  title: Positions
  description: >
    folded text
    over lines
  version: "1"
paths:
  /items:
    get:
      summary: |
        literal
        block
      parameters:
        - name: q
          in: query
        - {name: "limit", in: query, schema: {type: integer, maximum: 10}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}}}
      tags: [a, "b c", 'd']
components:
  schemas:
    Item:
      type: object
      description: "a double-quoted
        string spanning lines"
      properties:
        'quoted key': {type: string}
        &anchor anchored: {type: string}
        tagged: !Ref Something
`;

  it('are exact in YAML block and flow styles and after multi-line strings', async () => {
    const { sourceMap, entry } = await loadText(yamlText);
    const at = (pointer: string) => sourceMap.lookup(pointer);
    expect(at('')).toEqual({ file: entry, line: 1, column: 1 });
    expect(at('/info/description')).toEqual({ file: entry, line: 4, column: 3 });
    expect(at('/info/version')).toEqual({ file: entry, line: 7, column: 3 });
    expect(at('/paths/~1items/get/summary')).toEqual({ file: entry, line: 11, column: 7 });
    expect(at('/paths/~1items/get/parameters/0')).toEqual({ file: entry, line: 15, column: 11 });
    expect(at('/paths/~1items/get/parameters/0/in')).toEqual({ file: entry, line: 16, column: 11 });
    expect(at('/paths/~1items/get/parameters/1')).toEqual({ file: entry, line: 17, column: 11 });
    expect(at('/paths/~1items/get/parameters/1/name')).toEqual({ file: entry, line: 17, column: 12 });
    expect(at('/paths/~1items/get/parameters/1/schema/maximum')).toEqual({ file: entry, line: 17, column: 62 });
    expect(at('/paths/~1items/get/responses/200/content/application~1json/schema/items/$ref')).toEqual({ file: entry, line: 19, column: 93 });
    expect(at('/paths/~1items/get/tags/1')).toEqual({ file: entry, line: 20, column: 17 });
    expect(at('/paths/~1items/get/tags/2')).toEqual({ file: entry, line: 20, column: 24 });
    expect(at('/components/schemas/Item/description')).toEqual({ file: entry, line: 25, column: 7 });
    expect(at('/components/schemas/Item/properties')).toEqual({ file: entry, line: 27, column: 7 });
    expect(at('/components/schemas/Item/properties/quoted key')).toEqual({ file: entry, line: 28, column: 9 });
    expect(at('/components/schemas/Item/properties/anchored')).toEqual({ file: entry, line: 29, column: 9 });
    expect(at('/components/schemas/Item/properties/tagged/Ref')).toEqual({ file: entry, line: 30, column: 9 });
    // missing nodes: the nearest ancestor
    expect(at('/paths/~1items/get/parameters/7')).toEqual({ file: entry, line: 14, column: 7 });
    expect(at('/nope')).toEqual({ file: entry, line: 1, column: 1 });
    expect(at('not a pointer')).toBeUndefined();
  });

  it('are exact in JSON', async () => {
    const text = JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path' }], responses: { '200': { description: 'ok' } } } } } }, null, 2);
    const { sourceMap, entry } = await loadText(text, 'api.json');
    expect(sourceMap.lookup('/paths/~1a~1{id}/get/parameters/0/in')).toEqual({ file: entry, line: 13, column: 13 });
    expect(sourceMap.lookup('/paths/~1a~1{id}/get/responses/200/description')).toEqual({ file: entry, line: 18, column: 13 });
    const compact = await loadText('{"openapi":"3.0.0","info":{"title":"t","version":"1"},\n"paths":{"/x":{"get":{"responses":{}}}}}', 'compact.json');
    expect(compact.sourceMap.lookup('/paths/~1x/get')).toEqual({ file: compact.entry, line: 2, column: 16 });
  });

  it('match the file on disk for lines CloudFormation-style YAML under-indents', async () => {
    const text = `${HEAD}x-amazon-apigateway-integration:
  requestTemplates:
    application/json: { "Fn::Sub": "{\\"a\\": \\"\${A}\\",
    \\"b\\": 1}" }
  after: here
`;
    const { document, sourceMap, entry } = await loadText(text);
    expect((document['x-amazon-apigateway-integration'] as any).requestTemplates['application/json']).toEqual({ 'Fn::Sub': '{"a": "${A}", "b": 1}' });
    expect(sourceMap.lookup('/x-amazon-apigateway-integration/after')).toEqual({ file: entry, line: 8, column: 3 });
  });
});
