// REST import rules (reference §1.26): what import rejects is rewritten to an accepted equivalent,
// what it silently ignores is removed — each with a logged change.

import type { ChangeLog } from './changes.js';
import { childPointer, clone, escapeToken, isObject, newObject, objectFrom, resolvePointer, type Json, type JsonObject } from './json.js';
import { alphanumericName, uniqueName } from './model-names.js';
import { integrations, operations } from './operations.js';
import { unifySiblingVariables } from './path-variables.js';
import { forEachSchema, walkSchema } from './schema-walk.js';
import { plural } from '../../text/plural.js';
import { displayText } from '../../text/display-text.js';

/** Schema keywords REST models ignore (APIGW-MODEL-002). */
const IGNORED_SCHEMA_KEYWORDS = ['discriminator', 'example', 'nullable', 'readOnly', 'default', 'exclusiveMinimum'];
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

export function restCompat(doc: JsonObject, log: ChangeLog): void {
  moveRootEndpointConfiguration(doc, log);
  stripProxyOnlyFields(doc, log);
  unifySiblingVariables(doc, log);
  pushDownRootSecurity(doc, log);
  // After the push-down, so that requirements copied from the root are cleaned too.
  stripNonApiKeySchemes(doc, log);
  inlineResponseRefs(doc, log);
  inlineSelfReferences(doc, log);
  namePrimitiveResponses(doc, log);
  forEachSchema(doc, (schema, pointer, place) => {
    if (schema.type === 'number' && (schema.format === 'int32' || schema.format === 'int64')) {
      schema.type = 'integer';
      log.add('rewrite-unsupported', childPointer(pointer, 'type'), `type: number with format: ${displayText(schema.format)} → type: integer (REST import rejects integer formats on numbers)`);
    }
    if (schema.format === 'decimal') {
      delete schema.format;
      log.add('rewrite-unsupported', childPointer(pointer, 'format'), 'removed format: decimal (REST import rejects it)');
    }
    // Parameter schemas are ignored by API Gateway except for `type`; lint reports them, and they
    // still document the API for clients, so they stay.
    if (place === 'parameter') return;
    for (const key of IGNORED_SCHEMA_KEYWORDS) {
      if (key in schema) {
        delete schema[key];
        log.add('strip-unsupported', childPointer(pointer, key), `removed ${key}: REST API models do not support it`);
      }
    }
  });
}

function moveRootEndpointConfiguration(doc: JsonObject, log: ChangeLog): void {
  const key = 'x-amazon-apigateway-endpoint-configuration';
  if (!(key in doc)) return;
  const config = doc[key]!;
  delete doc[key];
  if (!Array.isArray(doc.servers) || doc.servers.length === 0 || !isObject(doc.servers[0])) {
    const server = newObject();
    server.url = '/';
    doc.servers = [server];
  }
  const first = doc.servers[0] as JsonObject;
  if (key in first) {
    log.add('strip-unsupported', `/${key}`, `removed the root ${key}: servers[0] already has one, and OpenAPI 3 import reads only that`);
    return;
  }
  first[key] = config;
  log.add('move', `/${key}`, `${key} moved from the root into servers[0], where OpenAPI 3 import reads it`);
}

/** Root `security` is ignored by REST import: give it to every operation that has none. */
function pushDownRootSecurity(doc: JsonObject, log: ChangeLog): void {
  if (!Array.isArray(doc.security)) return;
  const security = doc.security;
  delete doc.security;
  let count = 0;
  for (const { op } of operations(doc)) {
    if (op.security !== undefined) continue;
    op.security = clone(security);
    count++;
  }
  log.add('rewrite-unsupported', '/security', `root security copied onto the ${plural(count, 'operation')} without their own, then removed (REST import ignores root security)`);
}

/** `responses: { 404: { $ref: '#/components/responses/NotFound' } }` is not supported: inline it. */
function inlineResponseRefs(doc: JsonObject, log: ChangeLog): void {
  for (const { op, pointer } of operations(doc)) {
    if (!isObject(op.responses)) continue;
    for (const status of Object.keys(op.responses)) {
      let node = op.responses[status];
      const first = isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
      if (first === undefined) continue;
      for (let hops = 0; hops < 32 && isObject(node) && typeof node.$ref === 'string'; hops++) node = resolvePointer(doc, node.$ref);
      if (!isObject(node)) continue;
      op.responses[status] = clone(node);
      log.add('inline', childPointer(pointer, 'responses', status), `response ${status} ($ref ${first}) inlined (REST import does not support response references)`);
    }
  }
}

/** An allOf/anyOf/oneOf item that $refs into its own model is rejected: inline the target. */
function inlineSelfReferences(doc: JsonObject, log: ChangeLog): void {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : undefined;
  if (!schemas) return;
  for (const name of Object.keys(schemas)) {
    const model = schemas[name];
    if (!isObject(model)) continue;
    const self = `#/components/schemas/${escapeToken(name)}`;
    walkSchema(model, childPointer('/components/schemas', name), 'body', (schema, pointer) => {
      for (const key of ['allOf', 'anyOf', 'oneOf']) {
        const list = schema[key];
        if (!Array.isArray(list)) continue;
        list.forEach((item, i) => {
          if (!isObject(item) || typeof item.$ref !== 'string') return;
          if (item.$ref !== self && !item.$ref.startsWith(self + '/')) return;
          const target = resolvePointer(doc, item.$ref);
          if (!isObject(target)) return;
          if (item.$ref === self || containsRef(target, self)) {
            // A model cannot contain itself in API Gateway, and inlining it would never end: the
            // recursive branch is validated as any object instead.
            const loose = newObject();
            loose.type = 'object';
            list[i] = loose;
            log.add('rewrite-unsupported', childPointer(pointer, key, i), `${key} item $ref ${item.$ref} (the model itself) → type: object (API Gateway models cannot be recursive through ${key})`);
            return;
          }
          list[i] = clone(target);
          log.add('inline', childPointer(pointer, key, i), `${key} item $ref ${item.$ref} inlined (REST import rejects ${key} references into the same model)`);
        });
      }
    });
  }
}

