// Swagger 2.0 → OpenAPI 3.0.1. HTTP APIs import only 3.0, and one dialect downstream keeps the
// REST rewrites simple. Conversions mirror how `normalize` reads 2.0 (collectionFormat → style,
// `in: body`/`formData` → requestBody, `schema` × produces → content), so the round trip holds.

import type { ChangeLog } from './changes.js';
import { clone, escapeToken, isObject, newObject, objectFrom, resolvePointer, type Json, type JsonObject } from './json.js';
import { displayText } from '../../text/display-text.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];
const SCHEMA_KEYS = [
  'type', 'format', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const COLLECTION_STYLES: Record<string, { style: string; explode: boolean }> = {
  ssv: { style: 'spaceDelimited', explode: false },
  pipes: { style: 'pipeDelimited', explode: false },
  multi: { style: 'form', explode: true },
};
const REF_PREFIXES: [string, string][] = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/'],
];

export function convertSwagger2(source: JsonObject, log: ChangeLog): JsonObject {
  const root = rewriteRefs(clone(source)) as JsonObject;
  const out = newObject();
  out.openapi = '3.0.1';
  log.add('convert-swagger2', '', 'Swagger 2.0 converted to OpenAPI 3.0.1 (definitions → components.schemas, body/formData parameters → requestBody, produces × schema → content, host/basePath/schemes → servers)');
  const rootConsumes = stringList(root.consumes);
  const rootProduces = stringList(root.produces);

  for (const key of Object.keys(root)) {
    if (['swagger', 'host', 'basePath', 'schemes', 'consumes', 'produces', 'definitions', 'parameters', 'responses', 'securityDefinitions', 'paths', 'x-amazon-apigateway-endpoint-configuration'].includes(key)) continue;
    out[key] = root[key]!;
  }
  out.servers = servers(root, log);

  const components = newObject();
  if (isObject(root.definitions)) components.schemas = root.definitions;
  if (isObject(root.parameters)) {
    const params = newObject();
    for (const name of Object.keys(root.parameters)) {
      const p = root.parameters[name];
      // Body and form parameters cannot live in components.parameters: operations that use them get them inlined.
      if (isObject(p) && p.in !== 'body' && p.in !== 'formData') params[name] = convertParameter(p, log, `/parameters/${escapeToken(name)}`);
    }
    if (Object.keys(params).length > 0) components.parameters = params;
  }
  if (isObject(root.responses)) {
    const responses = newObject();
    for (const name of Object.keys(root.responses)) {
      const r = root.responses[name];
      if (isObject(r)) responses[name] = convertResponse(r, rootProduces);
    }
    components.responses = responses;
  }
  if (isObject(root.securityDefinitions)) {
    const schemes = newObject();
    for (const name of Object.keys(root.securityDefinitions)) {
      const s = root.securityDefinitions[name];
      if (isObject(s)) schemes[name] = convertSecurityScheme(s);
    }
    components.securitySchemes = schemes;
  }
  if (Object.keys(components).length > 0) out.components = components;

  const paths = newObject();
  if (isObject(root.paths)) {
    for (const path of Object.keys(root.paths)) {
      const item = root.paths[path];
      if (!isObject(item)) continue;
      const pathParams = Array.isArray(item.parameters) ? item.parameters : [];
      const outItem = newObject();
      for (const key of Object.keys(item)) {
        const value = item[key]!;
        if (key === 'parameters') {
          const kept = pathParams.filter((p) => !isBodyOrForm(root, p)).map((p, i) => (isRef(p) ? p : convertParameter(p as JsonObject, log, `/paths/${escapeToken(path)}/parameters/${i}`)));
          if (kept.length > 0) outItem.parameters = kept;
        } else if (METHODS.includes(key) && isObject(value)) {
          outItem[key] = convertOperation(root, value, pathParams, rootConsumes, rootProduces, log, `/paths/${escapeToken(path)}/${key}`);
        } else {
          outItem[key] = value;
        }
      }
      paths[path] = outItem;
    }
  }
  out.paths = paths;
  return out;
}

/** `{name}` in a server URL: OpenAPI 3 reads it as a server variable, which must be declared. */
const SERVER_VARIABLE = /\{([^{}]*)\}/g;

