// Visits every schema object of an OpenAPI 3.x document (components and operations), and every
// subschema inside them, without following `$ref`s. Iterative, so deeply nested schemas cannot
// overflow the stack. The visitor may modify the node it is given; children are read afterwards.

import { childPointer, isObject, type Json, type JsonObject } from './json.js';

/** `parameter`: a parameter's schema (API Gateway ignores all but `type`); `body`: anything else. */
export type SchemaPlace = 'parameter' | 'body';
export type SchemaVisitor = (schema: JsonObject, pointer: string, place: SchemaPlace) => void;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = ['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'];

export function forEachSchema(doc: JsonObject, visit: SchemaVisitor): void {
  for (const [schema, pointer, place] of schemaRoots(doc)) walkSchema(schema, pointer, place, visit);
}

/** Every subschema of one schema, the schema itself first. */
export function walkSchema(root: JsonObject, rootPointer: string, place: SchemaPlace, visit: SchemaVisitor): void {
  const stack: [JsonObject, string][] = [[root, rootPointer]];
  while (stack.length > 0) {
    const [schema, pointer] = stack.pop()!;
    visit(schema, pointer, place);
    if (typeof schema.$ref === 'string') continue;
    const children: [JsonObject, string][] = [];
    for (const key of SCHEMA_MAPS) {
      const map = schema[key];
      if (isObject(map)) for (const name of Object.keys(map)) pushIf(children, map[name], childPointer(pointer, key, name));
    }
    for (const key of SCHEMA_LISTS) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((item, i) => pushIf(children, item, childPointer(pointer, key, i)));
    }
    for (const key of SCHEMA_SINGLES) pushIf(children, schema[key], childPointer(pointer, key));
    const items = schema.items;
    if (Array.isArray(items)) items.forEach((item, i) => pushIf(children, item, childPointer(pointer, 'items', i)));
    else pushIf(children, items, childPointer(pointer, 'items'));
    // Reverse so that siblings are visited in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function pushIf(list: [JsonObject, string][], node: Json | undefined, pointer: string): void {
  if (isObject(node)) list.push([node, pointer]);
}

type Root = [JsonObject, string, SchemaPlace];

function schemaRoots(doc: JsonObject): Root[] {
  const roots: Root[] = [];
  const components = doc.components;
  if (isObject(components)) {
    const schemas = components.schemas;
    if (isObject(schemas)) for (const name of Object.keys(schemas)) addIf(roots, schemas[name], childPointer('/components/schemas', name), 'body');
    eachEntry(components.parameters, '/components/parameters', (p, ptr) => parameterRoots(roots, p, ptr));
    eachEntry(components.headers, '/components/headers', (h, ptr) => parameterRoots(roots, h, ptr));
    eachEntry(components.responses, '/components/responses', (r, ptr) => responseRoots(roots, r, ptr));
    eachEntry(components.requestBodies, '/components/requestBodies', (b, ptr) => contentRoots(roots, b.content, childPointer(ptr, 'content')));
  }
  eachEntry(doc.paths, '/paths', (item, itemPtr) => {
    if (Array.isArray(item.parameters)) item.parameters.forEach((p, i) => isObject(p) && parameterRoots(roots, p, childPointer(itemPtr, 'parameters', i)));
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const opPtr = childPointer(itemPtr, method);
      if (Array.isArray(op.parameters)) op.parameters.forEach((p, i) => isObject(p) && parameterRoots(roots, p, childPointer(opPtr, 'parameters', i)));
      if (isObject(op.requestBody)) contentRoots(roots, op.requestBody.content, childPointer(opPtr, 'requestBody', 'content'));
      eachEntry(op.responses, childPointer(opPtr, 'responses'), (r, ptr) => responseRoots(roots, r, ptr));
    }
  });
  return roots;
}

function eachEntry(map: Json | undefined, pointer: string, fn: (value: JsonObject, pointer: string) => void): void {
  if (!isObject(map)) return;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (isObject(value)) fn(value, childPointer(pointer, key));
  }
}

function addIf(roots: Root[], node: Json | undefined, pointer: string, place: SchemaPlace): void {
  if (isObject(node)) roots.push([node, pointer, place]);
}

function parameterRoots(roots: Root[], param: JsonObject, pointer: string): void {
  addIf(roots, param.schema, childPointer(pointer, 'schema'), 'parameter');
  contentRoots(roots, param.content, childPointer(pointer, 'content'));
}

function responseRoots(roots: Root[], response: JsonObject, pointer: string): void {
  contentRoots(roots, response.content, childPointer(pointer, 'content'));
  eachEntry(response.headers, childPointer(pointer, 'headers'), (h, ptr) => parameterRoots(roots, h, ptr));
}

function contentRoots(roots: Root[], content: Json | undefined, pointer: string): void {
  eachEntry(content, pointer, (media, ptr) => addIf(roots, media.schema, childPointer(ptr, 'schema'), 'body'));
}
