// The generated SDK's README.md: how to construct the client for this API (stages, servers,
// the auth its routes need) and example calls built from the spec's own examples and schemas.

import type { Api } from '../../model/types.js';
import { valueKey } from '../shared/naming.js';
import { stringLiteral } from '../shared/escape.js';
import type { TypeSpace } from '../shared/schema-to-ts.js';
import type { SdkOperation } from './operations.js';
import type { SdkEndpoints } from './endpoints.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JS expression for an example value of the schema: its example, default, first enum value, or a placeholder. */
export function exampleValue(space: TypeSpace, schema: unknown, depth = 0): string {
  const s = space.resolve(schema);
  if (!s || depth > 3) return 'undefined';
  for (const candidate of [s.example, s.default, s.const, Array.isArray(s.examples) ? s.examples[0] : undefined, Array.isArray(s.enum) ? s.enum[0] : undefined]) {
    if (candidate !== undefined) return jsLiteral(candidate, 0);
  }
  const members = (Array.isArray(s.allOf) ? s.allOf : Array.isArray(s.oneOf) ? s.oneOf.slice(0, 1) : Array.isArray(s.anyOf) ? s.anyOf.slice(0, 1) : undefined);
  if (members && members.length > 0 && !isObject(s.properties)) {
    const parts = members.map((m) => exampleValue(space, m, depth + 1));
    return parts.length === 1 ? parts[0]! : parts.find((p) => p.startsWith('{')) ?? parts[0]!;
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'array') return `[${exampleValue(space, s.items, depth + 1)}]`;
  if (type === 'object' || isObject(s.properties)) {
    const props = isObject(s.properties) ? s.properties : {};
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    const keys = Object.keys(props).filter((k) => required.has(k) && !(isObject(props[k]) && props[k].readOnly === true)).slice(0, 6);
    if (keys.length === 0) return '{}';
    return `{ ${keys.map((k) => `${valueKey(k)}: ${exampleValue(space, props[k], depth + 1)}`).join(', ')} }`;
  }
  if (type === 'integer' || type === 'number') return '1';
  if (type === 'boolean') return 'true';
  if (s.format === 'binary') return 'new Blob(["…"])';
  return stringLiteral('string');
}

function jsLiteral(value: unknown, depth: number): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return stringLiteral(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (Array.isArray(value)) return `[${value.slice(0, 3).map((v) => jsLiteral(v, depth + 1)).join(', ')}]`;
  if (isObject(value) && depth < 3) return `{ ${Object.keys(value).slice(0, 6).map((k) => `${valueKey(k)}: ${jsLiteral(value[k], depth + 1)}`).join(', ')} }`;
  return 'undefined';
}

/** The call's params argument (`{ path: …, body: … }`), or undefined when the method takes none. */
function exampleArgs(op: SdkOperation, space: TypeSpace): string | undefined {
  const groups: string[] = [];
  for (const location of ['path', 'query', 'header'] as const) {
    const params = op.params.filter((p) => p.in === location && (p.required || p.in === 'path'));
    if (params.length) groups.push(`${location}: { ${params.map((p) => `${valueKey(p.name)}: ${exampleValue(space, p.schema)}`).join(', ')} }`);
  }
  if (op.body && op.body.required) groups.push(`body: ${op.body.kind === 'binary' ? 'new Blob(["…"])' : exampleValue(space, op.body.schema)}`);
  if (op.route.method === 'ANY') groups.push('method: "GET"');
  const takesParams = op.params.length > 0 || op.body !== undefined || op.route.method === 'ANY';
  if (!takesParams) return undefined;
  return `{ ${groups.join(', ')} }`;
}

function exampleCall(op: SdkOperation, space: TypeSpace): string {
  return `const result = await client.${op.name}(${exampleArgs(op, space) ?? ''});`;
}

