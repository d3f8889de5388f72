// DynamoDB service-integration templates (`arn:aws:apigateway:<region>:dynamodb:action/<Action>`,
// JSON 1.0 protocol). Request templates build PutItem / GetItem / DeleteItem / Query requests;
// response templates turn DynamoDB's typed attribute JSON (`{"name": {"S": "Rex"}}`) back into
// the API's model (`{"name": "Rex"}`).
//
// Presence is exact: an attribute is written only when its key is in the JSON object
// (`containsKey`) and its value is not `null` — so an empty string or `false` is kept, and a
// missing optional field is left out rather than stored as "". Loop indices are carried in `$iN`
// because `#set` inside `#foreach` reads the innermost `$foreach` only.

import type { AttributeShape } from './schema.js';
import { assertSafeName, indentContent, inJsonString, inputJson, inputPath, jsonLiteral, jsonPathStep } from './vtl-text.js';
import { valueInJsonString, type TemplateValue } from './values.js';

type Lines = string[];

/** A key attribute read from a request parameter (GetItem, DeleteItem, Query). */
export interface KeyAttribute {
  attribute: string;
  type: 'S' | 'N';
  value: TemplateValue;
}

// ---------------------------------------------------------------- request side: JSON body → typed attributes

/** Lines of the typed attribute value of the body value at `path` (`{"S": "…"}`, `{"M": {…}}`). */
function typedValue(shape: AttributeShape, path: string, depth: number): Lines {
  switch (shape.type) {
    // $input.json of a string is a complete JSON string literal, escaped by the JSON serializer.
    case 'S': return [`{"S": ${inputJson(path)}}`];
    // $input.json gives the number's JSON text; escaping keeps a non-number inside the string (DynamoDB then rejects it).
    case 'N': return [`{"N": "${inJsonString(inputJson(path))}"}`];
    // $input.json is always one JSON value: unquoted, it cannot break out of the document.
    case 'BOOL': return [`{"BOOL": ${inputJson(path)}}`];
    case 'M': return ['{"M": {', ...indentContent(members(shape.properties, path, depth + 1), '  '), '}}'];
    case 'L': return listOf(path, depth, 'L', (item) => typedValue(shape.items, item, depth + 1));
    case 'SS': return listOf(path, depth, 'SS', (item) => [inputJson(item)]);
    case 'NS': return listOf(path, depth, 'NS', (item) => [`"${inJsonString(inputJson(item))}"`]);
  }
}

function listOf(path: string, depth: number, tag: string, element: (itemPath: string) => Lines): Lines {
  const i = `$i${depth}`;
  const body = element(`${path}[${i}]`);
  // Velocity drops the newline after an inline #end; the empty line puts one back.
  body[body.length - 1] += '#if($foreach.hasNext),#end';
  return [`{"${tag}": [`, `#foreach($e${depth} in ${inputPath(path)})`, `#set(${i} = $foreach.index)`, ...indentContent(body, '  '), '', '#end', ']}'];
}

/** The members of a map attribute (or of `Item`), each written only when present and not null. */
function members(properties: readonly { name: string; shape: AttributeShape }[], parentPath: string, depth: number): Lines {
  const sep = `$sep${depth}`;
  const out: Lines = [`#set(${sep} = "")`];
  for (const { name, shape } of properties) {
    assertSafeName(name, 'property');
    const path = parentPath + jsonPathStep(name);
    let condition = `${inputPath(parentPath)}.containsKey('${name}') && ${inputJson(path)} != 'null'`;
    // DynamoDB rejects empty sets: an empty array leaves the attribute out.
    if (shape.type === 'SS' || shape.type === 'NS') condition += ` && ${inputPath(path)}.size() > 0`;
    const value = typedValue(shape, path, depth);
    out.push(`#if(${condition})`, `${sep}${jsonLiteral(name)}: ${value[0]}`, ...value.slice(1), `#set(${sep} = ",")`, '#end');
  }
  return out;
}

