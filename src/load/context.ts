// What kind of OpenAPI object sits at a place in the document, tracked while walking it. The bundler
// needs it for two decisions: where an externally `$ref`-ed object belongs (a schema goes under
// `components/schemas`, a response under `components/responses`, …) and which values are literal
// data that may contain a `$ref` key without it being a reference (examples, enums, defaults).

import type { OpenApiVersion } from './types.js';

/**
 * Every kind, once: the NodeKind type is derived from this list, and a kind's index in it is its
 * KindId (see KindTable below), so a kind cannot exist without a number.
 */
export const KIND_NAMES = [
  'root', 'paths', 'pathItem', 'operation', 'components', 'callbackMap', 'callback', 'pathItemMap',
  'responses', 'response', 'content', 'mediaType', 'requestBody', 'parameter', 'parameterList',
  'header', 'headerMap', 'example', 'exampleMap', 'schema', 'schemaMap', 'schemaList',
  'sectionSchemas', 'sectionResponses', 'sectionParameters', 'sectionHeaders', 'sectionRequestBodies', 'sectionExamples',
  'data', 'other',
] as const;

export type NodeKind = (typeof KIND_NAMES)[number];

/** Kinds whose every child (map value or array item) has one kind. */
const EVERY_CHILD: Partial<Record<NodeKind, NodeKind>> = {
  paths: 'pathItem',
  callback: 'pathItem',
  pathItemMap: 'pathItem',
  callbackMap: 'callback',
  responses: 'response',
  content: 'mediaType',
  parameterList: 'parameter',
  headerMap: 'header',
  exampleMap: 'example',
  schemaMap: 'schema',
  schemaList: 'schema',
  sectionSchemas: 'schema',
  sectionResponses: 'response',
  sectionParameters: 'parameter',
  sectionHeaders: 'header',
  sectionRequestBodies: 'requestBody',
  sectionExamples: 'example',
};

/** Maps whose keys are names chosen by the author (not fixed fields), so `x-` prefixes are names, not extensions. */
const NAMED_BY_USER = new Set<NodeKind>([
  'headerMap', 'schemaMap', 'content', 'exampleMap', 'pathItemMap', 'callbackMap', 'schemaList', 'parameterList',
  'sectionSchemas', 'sectionResponses', 'sectionParameters', 'sectionHeaders', 'sectionRequestBodies', 'sectionExamples',
]);