function containsRef(node: Json, prefix: string): boolean {
  return JSON.stringify(node).includes(JSON.stringify(prefix).slice(1, -1));
}

/** A primitive JSON response schema is rejected; a named model of that type is the documented workaround. */
function namePrimitiveResponses(doc: JsonObject, log: ChangeLog): void {
  const components = isObject(doc.components) ? doc.components : (doc.components = newObject());
  const schemas = isObject(components.schemas) ? components.schemas : (components.schemas = newObject());
  const taken = new Set(Object.keys(schemas));
  for (const { op, pointer, path, method } of operations(doc)) {
    if (!isObject(op.responses)) continue;
    for (const status of Object.keys(op.responses)) {
      const response = op.responses[status];
      if (!isObject(response) || !isObject(response.content)) continue;
      for (const media of Object.keys(response.content)) {
        const entry = response.content[media];
        if (!isObject(entry) || !isObject(entry.schema) || !/[/+]json\b/i.test(media)) continue;
        const schema = entry.schema;
        if ('$ref' in schema || typeof schema.type !== 'string' || !PRIMITIVES.has(schema.type)) continue;
        const base = alphanumericName(`${typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`} ${status} Response`);
        const name = uniqueName(base[0]!.toUpperCase() + base.slice(1), taken);
        taken.add(name);
        schemas[name] = schema;
        const ref = newObject();
        ref.$ref = `#/components/schemas/${name}`;
        entry.schema = ref;
        log.add('rewrite-unsupported', childPointer(pointer, 'responses', status, 'content', media, 'schema'), `primitive ${schema.type} response schema moved to model ${name} and referenced (REST import rejects primitive response schemas)`);
      }
    }
  }
  if (Object.keys(schemas).length === 0) delete components.schemas;
  if (Object.keys(components).length === 0) delete doc.components;
}

/** A Lambda proxy integration passes requests and responses through: these fields have no effect (APIGW-INT-025). */
function stripProxyOnlyFields(doc: JsonObject, log: ChangeLog): void {
  for (const { integration, pointer } of integrations(doc)) {
    if (typeof integration.type !== 'string' || integration.type.toLowerCase() !== 'aws_proxy') continue;
    for (const key of ['passthroughBehavior', 'contentHandling']) {
      if (!(key in integration)) continue;
      delete integration[key];
      log.add('strip-unsupported', childPointer(pointer, key), `removed ${key}: it has no effect on an aws_proxy integration`);
    }
  }
}

/** REST import accepts only apiKey security schemes; others (http basic/bearer, oauth2, openIdConnect) are not enforced by API Gateway. */
function stripNonApiKeySchemes(doc: JsonObject, log: ChangeLog): void {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : undefined;
  if (!schemes) return;
  const removed = new Set<string>();
  for (const name of Object.keys(schemes)) {
    const scheme = schemes[name];
    if (!isObject(scheme) || scheme.type === 'apiKey' || typeof scheme.$ref === 'string') continue;
    delete schemes[name];
    removed.add(name);
    log.add('strip-unsupported', childPointer('/components/securitySchemes', name), `security scheme ${name} (type ${displayText(scheme.type)}) removed with its requirements: REST APIs accept only apiKey schemes, so API Gateway never enforced it (use a Lambda authorizer)`);
  }
  if (removed.size === 0) return;
  for (const { op, pointer } of operations(doc)) {
    if (!Array.isArray(op.security)) continue;
    const { requirements, changed, emptied } = withoutSchemes(op.security, removed);
    if (!changed) continue;
    // A requirement lists schemes that must ALL pass: the ones API Gateway enforces (api_key) stay.
    // Only a requirement left with no scheme is dropped — an empty one would make the route open.
    // An operation whose only alternatives were removed schemes is open, as API Gateway ran it.
    op.security = requirements;
    log.add('strip-unsupported', childPointer(pointer, 'security'), emptied > 0
      ? `removed schemes dropped from the security requirements; ${plural(emptied, 'requirement')} with no other scheme dropped`
      : 'removed schemes dropped from the security requirements; their other schemes kept');
  }
}

/** The requirements without the removed schemes; a requirement that had only removed schemes is left out. */
function withoutSchemes(security: Json[], removed: ReadonlySet<string>): { requirements: Json[]; changed: boolean; emptied: number } {
  const requirements: Json[] = [];
  let changed = false;
  let emptied = 0;
  for (const requirement of security) {
    if (!isObject(requirement) || !Object.keys(requirement).some((k) => removed.has(k))) {
      requirements.push(requirement);
      continue;
    }
    changed = true;
    const kept = objectFrom(Object.keys(requirement).filter((k) => !removed.has(k)).map((k) => [k, requirement[k]!]));
    if (Object.keys(kept).length === 0) emptied++;
    else requirements.push(kept);
  }
  return { requirements, changed, emptied };
}