export interface PutItemOptions {
  table: TemplateValue;
  /** The request model (an object schema) as DynamoDB shapes. */
  item: Extract<AttributeShape, { type: 'M' }>;
  /** Extra string attributes set by the gateway, e.g. `id` from `context.requestId`; written before the body's. */
  attributes?: readonly { attribute: string; value: TemplateValue }[];
  /** Adds `attribute_not_exists(<key>)` so an existing item is not overwritten. */
  conditionNotExists?: string;
}

/** PutItem from the JSON request body, attribute types from the request model. */
export function dynamodbPutItem(options: PutItemOptions): string {
  const lines: Lines = ['{', `  "TableName": "${valueInJsonString(options.table)}",`, '  "Item": {'];
  const extra = options.attributes ?? [];
  // Body attributes with the same name as an extra one would be written twice: the extra one wins.
  const extraNames = new Set(extra.map((e) => e.attribute));
  const body = members(options.item.properties.filter((p) => !extraNames.has(p.name)), '$', 0);
  extra.forEach(({ attribute, value }, i) => {
    assertSafeName(attribute, 'attribute');
    lines.push(`    ${jsonLiteral(attribute)}: {"S": "${valueInJsonString(value)}"}${i < extra.length - 1 ? ',' : ''}`);
  });
  // The extra attributes come first, so the body's members always follow a comma.
  if (extra.length > 0) body[0] = '#set($sep0 = ",")';
  lines.push(...indentContent(body, '    '), '  }');
  if (options.conditionNotExists !== undefined) {
    assertSafeName(options.conditionNotExists, 'attribute');
    lines[lines.length - 1] += ',';
    lines.push('  "ConditionExpression": "attribute_not_exists(#k)",', `  "ExpressionAttributeNames": {"#k": ${jsonLiteral(options.conditionNotExists)}}`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function keyValue(key: KeyAttribute): string {
  return `{"${key.type}": "${valueInJsonString(key.value)}"}`;
}

function keyObject(keys: readonly KeyAttribute[]): string {
  return keys.map((k) => {
    assertSafeName(k.attribute, 'attribute');
    return `${jsonLiteral(k.attribute)}: ${keyValue(k)}`;
  }).join(', ');
}

/** GetItem by key attributes read from request parameters. */
export function dynamodbGetItem(options: { table: TemplateValue; key: readonly KeyAttribute[]; consistentRead?: boolean }): string {
  const lines = ['{', `  "TableName": "${valueInJsonString(options.table)}",`, `  "Key": {${keyObject(options.key)}}${options.consistentRead ? ',' : ''}`];
  if (options.consistentRead) lines.push('  "ConsistentRead": true');
  return [...lines, '}'].join('\n') + '\n';
}

/** DeleteItem by key attributes read from request parameters; returns the deleted item's attributes. */
export function dynamodbDeleteItem(options: { table: TemplateValue; key: readonly KeyAttribute[] }): string {
  return ['{', `  "TableName": "${valueInJsonString(options.table)}",`, `  "Key": {${keyObject(options.key)}},`, '  "ReturnValues": "ALL_OLD"', '}'].join('\n') + '\n';
}

/** Query by partition key (and optionally sort key equality) read from request parameters. */
export function dynamodbQuery(options: { table: TemplateValue; key: readonly KeyAttribute[]; indexName?: TemplateValue; limit?: number }): string {
  const names = options.key.map((k, i) => {
    assertSafeName(k.attribute, 'attribute');
    return `"#k${i}": ${jsonLiteral(k.attribute)}`;
  });
  const values = options.key.map((k, i) => `":k${i}": ${keyValue(k)}`);
  const condition = options.key.map((_, i) => `#k${i} = :k${i}`).join(' AND ');
  const lines = ['{', `  "TableName": "${valueInJsonString(options.table)}",`];
  if (options.indexName) lines.push(`  "IndexName": "${valueInJsonString(options.indexName)}",`);
  if (options.limit !== undefined) lines.push(`  "Limit": ${Math.trunc(options.limit)},`);
  lines.push(`  "KeyConditionExpression": "${condition}",`, `  "ExpressionAttributeNames": {${names.join(', ')}},`, `  "ExpressionAttributeValues": {${values.join(', ')}}`, '}');
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- response side: typed attributes → JSON

/** Lines writing the plain JSON value of the typed attribute at `path` (whose type tag is known present). */
function plainValue(shape: AttributeShape, path: string, depth: number): Lines {
  switch (shape.type) {
    case 'S': return [inputJson(`${path}.S`)];
    // DynamoDB numbers are decimal strings, valid JSON numbers as they stand.
    case 'N': return [`$!${inputPath(`${path}.N`).slice(1)}`];
    case 'BOOL': return [inputJson(`${path}.BOOL`)];
    case 'M': return ['{', ...indentContent(plainMembers(shape.properties, `${path}.M`, depth + 1), '  '), '}'];
    case 'L': return plainList(`${path}.L`, depth, (item) => plainValue(shape.items, item, depth + 1));
    case 'SS': return plainList(`${path}.SS`, depth, (item) => [inputJson(item)]);
    case 'NS': return plainList(`${path}.NS`, depth, (item) => [`$!${inputPath(item).slice(1)}`]);
  }
}

function plainList(path: string, depth: number, element: (itemPath: string) => Lines): Lines {
  const i = `$i${depth}`;
  const body = element(`${path}[${i}]`);
  body[body.length - 1] += '#if($foreach.hasNext),#end';
  return ['[', `#foreach($e${depth} in ${inputPath(path)})`, `#set(${i} = $foreach.index)`, ...indentContent(body, '  '), '', '#end', ']'];
}

const TAG_OF: Record<AttributeShape['type'], string> = { S: 'S', N: 'N', BOOL: 'BOOL', M: 'M', L: 'L', SS: 'SS', NS: 'NS' };

/** Members of a plain object from a typed map: an attribute missing, `NULL`, or of another type is left out. */
function plainMembers(properties: readonly { name: string; shape: AttributeShape }[], mapPath: string, depth: number): Lines {
  const sep = `$sep${depth}`;
  const out: Lines = [`#set(${sep} = "")`];
  for (const { name, shape } of properties) {
    assertSafeName(name, 'property');
    const path = mapPath + jsonPathStep(name);
    const condition = `${inputPath(mapPath)}.containsKey('${name}') && ${inputPath(path)}.containsKey('${TAG_OF[shape.type]}')`;
    const value = plainValue(shape, path, depth);
    out.push(`#if(${condition})`, `${sep}${jsonLiteral(name)}: ${value[0]}`, ...value.slice(1), `#set(${sep} = ",")`, '#end');
  }
  return out;
}

/**
 * GetItem (or DeleteItem with ALL_OLD) response → the model. No `Item` in the answer means no such
 * item: the template answers 404 through `$context.responseOverride.status`.
 */
export function dynamodbItemResponse(options: { item: Extract<AttributeShape, { type: 'M' }>; notFoundMessage?: string }): string {
  const message = JSON.stringify({ message: options.notFoundMessage ?? 'Not found' });
  return [
    "#if($input.path('$').containsKey('Item'))",
    '{',
    ...indentContent(plainMembers(options.item.properties, '$.Item', 0), '  '),
    '}',
    '#else',
    '#set($context.responseOverride.status = 404)',
    // The message is JSON.stringify'd config text; `$` and `#` are written as JSON escapes so VTL never sees them.
    message.replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023'),
    '#end',
  ].join('\n') + '\n';
}

/** Query (or Scan) response → a JSON array of the model. Pages past 1000 items are cut by the #foreach limit. */
export function dynamodbItemsResponse(options: { item: Extract<AttributeShape, { type: 'M' }> }): string {
  return [
    '[',
    "#foreach($item in $input.path('$.Items'))",
    '#set($i0 = $foreach.index)',
    '  {',
    ...indentContent(plainMembers(options.item.properties, '$.Items[$i0]', 1), '    '),
    '  }#if($foreach.hasNext),#end',
    '',
    '#end',
    ']',
  ].join('\n') + '\n';
}