function servers(root: JsonObject, log: ChangeLog): Json[] {
  let basePath = typeof root.basePath === 'string' ? root.basePath : '';
  const host = typeof root.host === 'string' ? root.host : undefined;
  const schemes = stringList(root.schemes);
  const server = newObject();
  // Swagger 2.0 has no templating: braces in host and basePath are text (AWS exports write
  // `{basePath}`, users write `{stage}`). Each becomes a declared variable whose default is its own
  // text, so the URL reads as the 2.0 document wrote it; a templated basePath becomes the whole
  // `basePath` variable, which API Gateway's OpenAPI 3 import reads as the base path.
  const variables = newObject();
  for (const m of (host ?? '').matchAll(SERVER_VARIABLE)) variables[m[1]!] = objectFrom([['default', m[0]]]);
  if (basePath.search(SERVER_VARIABLE) >= 0) {
    variables.basePath = objectFrom([['default', basePath]]);
    basePath = '{basePath}';
  }
  server.url = host !== undefined ? `${schemes[0] ?? 'https'}://${host}${basePath}` : basePath || '/';
  const names = Object.keys(variables);
  if (names.length > 0) {
    server.variables = variables;
    log.add('convert-swagger2', '/servers/0/variables', `server variables ${names.join(', ')} declared, each defaulting to the text the 2.0 host/basePath had, which OpenAPI 3 would read as undeclared variables`);
  }
  const endpoint = root['x-amazon-apigateway-endpoint-configuration'];
  if (endpoint !== undefined) {
    // OAS3 reads the endpoint configuration from a server object, not the root.
    server['x-amazon-apigateway-endpoint-configuration'] = endpoint;
    log.add('move', '/x-amazon-apigateway-endpoint-configuration', 'x-amazon-apigateway-endpoint-configuration moved from the root into servers[0], where OpenAPI 3 import reads it');
  }
  return [server];
}

function convertOperation(root: JsonObject, op: JsonObject, pathParams: Json[], rootConsumes: string[], rootProduces: string[], log: ChangeLog, pointer: string): JsonObject {
  const out = newObject();
  const consumes = Array.isArray(op.consumes) ? stringList(op.consumes) : rootConsumes;
  const produces = Array.isArray(op.produces) ? stringList(op.produces) : rootProduces;
  const opParams = Array.isArray(op.parameters) ? op.parameters : [];
  // Body/form parameters: operation-level ones override path-level ones with the same name+in.
  const merged = mergeParams(root, pathParams, opParams);
  for (const key of Object.keys(op)) {
    const value = op[key]!;
    switch (key) {
      case 'consumes':
      case 'produces':
      case 'schemes':
        break;
      case 'parameters': {
        const kept = opParams.filter((p) => !isBodyOrForm(root, p)).map((p, i) => (isRef(p) ? p : convertParameter(p as JsonObject, log, `${pointer}/parameters/${i}`)));
        if (kept.length > 0) out.parameters = kept;
        const body = requestBody(merged, consumes);
        if (body) out.requestBody = body;
        break;
      }
      case 'responses': {
        const responses = newObject();
        if (isObject(value)) {
          for (const status of Object.keys(value)) {
            const r = value[status];
            responses[status] = isObject(r) && !isRef(r) && !status.startsWith('x-') ? convertResponse(r, produces) : r!;
          }
        }
        out.responses = responses;
        break;
      }
      default:
        out[key] = value;
    }
  }
  if (!('requestBody' in out)) {
    const body = requestBody(merged, consumes);
    if (body) out.requestBody = body;
  }
  return out;
}

function mergeParams(root: JsonObject, pathParams: Json[], opParams: Json[]): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const raw of [...pathParams, ...opParams]) {
    const p = deref(root, raw);
    if (p) byKey.set(`${displayText(p.in)}:${displayText(p.name)}`, p);
  }
  return [...byKey.values()];
}

function requestBody(params: JsonObject[], consumes: string[]): JsonObject | undefined {
  const body = params.find((p) => p.in === 'body');
  if (body) {
    const out = newObject();
    if (typeof body.description === 'string') out.description = body.description;
    const content = newObject();
    for (const media of consumes.length > 0 ? consumes : ['application/json']) content[media] = media_(clone(body.schema ?? newObject()));
    out.content = content;
    if (body.required === true) out.required = true;
    return out;
  }
  const form = params.filter((p) => p.in === 'formData');
  if (form.length === 0) return undefined;
  const properties = newObject();
  const required: string[] = [];
  let hasFile = false;
  for (const p of form) {
    const name = displayText(p.name ?? '');
    if (p.type === 'file') hasFile = true;
    const schema = schemaOf(p);
    if (typeof p.description === 'string') schema.description = p.description;
    properties[name] = schema;
    if (p.required === true) required.push(name);
  }
  const schema = newObject();
  schema.type = 'object';
  schema.properties = properties;
  if (required.length > 0) schema.required = required;
  const declared = consumes.filter((c) => FORM_TYPES.includes(c.split(';')[0]!.trim().toLowerCase()));
  const media = declared.length > 0 ? declared : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  const content = newObject();
  for (const m of media) content[m] = media_(clone(schema));
  const out = newObject();
  out.content = content;
  if (required.length > 0) out.required = true;
  return out;
}

function media_(schema: Json): JsonObject {
  const m = newObject();
  m.schema = schema;
  return m;
}

