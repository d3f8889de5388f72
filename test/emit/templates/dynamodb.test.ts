// DynamoDB templates: PutItem from the request model, GetItem/DeleteItem/Query from parameters,
// and the response templates back to the model. The oracle is `marshall` below — DynamoDB's
// attribute-value JSON written from its documentation (S, N as a decimal string, BOOL, M, L, SS,
// NS) — so a request rendered from a body must equal `marshall(body)`, and a response rendered
// from `marshall(item)` must equal the item: values round-trip exactly, hostile text included.
import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate } from '../../../src/vtl/index.js';
import { ApigwError } from '../../../src/errors.js';
import { dynamodbDeleteItem, dynamodbGetItem, dynamodbItemResponse, dynamodbItemsResponse, dynamodbPutItem, dynamodbQuery } from '../../../src/emit/templates/generate/dynamodb.js';
import { SchemaReader, type AttributeShape } from '../../../src/emit/templates/generate/schema.js';
import { parseTemplateValue } from '../../../src/emit/templates/generate/values.js';
import type { Model } from '../../../src/model/types.js';

const HOSTILE = 'it\'s "q" \\ </script>\né😀';
const HOSTILE_ESCAPED = String.raw`it's \"q\" \\ <\/script>\n\u00E9\uD83D\uDE00`;

const models: Model[] = [
  { name: 'Owner', pointer: '/components/schemas/Owner', schema: { type: 'object', properties: { name: { type: 'string' }, 'home-town': { type: 'string' } } } },
  {
    name: 'Pet',
    pointer: '/components/schemas/Pet',
    schema: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        age: { type: 'integer' },
        weight: { type: ['number', 'null'] },
        vaccinated: { type: 'boolean' },
        tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
        lucky: { type: 'array', uniqueItems: true, items: { type: 'integer' } },
        scores: { type: 'array', items: { type: 'number' } },
        owner: { $ref: '#/components/schemas/Owner' },
        toys: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, squeaks: { type: 'boolean' } } } },
        status: { enum: ['available', 'sold'] },
      },
    },
  },
];
const reader = new SchemaReader(models);
const pet = reader.shape({ $ref: '#/components/schemas/Pet' }, 'Pet') as Extract<AttributeShape, { type: 'M' }>;

/** DynamoDB's attribute-value JSON for `value` of `shape` (absent and null members are left out). */
function marshall(value: unknown, shape: AttributeShape): unknown {
  switch (shape.type) {
    case 'S': return { S: value };
    case 'N': return { N: String(value) };
    case 'BOOL': return { BOOL: value };
    case 'SS': return { SS: value };
    case 'NS': return { NS: (value as number[]).map(String) };
    case 'L': return { L: (value as unknown[]).map((v) => marshall(v, shape.items)) };
    case 'M': return { M: marshallMembers(value as Record<string, unknown>, shape) };
  }
}
function marshallMembers(value: Record<string, unknown>, shape: Extract<AttributeShape, { type: 'M' }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, shape: s } of shape.properties) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if ((s.type === 'SS' || s.type === 'NS') && (v as unknown[]).length === 0) continue;
    out[name] = marshall(v, s);
  }
  return out;
}

const FULL_PET = {
  id: HOSTILE,
  age: 3,
  weight: 4.25,
  vaccinated: false,
  tags: ['cute', HOSTILE],
  lucky: [7, 13],
  scores: [1.5, -2, 0],
  owner: { name: '', 'home-town': 'Zürich' },
  toys: [{ kind: 'ball', squeaks: true }, {}],
  status: 'sold',
};

