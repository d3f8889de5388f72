// Builds `client.ts`: per operation a params interface, a result union discriminated on `status`,
// an operation descriptor (data the runtime interprets) and a method on `ApiClient`. Text is built
// directly, already formatted (prettier over Stripe-sized output would cost seconds).

import type { Api, Parameter, Response } from '../../model/types.js';
import { jsDoc, stringLiteral, type JsDocTag } from '../shared/escape.js';
import { propertyKey, toCamelCase, toMemberName, uniqueNames, valueKey } from '../shared/naming.js';
import type { TypeSpace } from '../shared/schema-to-ts.js';
import { bodyKindOf, CLIENT_MEMBER_NAMES, isJsonMediaType, type SdkOperation } from './operations.js';
import type { SdkEndpoints } from './endpoints.js';

export interface ClientFileOptions {
  groupByTag: boolean;
  throwOnError: boolean;
}

/** Names client.ts declares or imports itself; operation type names avoid them. */
export const FILE_NAMES = [
  'ApiClient', 'ApiClientOptions', 'StageName', 'createClient', 'OPERATIONS', 'ENDPOINTS', 'T',
  'ClientCore', 'CallOptions', 'ClientOptions', 'Endpoints', 'OperationSpec', 'Status1XX', 'Status2XX',
  'Status3XX', 'Status4XX', 'Status5XX', 'HttpStatus', 'ErrorStatus', 'ApiError', 'OkResult', 'ErrorResult', 'RequestBody',
  'TypedHeaders', 'HttpMethodName', 'RawRequest',
];

const LOCATIONS: Parameter['in'][] = ['path', 'query', 'header', 'cookie'];

function paramsBlock(op: SdkOperation, space: TypeSpace, name: string): { text: string; optional: boolean; empty: boolean } {
  const lines: string[] = [];
  let optional = true;
  for (const location of LOCATIONS) {
    const params = op.params.filter((p) => p.in === location);
    if (params.length === 0) continue;
    const required = params.some((p) => p.required || p.in === 'path');
    optional &&= !required;
    const members = params.map((p) => {
      const tags: JsDocTag[] = p.deprecated ? [{ tag: 'deprecated' }] : [];
      const doc = jsDoc(p.description, tags, '    ');
      const isRequired = p.required || p.in === 'path';
      return `${doc}    ${propertyKey(p.name)}${isRequired ? '' : '?'}: ${space.typeOf(p.schema, 'write', '    ', 'T.')};`;
    });
    lines.push(`  ${location}${required ? '' : '?'}: {\n${members.join('\n')}\n  };`);
  }
  if (op.body) {
    const b = op.body;
    let type: string;
    if (b.kind === 'binary') type = 'RequestBody';
    else if (b.kind === 'text') type = 'string';
    else type = b.schema === undefined ? 'unknown' : space.typeOf(b.schema, 'write', '  ', 'T.');
    const doc = jsDoc(op.route.requestBody?.description, [{ tag: 'contentType', text: b.mediaType }], '  ');
    lines.push(`${doc}  body${b.required ? '' : '?'}: ${type};`);
    optional &&= !b.required;
  }
  if (op.route.method === 'ANY') lines.push(`  /** The HTTP method (the route accepts any). Default GET. */\n  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";`);
  if (lines.length === 0) return { text: '', optional: true, empty: true };
  return { text: `export interface ${name} {\n${lines.join('\n')}\n}\n`, optional, empty: false };
}