function convertParameter(p: JsonObject, log?: ChangeLog, pointer = ''): JsonObject {
  const out = newObject();
  const format = typeof p.collectionFormat === 'string' ? p.collectionFormat : 'csv';
  for (const key of Object.keys(p)) {
    if (SCHEMA_KEYS.includes(key) || key === 'items' || key === 'collectionFormat' || key === 'x-nullable') continue;
    out[key] = p[key]!;
  }
  out.schema = schemaOf(p);
  if (p.type === 'array') {
    const loc = displayText(p.in);
    if (loc !== 'query' && (format === 'ssv' || format === 'pipes' || format === 'multi')) {
      // OAS3 has only `simple` (comma-separated) for path and header parameters.
      out.style = 'simple';
      out.explode = false;
      log?.add('convert-swagger2', pointer, `collectionFormat ${format} on ${loc} parameter ${JSON.stringify(p.name)} → style: simple (OpenAPI 3 has no ${format} for ${loc} parameters)`);
      return out;
    }
    const mapped = Object.prototype.hasOwnProperty.call(COLLECTION_STYLES, format) ? COLLECTION_STYLES[format] : undefined;
    if (mapped) {
      out.style = mapped.style;
      out.explode = mapped.explode;
    } else {
      // csv (and tsv, which 3.0 cannot express): comma-separated, not exploded.
      out.style = loc === 'query' || loc === 'cookie' ? 'form' : 'simple';
      out.explode = false;
    }
  }
  return out;
}

/** A 2.0 parameter/header/items object → schema (`type: file` → binary string, `x-nullable` → nullable). */
function schemaOf(node: JsonObject, depth = 0): JsonObject {
  const schema = newObject();
  for (const key of SCHEMA_KEYS) if (node[key] !== undefined) schema[key] = clone(node[key]!);
  if (schema.type === 'file') {
    schema.type = 'string';
    schema.format = 'binary';
  }
  const items = node.items;
  if (isObject(items) && depth < 16) schema.items = isRef(items) ? clone(items) : schemaOf(items, depth + 1);
  if (node['x-nullable'] === true) schema.nullable = true;
  return schema;
}

function convertResponse(r: JsonObject, produces: string[]): JsonObject {
  const out = newObject();
  for (const key of Object.keys(r)) {
    const value = r[key]!;
    if (key === 'schema' || key === 'examples') continue;
    if (key === 'headers' && isObject(value)) {
      const headers = newObject();
      for (const name of Object.keys(value)) {
        const h = value[name];
        if (!isObject(h)) continue;
        const header = newObject();
        if (typeof h.description === 'string') header.description = h.description;
        header.schema = schemaOf(h);
        headers[name] = header;
      }
      out.headers = headers;
    } else out[key] = value;
  }
  if (r.schema !== undefined) {
    const content = newObject();
    for (const media of produces.length > 0 ? produces : ['application/json']) {
      const m = media_(clone(r.schema));
      if (isObject(r.examples) && r.examples[media] !== undefined) m.example = clone(r.examples[media]!);
      content[media] = m;
    }
    out.content = content;
  }
  if (typeof out.description !== 'string') out.description = '';
  return out;
}

const FLOWS: Record<string, string> = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' };

function convertSecurityScheme(s: JsonObject): JsonObject {
  const out = newObject();
  const extensions = Object.keys(s).filter((k) => k.startsWith('x-'));
  if (s.type === 'basic') {
    out.type = 'http';
    out.scheme = 'basic';
  } else if (s.type === 'oauth2') {
    out.type = 'oauth2';
    const flow = newObject();
    if (s.authorizationUrl !== undefined) flow.authorizationUrl = s.authorizationUrl;
    if (s.tokenUrl !== undefined) flow.tokenUrl = s.tokenUrl;
    flow.scopes = isObject(s.scopes) ? s.scopes : newObject();
    const flows = newObject();
    flows[FLOWS[displayText(s.flow)] ?? 'implicit'] = flow;
    out.flows = flows;
  } else {
    for (const key of ['type', 'name', 'in']) if (s[key] !== undefined) out[key] = s[key]!;
  }
  if (typeof s.description === 'string') out.description = s.description;
  for (const key of extensions) out[key] = s[key]!;
  return out;
}

function rewriteRefs(node: Json): Json {
  const stack: Json[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (Array.isArray(n)) stack.push(...n);
    else if (isObject(n)) {
      for (const key of Object.keys(n)) {
        const v = n[key]!;
        if (key === '$ref' && typeof v === 'string') {
          for (const [from, to] of REF_PREFIXES) if (v.startsWith(from)) n[key] = to + v.slice(from.length);
        } else stack.push(v);
      }
    }
  }
  return node;
}

function isRef(x: Json | undefined): boolean {
  return isObject(x) && typeof x.$ref === 'string';
}

/** A parameter, following a ref into the (already rewritten) root `parameters`. */
function deref(root: JsonObject, p: Json): JsonObject | undefined {
  if (!isObject(p)) return undefined;
  if (typeof p.$ref !== 'string') return p;
  const target = resolvePointer(root, p.$ref.replace('#/components/parameters/', '#/parameters/'));
  return isObject(target) ? target : undefined;
}

function isBodyOrForm(root: JsonObject, p: Json): boolean {
  const node = deref(root, p);
  return node !== undefined && (node.in === 'body' || node.in === 'formData');
}

function stringList(x: Json | undefined): string[] {
  return Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : [];
}