describe('PutItem from the request model', () => {
  const template = dynamodbPutItem({ table: parseTemplateValue('stageVariables.table', 'table'), item: pet, attributes: [{ attribute: 'createdBy', value: parseTemplateValue('context.authorizer.principalId', 'a') }] });

  it('is valid VTL', () => {
    expect(parseTemplate(template).errors).toEqual([]);
  });

  it('renders every type byte for byte, keeping "" and false, from hostile input', () => {
    const output = renderTemplate(template, { body: JSON.stringify(FULL_PET), stageVariables: { table: 'Pets' }, context: { authorizer: { principalId: 'user"1' } } }).output;
    expect(output).toBe(
      [
        '{',
        '  "TableName": "Pets",',
        '  "Item": {',
        String.raw`    "createdBy": {"S": "user\"1"}`,
        String.raw`    ,"id": {"S": "it's \"q\" \\ </script>\né😀"}`,
        '    ,"age": {"N": "3"}',
        '    ,"weight": {"N": "4.25"}',
        '    ,"vaccinated": {"BOOL": false}',
        '    ,"tags": {"SS": [',
        '      "cute",',
        String.raw`      "it's \"q\" \\ </script>\né😀"`,
        '    ]}',
        '    ,"lucky": {"NS": [',
        '      "7",',
        '      "13"',
        '    ]}',
        '    ,"scores": {"L": [',
        '      {"N": "1.5"},',
        '      {"N": "-2"},',
        '      {"N": "0"}',
        '    ]}',
        '    ,"owner": {"M": {',
        '      "name": {"S": ""}',
        '      ,"home-town": {"S": "Zürich"}',
        '    }}',
        '    ,"toys": {"L": [',
        '      {"M": {',
        '        "kind": {"S": "ball"}',
        '        ,"squeaks": {"BOOL": true}',
        '      }},',
        '      {"M": {',
        '      }}',
        '    ]}',
        '    ,"status": {"S": "sold"}',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const parsed = JSON.parse(output);
    expect(parsed.Item).toEqual({ createdBy: { S: 'user"1' }, ...marshallMembers(FULL_PET, pet) });
  });

  it('leaves out absent and null members and empty sets; JSON stays valid', () => {
    const body = { id: 'p1', weight: null, tags: [], owner: {} };
    const output = renderTemplate(template, { body: JSON.stringify(body), stageVariables: { table: 'Pets' } }).output;
    expect(output).toBe('{\n  "TableName": "Pets",\n  "Item": {\n    "createdBy": {"S": ""}\n    ,"id": {"S": "p1"}\n    ,"owner": {"M": {\n    }}\n  }\n}\n');
    expect(JSON.parse(output).Item).toEqual({ createdBy: { S: '' }, ...marshallMembers(body, pet) });
  });

  it('a string sent where a number belongs stays inside the N string (DynamoDB rejects it; no JSON injection)', () => {
    const output = renderTemplate(template, { body: JSON.stringify({ id: 'x', age: '1"}, "admin": {"BOOL": true' }), stageVariables: { table: 'Pets' } }).output;
    const parsed = JSON.parse(output);
    expect(Object.keys(parsed.Item)).toEqual(['createdBy', 'id', 'age']);
    expect(parsed.Item.age).toEqual({ N: '"1\\"}, \\"admin\\": {\\"BOOL\\": true"' });
  });

  it('without extra attributes the first member has no leading comma', () => {
    const plain = dynamodbPutItem({ table: parseTemplateValue('Pets', 't'), item: pet, conditionNotExists: 'id' });
    const output = renderTemplate(plain, { body: JSON.stringify({ age: 1, id: 'a' }) }).output;
    expect(output).toBe('{\n  "TableName": "Pets",\n  "Item": {\n    "id": {"S": "a"}\n    ,"age": {"N": "1"}\n  },\n  "ConditionExpression": "attribute_not_exists(#k)",\n  "ExpressionAttributeNames": {"#k": "id"}\n}\n');
    expect(JSON.parse(output).ExpressionAttributeNames).toEqual({ '#k': 'id' });
  });
});

describe('GetItem / DeleteItem / Query from parameters', () => {
  const key = [
    { attribute: 'petId', type: 'S' as const, value: parseTemplateValue('method.request.path.petId', 'k') },
    { attribute: 'version', type: 'N' as const, value: parseTemplateValue('method.request.querystring.v', 'k') },
  ];

  it('GetItem escapes the parameter into the key', () => {
    const template = dynamodbGetItem({ table: parseTemplateValue('Pets', 't'), key, consistentRead: true });
    expect(parseTemplate(template).errors).toEqual([]);
    const output = renderTemplate(template, { path: { petId: HOSTILE }, query: { v: '2' } }).output;
    expect(output).toBe(`{\n  "TableName": "Pets",\n  "Key": {"petId": {"S": "${HOSTILE_ESCAPED}"}, "version": {"N": "2"}},\n  "ConsistentRead": true\n}\n`);
    expect(JSON.parse(output).Key.petId.S).toBe(HOSTILE);
  });

  it('DeleteItem asks for the old item', () => {
    const template = dynamodbDeleteItem({ table: parseTemplateValue('Pets', 't'), key: key.slice(0, 1) });
    const output = renderTemplate(template, { path: { petId: 'p-1' }, query: { petId: 'wrong' } }).output;
    expect(output).toBe('{\n  "TableName": "Pets",\n  "Key": {"petId": {"S": "p-1"}},\n  "ReturnValues": "ALL_OLD"\n}\n');
  });

  it('Query uses placeholders for names and values', () => {
    const template = dynamodbQuery({ table: parseTemplateValue('Pets', 't'), key: [{ attribute: 'owner', type: 'S', value: parseTemplateValue('method.request.querystring.owner', 'k') }], indexName: parseTemplateValue('byOwner', 'i') });
    expect(parseTemplate(template).errors).toEqual([]);
    const output = renderTemplate(template, { query: { owner: HOSTILE } }).output;
    expect(output).toBe(
      `{\n  "TableName": "Pets",\n  "IndexName": "byOwner",\n  "KeyConditionExpression": "#k0 = :k0",\n  "ExpressionAttributeNames": {"#k0": "owner"},\n  "ExpressionAttributeValues": {":k0": {"S": "${HOSTILE_ESCAPED}"}}\n}\n`,
    );
    expect(JSON.parse(output).ExpressionAttributeValues[':k0'].S).toBe(HOSTILE);
  });
});

describe('responses: DynamoDB attribute JSON → the model', () => {
  it('GetItem: the item round-trips exactly (byte for byte on a small item)', () => {
    const template = dynamodbItemResponse({ item: pet });
    expect(parseTemplate(template).errors).toEqual([]);
    const small = { id: HOSTILE, age: 3, tags: ['a'] };
    const output = renderTemplate(template, { body: JSON.stringify({ Item: marshallMembers(small, pet) }) }).output;
    expect(output).toBe(`{\n  "id": "it's \\"q\\" \\\\ </script>\\né😀"\n  ,"age": 3\n  ,"tags": [\n    "a"\n  ]\n}\n`);
    expect(JSON.parse(output)).toEqual(small);
    const fullOut = renderTemplate(template, { body: JSON.stringify({ Item: marshallMembers(FULL_PET, pet) }) }).output;
    // toys[1] was `{}`: it comes back as `{}`; everything else as sent.
    expect(JSON.parse(fullOut)).toEqual(FULL_PET);
  });

  it('GetItem: no Item answers 404 through responseOverride', () => {
    const result = renderTemplate(dynamodbItemResponse({ item: pet, notFoundMessage: 'No pet $x #set' }), { body: '{}' });
    expect(result.output).toBe('{"message":"No pet \\u0024x \\u0023set"}\n');
    expect(JSON.parse(result.output).message).toBe('No pet $x #set');
    expect(result.overrides.response.status).toBe(404);
  });

  it('attributes of another type or NULL are left out', () => {
    const output = renderTemplate(dynamodbItemResponse({ item: pet }), { body: JSON.stringify({ Item: { id: { S: 'a' }, age: { S: 'three' }, weight: { NULL: true } } }) }).output;
    expect(JSON.parse(output)).toEqual({ id: 'a' });
  });

  it('Query: Items become an array of the model', () => {
    const template = dynamodbItemsResponse({ item: pet });
    expect(parseTemplate(template).errors).toEqual([]);
    const items = [FULL_PET, { id: 'second', toys: [] }];
    const output = renderTemplate(template, { body: JSON.stringify({ Count: 2, Items: items.map((i) => marshallMembers(i, pet)) }) }).output;
    expect(JSON.parse(output)).toEqual(items);
    expect(renderTemplate(template, { body: JSON.stringify({ Count: 0, Items: [] }) }).output).toBe('[\n]\n');
  });
});

describe('schemas and names the generator refuses', () => {
  it.each([
    [{ type: 'object', properties: { "it's": { type: 'string' } } }, 'may not contain quotes'],
    [{ type: 'object', properties: { $x: { type: 'string' } } }, 'may not contain quotes'],
    [{ type: 'object', properties: { free: { type: 'object' } } }, 'without declared properties'],
    [{ type: 'object', properties: { u: { oneOf: [{ type: 'string' }, { type: 'integer' }] } } }, 'no single type'],
    [{ $ref: '#/components/schemas/Missing' }, 'names no model'],
  ])('%j', (schema, message) => {
    let error: unknown;
    try {
      const shape = reader.shape(schema, 'body') as Extract<AttributeShape, { type: 'M' }>;
      dynamodbPutItem({ table: parseTemplateValue('T', 't'), item: shape });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as Error).message).toContain(message);
  });

  it('a recursive model is refused, not looped on', () => {
    const r = new SchemaReader([{ name: 'Node', pointer: '/x', schema: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } }]);
    expect(() => r.shape({ $ref: '#/components/schemas/Node' }, 'body')).toThrow(/recursive/);
  });
});