/** The response payload type the runtime produces for a response (see runtime parseResponse). */
function payloadType(response: Response, space: TypeSpace, method: string): string {
  // The runtime reads no body for these (fetch exposes none).
  if (method === 'HEAD' || ['204', '205', '304'].includes(response.status)) return 'undefined';
  const types = Object.keys(response.content);
  if (types.length === 0) return 'unknown';
  const parts: string[] = [];
  for (const mediaType of types) {
    const schema = response.content[mediaType]!.schema;
    const kind = bodyKindOf(mediaType);
    let t: string;
    if (isJsonMediaType(mediaType)) t = schema === undefined ? 'unknown' : space.typeOf(schema, 'read', '  ', 'T.');
    else if (kind === 'text' || /xml|x-www-form-urlencoded/i.test(mediaType)) t = 'string';
    else t = 'Blob';
    if (t === 'unknown') return 'unknown';
    if (!parts.includes(t)) parts.push(t);
  }
  return parts.length === 1 ? parts[0]! : parts.map((p) => (/^[\w.$]+(\[\])*$|^"/.test(p) ? p : `(${p})`)).join(' | ');
}

/**
 * The statuses for which a result is `ok`: exactly the documented 2xx codes, or undefined (every
 * 2xx) when the operation documents a `2XX` range or no 2xx at all. An undocumented 2xx of an
 * operation that documents its successes is `ok: false`, so `ok` narrows `data` to documented
 * success types instead of widening it to `unknown`.
 */
export function successStatuses(op: SdkOperation): number[] | undefined {
  const statuses = op.route.responses.map((r) => r.status);
  if (statuses.some((s) => /^2XX$/i.test(s))) return undefined;
  const exact = statuses.filter((s) => /^2\d\d$/.test(s)).map(Number);
  return exact.length > 0 ? exact : undefined;
}

/**
 * Whether the operation documents a redirect (a 3xx code or range other than 304, which is no
 * redirect): its client then receives 3xx responses instead of following them.
 */
export function documentsRedirects(op: SdkOperation): boolean {
  return op.route.responses.some((r) => /^3(XX|\d\d)$/i.test(r.status) && r.status !== '304');
}

function resultType(op: SdkOperation, space: TypeSpace): string {
  const exact: Response[] = [];
  const ranges: Response[] = [];
  let fallback: Response | undefined;
  for (const r of op.route.responses) {
    if (/^[1-5]\d\d$/.test(r.status)) exact.push(r);
    else if (/^[1-5]XX$/i.test(r.status)) ranges.push(r);
    else if (r.status === 'default') fallback = r;
  }
  const members: string[] = [];
  const member = (ok: boolean, status: string, payload: string, response?: Response) =>
    `  | { ok: ${ok}; status: ${status}; ${ok ? 'data' : 'error'}: ${payload}; headers: ${headersType(response)}; response: Response }`;
  const exactCodes = exact.map((r) => Number(r.status));
  for (const r of exact) {
    const code = Number(r.status);
    members.push(member(code >= 200 && code < 300, String(code), payloadType(r, space, op.route.method), r));
  }
  const rangeClasses = new Set<string>();
  for (const r of ranges) {
    const cls = r.status[0]!.toUpperCase();
    if (rangeClasses.has(cls)) continue;
    rangeClasses.add(cls);
    const inClass = exactCodes.filter((c) => String(c)[0] === cls);
    const status = inClass.length > 0 ? `Exclude<Status${cls}XX, ${inClass.join(' | ')}>` : `Status${cls}XX`;
    members.push(member(cls === '2', status, payloadType(r, space, op.route.method), r));
  }
  // Whatever the spec does not list (API Gateway itself answers 403, 429, 502, 504, …) is typed by
  // the `default` response, which OpenAPI defines as covering every undocumented status.
  const fallbackPayload = fallback ? payloadType(fallback, space, op.route.method) : 'unknown';
  const listed = (cls: string) => [...(rangeClasses.has(cls) ? [`Status${cls}XX`] : []), ...exactCodes.filter((c) => String(c)[0] === cls).map(String)];
  const documentsSuccess = successStatuses(op) !== undefined;
  // No documented 2xx (nor a 2XX range): every 2xx is a success, typed by `default` if any.
  if (!rangeClasses.has('2') && !documentsSuccess) members.push(member(true, 'Status2XX', fallbackPayload, fallback));
  // Otherwise an undocumented 2xx is not `ok` (the runtime agrees, see OperationSpec.success).
  // fetch follows redirects unless told otherwise; for an operation that documents 3xx the client
  // asks for them (redirect: 'manual'), and browsers then hide the 3xx behind an opaque response.
  if (documentsRedirects(op)) members.push('  | { ok: false; status: 0; error: undefined; headers: Headers; response: Response }');
  const errorListed = ['1', '3', '4', '5'].flatMap(listed);
  const undocumented = documentsSuccess ? `Exclude<HttpStatus, ${[...errorListed, ...listed('2')].join(' | ')}>` : errorListed.length ? `Exclude<ErrorStatus, ${errorListed.join(' | ')}>` : 'ErrorStatus';
  members.push(member(false, undocumented, fallbackPayload, fallback));
  return members.join('\n');
}

/**
 * Members of a `Headers` object (its own methods and Object.prototype's): a declared header by one
 * of these names stays reachable through `get()` only, so `headers.get` or `String(headers)` keep working.
 */
const HEADERS_MEMBERS = new Set([
  'append', 'delete', 'entries', 'forEach', 'get', 'getSetCookie', 'has', 'keys', 'set', 'values',
  'constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/**
 * An RFC 9110 field name (`token`). Anything else can never arrive in a response, and fetch's
 * `Headers.get()` throws on it, so such a declared name gets no property.
 */
const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Declared response headers that become typed properties of `headers` (document order). */
export function declaredHeaders(response: Response | undefined): [string, boolean][] {
  if (!response) return [];
  return Object.keys(response.headers)
    .filter((name) => !HEADERS_MEMBERS.has(name) && HEADER_TOKEN.test(name))
    .map((name) => [name, response.headers[name]!.required]);
}

/** `Headers`, or `TypedHeaders<{ …declared names… }>` when the response declares headers. */
function headersType(response: Response | undefined): string {
  const declared = declaredHeaders(response);
  if (declared.length === 0) return 'Headers';
  return `TypedHeaders<{ ${declared.map(([name, required]) => `${propertyKey(name)}${required ? '' : '?'}: string`).join('; ')} }>`;
}

function operationSpec(op: SdkOperation, space: TypeSpace): string {
  const r = op.route;
  const params = op.params.map((p) => `      { name: ${stringLiteral(p.name)}, in: ${stringLiteral(p.in)}, style: ${stringLiteral(p.style)}, explode: ${p.explode} },`);
  const auth = [`type: ${stringLiteral(op.auth.type)}`, `scopes: [${op.auth.scopes.map(stringLiteral).join(', ')}]`, `apiKey: ${op.auth.apiKey}`];
  if (op.auth.authorizer !== undefined) auth.push(`authorizer: ${stringLiteral(op.auth.authorizer)}`);
  if (op.auth.tokenHeader !== undefined) auth.push(`tokenHeader: ${stringLiteral(op.auth.tokenHeader)}`);
  if (op.auth.tokenQuery !== undefined) auth.push(`tokenQuery: ${stringLiteral(op.auth.tokenQuery)}`);
  const lines = [
    `  ${op.name}: {`,
    `    id: ${stringLiteral(r.operationId ?? op.name)},`,
    `    method: ${stringLiteral(r.method)},`,
    `    path: ${stringLiteral(r.path)},`,
    params.length ? `    params: [\n${params.join('\n')}\n    ],` : '    params: [],',
  ];
  const success = successStatuses(op);
  if (success !== undefined) lines.push(`    success: [${success.join(', ')}],`);
  if (documentsRedirects(op)) lines.push("    redirect: 'manual',");
  if (op.body) {
    const encoding = bodyEncoding(op, space);
    lines.push(`    body: { mediaType: ${stringLiteral(op.body.mediaType)}, kind: ${stringLiteral(op.body.kind)}${encoding ? `, encoding: ${encoding}` : ''} },`);
  }
  const accept = acceptHeader(op);
  if (accept !== undefined) lines.push(`    accept: ${stringLiteral(accept)},`);
  const responseHeaders: string[] = [];
  for (const r of op.route.responses) for (const [name] of declaredHeaders(r)) if (!responseHeaders.includes(name)) responseHeaders.push(name);
  if (responseHeaders.length > 0) lines.push(`    responseHeaders: [${responseHeaders.map(stringLiteral).join(', ')}],`);
  lines.push(`    auth: { ${auth.join(', ')} },`, '  },');
  return lines.join('\n');
}

/** A value the spec fixes for a header: `const`, a single `enum` value, else `default`. */
function fixedHeaderValue(space: TypeSpace, schema: unknown): string | undefined {
  const s = space.resolve(schema);
  if (!s) return undefined;
  const value = s.const !== undefined ? s.const : Array.isArray(s.enum) && s.enum.length === 1 ? s.enum[0] : s.default;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * The runtime's per-property encoding of a form or multipart body (FieldEncoding), as an object
 * literal: the spec's Encoding Objects, plus which properties are binary strings (multipart sends
 * those as application/octet-stream). Undefined when there is nothing to say.
 */
function bodyEncoding(op: SdkOperation, space: TypeSpace): string | undefined {
  const body = op.body!;
  if (body.kind !== 'form' && body.kind !== 'multipart') return undefined;
  const fields = new Map<string, string[]>();
  const add = (name: string, member: string) => fields.set(name, [...(fields.get(name) ?? []), member]);
  const declared = body.encoding ?? {};
  for (const name of Object.keys(declared)) {
    const e = declared[name]!;
    // A content type becomes a part header line: one with control characters (CR, LF) is ignored.
    if (e.contentType !== undefined && !/[\0-\x1f\x7f]/.test(e.contentType)) add(name, `contentType: ${stringLiteral(e.contentType)}`);
    if (body.kind === 'form') {
      // style, explode and allowReserved apply to urlencoded bodies only (OpenAPI 3.0).
      if (e.style !== undefined) add(name, `style: ${stringLiteral(e.style)}`);
      if (e.explode !== undefined) add(name, `explode: ${e.explode}`);
      if (e.allowReserved !== undefined) add(name, `allowReserved: ${e.allowReserved}`);
    } else {
      // Part headers with a fixed value; Content-Type and Content-Disposition are the part's own.
      const headers = Object.keys(e.headers)
        .filter((h) => HEADER_TOKEN.test(h) && !/^content-(type|disposition)$/i.test(h))
        .map((h) => [h, fixedHeaderValue(space, e.headers[h]!.schema)] as const)
        .filter((pair): pair is readonly [string, string] => pair[1] !== undefined && !/[\0-\x1f\x7f]/.test(pair[1]));
      if (headers.length > 0) add(name, `headers: [${headers.map(([h, v]) => `[${stringLiteral(h)}, ${stringLiteral(v)}]`).join(', ')}]`);
    }
  }
  if (body.kind === 'multipart') {
    const schema = space.resolve(body.schema);
    const properties = schema && typeof schema.properties === 'object' && schema.properties !== null ? (schema.properties as Record<string, unknown>) : {};
    for (const name of Object.keys(properties)) {
      const p = space.resolve(properties[name]);
      const item = p?.type === 'array' ? space.resolve(p.items) : p;
      if (item?.type === 'string' && (item.format === 'binary' || typeof item.contentMediaType === 'string')) add(name, 'binary: true');
    }
  }
  if (fields.size === 0) return undefined;
  return `{ ${[...fields].map(([name, members]) => `${valueKey(name)}: { ${members.join(', ')} }`).join(', ')} }`;
}

/**
 * The Accept header for an operation: its responses' media types, 2xx responses first, in
 * document order; undefined (runtime default) when it documents none or only JSON.
 */
export function acceptHeader(op: SdkOperation): string | undefined {
  const ordered = [...op.route.responses].sort((a, b) => Number(!a.status.startsWith('2')) - Number(!b.status.startsWith('2')));
  const types: string[] = [];
  for (const r of ordered) for (const t of Object.keys(r.content)) if (!types.includes(t)) types.push(t);
  if (types.length === 0 || types.every(isJsonMediaType)) return undefined;
  // Header values are single-line; a media type with a comma or newline would be a spec error anyway.
  return types.filter((t) => !/[\r\n,]/.test(t)).join(', ') || undefined;
}

function methodDoc(op: SdkOperation, indent: string, lead?: string): string {
  const r = op.route;
  const text = [lead, r.summary, r.description].filter((s): s is string => typeof s === 'string' && s.trim() !== '').join('\n\n');
  const tags: JsDocTag[] = [{ tag: 'route', text: r.isDefaultRoute ? '$default' : `${r.method} ${r.path}` }];
  if (op.auth.type !== 'NONE') tags.push({ tag: 'auth', text: op.auth.type + (op.auth.authorizer ? ` (${op.auth.authorizer})` : '') });
  if (op.auth.apiKey) tags.push({ tag: 'apiKey', text: 'required (x-api-key)' });
  if (r.deprecated) tags.push({ tag: 'deprecated' });
  return jsDoc(text, tags, indent);
}

export function clientFile(api: Api, ops: SdkOperation[], space: TypeSpace, endpoints: SdkEndpoints, options: ClientFileOptions, defaultOp?: SdkOperation): string {
  const prefixes = operationTypePrefixes(defaultOp ? [...ops, defaultOp] : ops, space);
  const out: string[] = [];
  const stageNames = endpoints.stages.map(([n]) => n);
  out.push(`/** Stages named in the generator's config. */
export type StageName = ${stageNames.length ? stageNames.map(stringLiteral).join(' | ') : 'never'};

export interface ApiClientOptions extends Omit<ClientOptions, 'stage'> {
  /** Call this stage: its custom domain, or \`https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}\`. */
  stage?: StageName;
}

export const ENDPOINTS: Endpoints = {
  stages: [${endpoints.stages.map(([n, u]) => `[${stringLiteral(n)}, ${u === undefined ? 'undefined' : stringLiteral(u)}]`).join(', ')}],
  servers: [${endpoints.servers.map((s) => `\n    { url: ${stringLiteral(s.url)}, variables: [${s.variables.map(([k, v]) => `[${stringLiteral(k)}, ${stringLiteral(v)}]`).join(', ')}] },`).join('')}${endpoints.servers.length ? '\n  ' : ''}],
};
`);
  const methods: string[] = [];
  const specs: string[] = [];
  ops.forEach((op, i) => {
    const prefix = prefixes[i]!;
    const paramsName = `${prefix}Params`;
    const resultName = `${prefix}Result`;
    const params = paramsBlock(op, space, paramsName);
    out.push(`${params.text}${params.text ? '\n' : ''}/** Every outcome of \`${op.name}\`: narrow on \`ok\` or \`status\`. */\nexport type ${resultName} =\n${resultType(op, space)};\n`);
    specs.push(operationSpec(op, space));
    const returns = options.throwOnError ? `Extract<${resultName}, { ok: true }>` : resultName;
    const signature = params.empty ? 'options?: CallOptions' : `params: ${paramsName}${params.optional ? ' = {}' : ''}, options?: CallOptions`;
    methods.push(`${methodDoc(op, '  ')}  ${op.name}(${signature}): Promise<${returns}> {\n    return this.core.request<${returns}>(OPERATIONS.${op.name}, ${params.empty ? '{}' : 'params'}, options);\n  }`);
  });
  if (defaultOp) {
    const resultName = `${prefixes[ops.length]!}Result`;
    out.push(`/** Every outcome of \`request\` (the \`$default\` route): narrow on \`ok\` or \`status\`. */\nexport type ${resultName} =\n${resultType(defaultOp, space)};\n`);
    specs.push(operationSpec(defaultOp, space));
    const returns = options.throwOnError ? `Extract<${resultName}, { ok: true }>` : resultName;
    const doc = methodDoc(defaultOp, '  ', 'Calls the `$default` route: any method and path no other route matches. `path` is below the base URL and starts with `/`.');
    methods.push(`${doc}  request(method: HttpMethodName, path: string, init: RawRequest = {}, options?: CallOptions): Promise<${returns}> {\n    return this.core.request<${returns}>(OPERATIONS.request, { method, raw: { path, request: init } }, options);\n  }`);
  }
  out.push(`const OPERATIONS = {\n${specs.join('\n')}\n} satisfies Record<string, OperationSpec>;\n`);

  let groups = '';
  if (options.groupByTag) {
    const tags = [...new Set(ops.map((o) => o.group ?? 'default'))];
    const groupNames = uniqueNames(tags.map((t) => toMemberName(toCamelCase(t), CLIENT_MEMBER_NAMES)), { taken: [...CLIENT_MEMBER_NAMES, ...ops.map((o) => o.name)] });
    groups = tags
      .map((tag, i) => {
        const members = ops.filter((o) => (o.group ?? 'default') === tag).map((o) => `    ${o.name}: this.${o.name}.bind(this),`);
        return `${jsDoc(`Operations tagged ${tag}.`, [], '  ')}  readonly ${groupNames[i]} = {\n${members.join('\n')}\n  };\n`;
      })
      .join('\n');
  }
  const title = jsDoc(`Client for ${api.info.title} ${api.info.version}.${api.info.description ? `\n\n${api.info.description}` : ''}`);
  out.push(`${title}export class ApiClient {
  private readonly core: ClientCore;

  constructor(options: ApiClientOptions = {}) {
    this.core = new ClientCore(ENDPOINTS, options, ${options.throwOnError});
  }
${groups ? `\n${groups}` : ''}
${methods.join('\n\n')}
}

export function createClient(options: ApiClientOptions = {}): ApiClient {
  return new ApiClient(options);
}
`);
  const body = out.join('\n');
  // Import exactly the status helpers used, so consumers with noUnusedLocals compile too.
  const statusTypes = ['HttpStatus', 'ErrorStatus', 'Status1XX', 'Status2XX', 'Status3XX', 'Status4XX', 'Status5XX'].filter((n) => new RegExp(`\\b${n}\\b`).test(body));
  const imports = ['ClientCore', 'type CallOptions', 'type ClientOptions', 'type Endpoints', 'type OperationSpec', ...statusTypes.map((n) => `type ${n}`), ...['RequestBody', 'TypedHeaders', 'HttpMethodName', 'RawRequest'].filter((n) => new RegExp(`\\b${n}\\b`).test(body)).map((n) => `type ${n}`)];
  const header = `// Generated by apigw-gen from ${commentSafe(api.info.title)} ${commentSafe(api.info.version)}. Do not edit: regenerate instead.
import { ${imports.join(', ')} } from './runtime.js';
${/\bT\./.test(body) ? "import type * as T from './types.js';\n" : ''}`;
  return `${header}\n${body}`;
}

/**
 * Unique prefixes for each operation's `<Prefix>Params`/`<Prefix>Result` types: they must not
 * clash with each other, with client.ts's own names, or with model type names (index.ts
 * re-exports both modules).
 */
function operationTypePrefixes(ops: SdkOperation[], space: TypeSpace): string[] {
  const taken = new Set<string>(FILE_NAMES);
  for (const n of space.names.values()) {
    taken.add(n.read);
    taken.add(n.write);
  }
  return ops.map((op) => {
    for (let i = 1; ; i++) {
      const prefix = i === 1 ? op.typePrefix : `${op.typePrefix}${i}`;
      if (taken.has(prefix) || taken.has(`${prefix}Params`) || taken.has(`${prefix}Result`)) continue;
      taken.add(prefix);
      taken.add(`${prefix}Params`);
      taken.add(`${prefix}Result`);
      return prefix;
    }
  });
}

/** Spec text for a line comment: one line, nothing that ends the comment. */
function commentSafe(text: string): string {
  return stringLiteral(text).replace(/\*\//g, '*\\/');
}