/** Markdown table cell text: one line, no pipes that would split the cell. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/`/g, "'").replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').trim();
}

export function readme(api: Api, ops: SdkOperation[], space: TypeSpace, endpoints: SdkEndpoints, options: { throwOnError: boolean; groupByTag: boolean }): string {
  const needsKey = ops.some((o) => o.auth.apiKey);
  const needsToken = ops.some((o) => ['CUSTOM', 'COGNITO_USER_POOLS', 'JWT'].includes(o.auth.type));
  const needsIam = ops.some((o) => o.auth.type === 'AWS_IAM');
  const clientOptions: string[] = [];
  const firstStage = endpoints.stages[0];
  if (firstStage) {
    clientOptions.push(`stage: ${stringLiteral(firstStage[0])},`);
    if (firstStage[1] === undefined) clientOptions.push(`restApiId: "a1b2c3d4e5",`, `region: "us-east-1",`);
  } else if (endpoints.servers.length === 0) clientOptions.push(`baseUrl: "https://api.example.com",`);
  if (needsKey) clientOptions.push('apiKey: "your-api-key", // sent as x-api-key where a route requires a key');
  if (needsToken) clientOptions.push('token: async () => `Bearer ${await getIdToken()}`, // authorizer token (sync or async), fetched per request');
  if (needsIam) clientOptions.push('credentials: async () => ({ accessKeyId: "AKIA…", secretAccessKey: "…", sessionToken: "…" }), // SigV4 for AWS_IAM routes');
  clientOptions.push('timeoutMs: 10_000,');

  const examples = [...ops].sort((a, b) => Number(!!b.body) - Number(!!a.body) || b.params.length - a.params.length).slice(0, 2);
  const lines: string[] = [];
  lines.push(`# ${cell(api.info.title)} — TypeScript client`, '');
  lines.push(`Generated by apigw-gen from the OpenAPI description of **${cell(api.info.title)}** ${cell(api.info.version)}. Do not edit these files: regenerate them with \`apigw-gen build\`.`, '');
  lines.push('Zero runtime dependencies: it uses the global `fetch`, so it runs on Node.js 18+, browsers, Deno, Bun and edge runtimes.', '');
  const setup = needsToken ? ['// Your identity library, e.g. Cognito or any OIDC client.', 'declare function getIdToken(): Promise<string>;', ''] : [];
  lines.push('## Create a client', '', '```ts', "import { createClient } from './sdk/index.js';", '', ...setup, 'const client = createClient({', ...clientOptions.map((o) => `  ${o}`), '});', '```', '');
  if (endpoints.stages.length > 0) {
    lines.push('Stages from the config:', '');
    for (const [name, url] of endpoints.stages) lines.push(`- \`${cell(name)}\`: ${url ? cell(url) : '`https://{restApiId}.execute-api.{region}.amazonaws.com/' + cell(name) + '`'}`);
    lines.push('');
  }
  if (endpoints.servers.length > 0) lines.push(`Without \`stage\` or \`baseUrl\`, the client calls the spec's first server, \`${cell(endpoints.servers[0]!.url)}\`, filling its variables from \`restApiId\`, \`region\` and \`serverVariables\` (defaults from the spec).`, '');
  lines.push('## Call operations', '');
  for (const op of examples) {
    lines.push(`${cell(op.route.summary) || `\`${op.route.method} ${cell(op.route.path)}\``}:`, '', '```ts', exampleCall(op, space));
    if (options.throwOnError) lines.push('// Non-2xx responses throw ApiError (error.result holds the typed error).', 'console.log(result.status, result.data);');
    else lines.push('if (result.ok) {', '  console.log(result.data); // typed per documented 2xx status', '} else {', '  console.error(result.status, result.error); // typed error body', '}');
    lines.push('```', '');
  }
  lines.push('Every call returns a result discriminated on `ok` and `status`; narrowing on `result.status === 404` gives that response\'s body type.', '');
  lines.push('## Retries, timeouts, cancellation, middleware', '', '```ts', 'const resilient = createClient({', ...clientOptions.filter((o) => !o.startsWith('timeoutMs')).map((o) => `  ${o}`), '  retry: { retries: 3, baseDelayMs: 200 }, // 429, 502, 503, 504; exponential backoff with jitter; Retry-After honoured', '  timeoutMs: 5_000, // per call, retries included', '  middleware: [{', '    onRequest: (ctx) => { ctx.headers.set("x-request-id", crypto.randomUUID()); },', '    onResponse: (res, ctx) => { console.log(ctx.method, ctx.url.href, res.status); },', '  }],', '});');
  const first = ops[0];
  if (first) {
    const args = exampleArgs(first, space);
    lines.push('', 'const controller = new AbortController();', `const pending = resilient.${first.name}(${args ? `${args}, ` : ''}{ signal: controller.signal, timeoutMs: 1_000 });`, 'controller.abort(); // pending rejects with the abort reason');
  }
  lines.push('```', '');
  lines.push('## Operations', '', '| Method | Route | Auth | Summary |', '| --- | --- | --- | --- |');
  for (const op of ops) {
    const auth = [op.auth.type !== 'NONE' ? op.auth.type : '', op.auth.apiKey ? 'API key' : ''].filter(Boolean).join(', ') || 'none';
    lines.push(`| \`${op.name}\` | \`${op.route.method} ${cell(op.route.path)}\` | ${auth} | ${cell(op.route.summary)}${op.route.deprecated ? ' (deprecated)' : ''} |`);
  }
  lines.push('');
  return lines.join('\n');
}
