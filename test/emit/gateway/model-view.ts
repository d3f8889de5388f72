// A pointer-free view of the model, for the round trip: what API Gateway will deploy, with the
// documented rewrites applied to the original's side (model renames, keywords REST models ignore,
// fields with no effect on proxy integrations, the other API type's extensions).

import type { Api, Integration, Schema } from '../../../src/model/types.js';

const REST_IGNORED_SCHEMA = new Set(['discriminator', 'example', 'nullable', 'readOnly', 'default', 'exclusiveMinimum']);

export interface ViewOptions {
  /** Old model name → new. */
  renames?: ReadonlyMap<string, string>;
  /** Apply the REST rewrites (ignored schema keywords dropped, number+int formats → integer). */
  restRewrites?: boolean;
}

export function modelView(api: Api, options: ViewOptions = {}): unknown {
  return resolvedSubs(rawView(api, options));
}

/**
 * An `Fn::Sub` whose text needs no CloudFormation value (only `${AWS::Region}`-style variables that
 * import resolves) is written as that text in the standalone JSON: compare it as text.
 */
function resolvedSubs(view: unknown): unknown {
  return JSON.parse(
    JSON.stringify(view, (_k, v) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        if (v.intrinsic === true && v.fn === 'Fn::Sub' && typeof v.args === 'string' && importResolvable(v.args)) return v.args;
        const keys = Object.keys(v);
        if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof v['Fn::Sub'] === 'string' && importResolvable(v['Fn::Sub'])) return v['Fn::Sub'];
      }
      return v;
    }),
  );
}

function importResolvable(text: string): boolean {
  return [...text.matchAll(/\$\{([^}]*)\}/g)].every((m) => /^(AWS::(AccountId|Partition|Region)|!.*|(stageVariables|context)\..*)$/.test(m[1]!));
}

/** OpenAPI 3 has no delimited styles for path/header parameters, nor tab-delimited ones: they become `simple` / comma form. */
function parameterStyle(p: { in: string; style: string; explode: boolean }): { style: string; explode: boolean } {
  if (p.style === 'tabDelimited') return { style: p.in === 'query' ? 'form' : 'simple', explode: false };
  if (p.in !== 'query' && p.in !== 'cookie' && p.style !== 'simple') return { style: 'simple', explode: false };
  return { style: p.style, explode: p.explode };
}

function rawView(api: Api, options: ViewOptions): unknown {
  const schema = (s: Schema | undefined) => (s === undefined ? undefined : cleanSchema(s, options, false));
  return {
    kind: api.kind,
    info: { title: api.info.title, version: api.info.version },
    basePath: api.basePath,
    routes: api.routes.map((r) => ({
      key: r.key,
      operationId: r.operationId,
      auth: r.auth,
      security: r.security,
      validator: r.validator,
      parameters: r.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, ...parameterStyle(p), schema: cleanSchema(p.schema, options, true) })),
      requestBody: r.requestBody && { required: r.requestBody.required, content: Object.fromEntries(Object.entries(r.requestBody.content).map(([m, c]) => [m, schema(c.schema)])) },
      responses: r.responses.map((res) => ({
        status: res.status,
        headers: Object.keys(res.headers),
        content: Object.fromEntries(Object.entries(res.content).map(([m, c]) => [m, schema(c.schema)])),
      })),
      integration: r.integration && integrationView(r.integration),
    })),
    models: api.models.map((m) => ({ name: options.renames?.get(m.name) ?? m.name, schema: schema(m.schema) })),
    securitySchemes: Object.fromEntries(
      Object.entries(api.securitySchemes).map(([name, s]) => [name, s.kind === 'authorizer' ? { kind: s.kind, authorizer: strip(s.authorizer) } : { kind: s.kind }]),
    ),
    validators: api.validators.map(strip),
    defaultValidator: api.defaultValidator,
    gatewayResponses: api.gatewayResponses.map(strip),
    cors: api.cors && strip(api.cors),
    binaryMediaTypes: api.binaryMediaTypes,
    apiKeySource: api.apiKeySource,
    minimumCompressionSize: api.minimumCompressionSize,
    policy: api.policy,
    endpointConfiguration: api.endpointConfiguration && strip(api.endpointConfiguration),
    stageVariables: [...new Set(api.stageVariableRefs.map((r) => r.name))].sort(),
  };
}

function integrationView(i: Integration): unknown {
  const view = strip(i) as unknown as Record<string, unknown>;
  delete view.refName;
  if (i.kind === 'lambda-proxy') {
    delete view.passthroughBehavior;
    delete view.contentHandling;
  }
  view.responses = i.responses.map(strip);
  return view;
}

/** Drops `pointer` everywhere. */
function strip<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (k, v) => (k === 'pointer' ? undefined : v))) as T;
}

// Where subschemas sit inside a schema (kept independent of the emitter's walker on purpose, so a
// position the emitter misses shows up as a round-trip difference). Everything else is a value
// (enum, const, example, default, required, x-…): compared as written.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_SINGLES = new Set(['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'items']);

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The schema with the documented REST rewrites applied at schema-keyword positions only: a
 * property literally named `default` or `example` (a key of `properties`) is data and stays.
 */
function cleanSchema(s: Schema, options: ViewOptions, parameter: boolean): unknown {
  const sub = (x: unknown): unknown => (isPlainObject(x) ? cleanSchema(x, options, parameter) : clonePlain(x));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (options.restRewrites && !parameter && REST_IGNORED_SCHEMA.has(k)) continue;
    if (options.restRewrites && k === 'format' && v === 'decimal') continue;
    let value: unknown;
    if (k === '$ref' && typeof v === 'string') value = renamedRef(v, options);
    else if (options.restRewrites && k === 'type' && v === 'number' && (s.format === 'int32' || s.format === 'int64')) value = 'integer';
    else if (SCHEMA_MAPS.has(k) && isPlainObject(v)) value = Object.fromEntries(Object.entries(v).map(([name, child]) => [name, sub(child)]));
    else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) value = v.map(sub);
    else if (SCHEMA_SINGLES.has(k)) value = Array.isArray(v) ? v.map(sub) : sub(v);
    else value = clonePlain(v);
    out[k] = value;
  }
  return out;
}

function renamedRef(ref: string, options: ViewOptions): string {
  for (const [from, to] of options.renames ?? []) if (ref === `#/components/schemas/${from}`) return `#/components/schemas/${to}`;
  return ref;
}

function clonePlain(x: unknown): unknown {
  return x === undefined ? undefined : JSON.parse(JSON.stringify(x));
}