const OPERATION_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_SINGLE = new Set([
  'items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const LITERAL_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

type Fields = Record<string, NodeKind>;

const FIELDS_3: Partial<Record<NodeKind, Fields>> = {
  root: { paths: 'paths', webhooks: 'paths', components: 'components' },
  components: {
    schemas: 'sectionSchemas', responses: 'sectionResponses', parameters: 'sectionParameters', headers: 'sectionHeaders',
    requestBodies: 'sectionRequestBodies', examples: 'sectionExamples', pathItems: 'pathItemMap', callbacks: 'callbackMap',
  },
  pathItem: { parameters: 'parameterList' },
  operation: { parameters: 'parameterList', requestBody: 'requestBody', responses: 'responses', callbacks: 'callbackMap' },
  response: { content: 'content', headers: 'headerMap' },
  mediaType: { schema: 'schema', examples: 'exampleMap', example: 'data' },
  parameter: { schema: 'schema', content: 'content', examples: 'exampleMap', example: 'data' },
  header: { schema: 'schema', content: 'content', examples: 'exampleMap', example: 'data' },
  requestBody: { content: 'content' },
  example: { value: 'data' },
};

const FIELDS_2: Partial<Record<NodeKind, Fields>> = {
  root: { paths: 'paths', definitions: 'sectionSchemas', parameters: 'sectionParameters', responses: 'sectionResponses' },
  pathItem: { parameters: 'parameterList' },
  operation: { parameters: 'parameterList', responses: 'responses' },
  response: { schema: 'schema', headers: 'headerMap', examples: 'data' },
  parameter: { schema: 'schema' },
};

/** The kind of the child at `key` (a property name or array index) of a node of kind `parent`. */
export function childKind(parent: NodeKind, key: string | number, version: OpenApiVersion, childIsArray: boolean): NodeKind {
  if (parent === 'data') return 'data';
  const every = EVERY_CHILD[parent];
  if (every && NAMED_BY_USER.has(parent)) return every; // `x-request-id` may be a header's name
  if (typeof key === 'string' && key.startsWith('x-') && !OPERATION_KEYS.has(key)) return 'other'; // an extension
  if (every) return every;
  if (typeof key === 'number') return 'other';
  if (parent === 'schema') {
    if (SCHEMA_MAPS.has(key)) return 'schemaMap';
    if (SCHEMA_LISTS.has(key)) return 'schemaList';
    if (SCHEMA_SINGLE.has(key)) return childIsArray ? 'schemaList' : 'schema';
    if (LITERAL_KEYS.has(key)) return 'data';
    return 'other';
  }
  if (parent === 'pathItem' && OPERATION_KEYS.has(key)) return 'operation';
  const fields = (version === '2.0' ? FIELDS_2 : FIELDS_3)[parent];
  return (fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined) ?? 'other';
}

// ---- the same answers, for the bundler's walk over a whole document ---------------------------------

/** A NodeKind as a small integer (its index in KIND_NAMES), for the walk's table lookups. */
export type KindId = number;

const KIND_IDS = new Map<NodeKind, KindId>(KIND_NAMES.map((k, i) => [k, i]));

export function kindId(kind: NodeKind): KindId {
  return KIND_IDS.get(kind) as KindId;
}

export function kindName(id: KindId): NodeKind {
  return KIND_NAMES[id] as NodeKind;
}

export const DATA_KIND: KindId = kindId('data');
const OTHER_KIND: KindId = kindId('other');

/** Every key some rule of childKind names (the rest are answered alike: by EVERY_CHILD or 'other'). */
const NAMED_KEYS: readonly string[] = [...new Set([
  ...OPERATION_KEYS, ...SCHEMA_MAPS, ...SCHEMA_SINGLE, ...SCHEMA_LISTS, ...LITERAL_KEYS,
  ...Object.values(FIELDS_3).flatMap((f) => Object.keys(f as Fields)),
  ...Object.values(FIELDS_2).flatMap((f) => Object.keys(f as Fields)),
])];

/**
 * childKind as table lookups on integer kinds, for walking a whole document: the function above
 * takes a different branch for almost every parent kind, and a 4 MB spec's walk kept deoptimizing
 * on the branches it met late (paths after components), costing ~10 ms on Stripe. Built from
 * childKind itself, so the answers are the same (test/load/context.test.ts checks every case).
 */
export class KindTable {
  /** Per named key: the child's kind for each parent kind, for an object child and an array child. */
  private readonly forObject = new Map<string, Uint8Array>();
  private readonly forArray = new Map<string, Uint8Array>();
  /** EVERY_CHILD's kind per parent, -1 where none. */
  private readonly every = new Int8Array(KIND_NAMES.length).fill(-1);
  private readonly namedByUser = new Uint8Array(KIND_NAMES.length);
  private readonly section = new Uint8Array(KIND_NAMES.length);

  constructor(version: OpenApiVersion) {
    KIND_NAMES.forEach((name, id) => {
      const every = EVERY_CHILD[name];
      if (every !== undefined) this.every[id] = kindId(every);
      if (NAMED_BY_USER.has(name)) this.namedByUser[id] = 1;
      if (isSection(name)) this.section[id] = 1;
    });
    for (const key of NAMED_KEYS) {
      const forObject = new Uint8Array(KIND_NAMES.length);
      const forArray = new Uint8Array(KIND_NAMES.length);
      KIND_NAMES.forEach((parent, id) => {
        forObject[id] = kindId(childKind(parent, key, version, false));
        forArray[id] = kindId(childKind(parent, key, version, true));
      });
      this.forObject.set(key, forObject);
      this.forArray.set(key, forArray);
    }
  }

  /** childKind(parent, key, version, childIsArray), on kind ids. */
  child(parent: KindId, key: string | number, childIsArray: boolean): KindId {
    if (parent === DATA_KIND) return DATA_KIND;
    const every = this.every[parent] as number;
    if (typeof key === 'number') return every >= 0 ? every : OTHER_KIND;
    const row = (childIsArray ? this.forArray : this.forObject).get(key);
    if (row !== undefined) return row[parent] as KindId;
    // Any other key: the parent's every-child kind, unless it is an extension of a fixed-field object.
    if (every >= 0 && (this.namedByUser[parent] === 1 || !key.startsWith('x-'))) return every;
    return OTHER_KIND;
  }

  /** isSection, on a kind id. */
  isSection(id: KindId): boolean {
    return this.section[id] === 1;
  }
}

const kindTables = new Map<OpenApiVersion, KindTable>();

/** The (shared) kind table of a version. */
export function kindTable(version: OpenApiVersion): KindTable {
  let table = kindTables.get(version);
  if (table === undefined) {
    table = new KindTable(version);
    kindTables.set(version, table);
  }
  return table;
}

/** Where a bundled-in object of this kind is declared, as pointer tokens; undefined: inline it where it is used. */
export function hoistSection(kind: NodeKind, version: OpenApiVersion): readonly string[] | undefined {
  if (version === '2.0') {
    switch (kind) {
      case 'schema': return ['definitions'];
      case 'response': return ['responses'];
      case 'parameter': return ['parameters'];
      default: return undefined;
    }
  }
  switch (kind) {
    case 'schema': return ['components', 'schemas'];
    case 'response': return ['components', 'responses'];
    case 'parameter': return ['components', 'parameters'];
    case 'header': return ['components', 'headers'];
    case 'requestBody': return ['components', 'requestBodies'];
    case 'example': return ['components', 'examples'];
    default: return undefined;
  }
}

/** Children of these kinds are declarations (`components/schemas/Pet`): a `$ref` there is inlined in place. */
export function isSection(kind: NodeKind): boolean {
  return kind.startsWith('section');
}

/** Top-level keys holding declarations, walked before everything else so they become the canonical homes. */
export function declarationKeys(version: OpenApiVersion): readonly string[] {
  return version === '2.0' ? ['definitions', 'parameters', 'responses'] : ['components'];
}
