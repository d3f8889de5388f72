// The generated SDK's README.md: how to construct the client for this API (stages, servers,
// the auth its routes need) and example calls built from the spec's own examples and schemas.

import type { Api } from '../../model/types.js';
import { propertyAccess, valueKey } from '../shared/naming.js';
import { stringLiteral } from '../shared/escape.js';
import { headingText, inlineCode, markdownText } from '../shared/markdown.js';
import type { TypeSpace } from '../shared/schema-to-ts.js';
import { chooseRequestMedia, type SdkOperation } from './operations.js';
import { declaredHeaders, documentsRedirects } from './client-file.js';
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
function exampleArgs(op: SdkOperation, space: TypeSpace, anyMethod = 'GET'): string | undefined {
  const groups: string[] = [];
  for (const location of ['path', 'query', 'header'] as const) {
    const params = op.params.filter((p) => p.in === location && (p.required || p.in === 'path'));
    if (params.length) groups.push(`${location}: { ${params.map((p) => `${valueKey(p.name)}: ${exampleValue(space, p.schema)}`).join(', ')} }`);
  }
  if (op.body && op.body.required) groups.push(`body: ${op.body.kind === 'binary' ? 'new Blob(["…"])' : exampleValue(space, op.body.schema)}`);
  if (op.route.method === 'ANY') groups.push(`method: ${stringLiteral(anyMethod)}`);
  const takesParams = op.params.length > 0 || op.body !== undefined || op.route.method === 'ANY';
  if (!takesParams) return undefined;
  return groups.length > 0 ? `{ ${groups.join(', ')} }` : '{}';
}

function exampleCall(op: SdkOperation, space: TypeSpace, anyMethod?: string): string {
  return `const result = await client.${op.name}(${exampleArgs(op, space, anyMethod) ?? ''});`;
}

/** The first documented 2xx status (a literal code, so `result.status === N` narrows) and the headers it declares. */
function successWithHeaders(op: SdkOperation): { status: string; headers: string[] } | undefined {
  for (const r of op.route.responses) {
    if (!/^2\d\d$/.test(r.status)) continue;
    const headers = declaredHeaders(r).map(([name]) => name);
    if (headers.length > 0) return { status: r.status, headers };
  }
  return undefined;
}

/** Whether a request path would be caught by a declared route (`{x}` one segment, `{x+}` the rest) instead of `$default`. */
function matchesDeclaredRoute(path: string, ops: SdkOperation[]): boolean {
  return ops.some((o) => {
    const pattern = o.route.path
      .split(/(\{[^{}]+\})/)
      .map((part) => (/^\{[^{}]+\+\}$/.test(part) ? '.+' : /^\{[^{}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${pattern}/?$`).test(path);
  });
}

/** An example path for `request()` that no declared route matches, so it really reaches `$default`. */
function unroutedPath(ops: SdkOperation[]): string {
  const candidates = ['/some/other/path', '/unrouted', '/catch-all/example/1', '/x-apigw-gen-example'];
  return candidates.find((p) => !matchesDeclaredRoute(p, ops)) ?? candidates[0]!;
}

/**
 * `client.request(method, path, init)` for the HTTP API `$default` route: what it takes, and a call
 * built from the route itself (its method, request body schema and declared response headers).
 */
function defaultRouteSection(op: SdkOperation, others: SdkOperation[], space: TypeSpace, throwOnError: boolean): string[] {
  const route = op.route;
  const media = route.requestBody ? chooseRequestMedia(route.requestBody.content) : undefined;
  const method = route.method !== 'ANY' ? route.method : media ? 'POST' : 'GET';
  const init: string[] = ['query: { page: 1 }'];
  if (media) {
    if (media.kind === 'json') init.push(`body: ${exampleValue(space, media.schema)}`);
    else if (media.kind === 'text') init.push(`body: "text", contentType: ${stringLiteral(media.mediaType)}`);
    else if (media.kind === 'form') init.push('body: new URLSearchParams({ name: "value" })');
    else if (media.kind === 'multipart') init.push('body: new FormData()');
    else init.push(`body: new Blob(["…"]), contentType: ${stringLiteral(media.mediaType)}`);
  }
  const typed = successWithHeaders(op);
  const lines: string[] = [];
  lines.push('## Any other path: `request()` (the `$default` route)', '');
  lines.push(`This API has a \`$default\` route${route.summary ? ` (${markdownText(route.summary)})` : ''}: API Gateway sends it every request that no other route matches. It has no path of its own, so the client has one generic method for it, \`client.request(method, path, init?, options?)\`:`, '');
  lines.push('- `method`: `"GET"`, `"POST"`, `"PUT"`, `"PATCH"`, `"DELETE"`, `"HEAD"` or `"OPTIONS"`.');
  lines.push('- `path`: below the base URL, starting with `/`. It may not contain `?` or `#` (pass `init.query`) nor `.`/`..` segments; other characters are percent-encoded.');
  lines.push('- `init`: `query` (arrays repeat the name), `headers`, `body` (a string, Blob, ArrayBuffer, FormData or URLSearchParams is sent as is; anything else as JSON) and `contentType`.');
  lines.push(`- The result is typed from the route's documented responses (${route.responses.map((r) => inlineCode(r.status)).join(', ') || 'none'}), like any other call.`);
  lines.push('', '```ts', `const result = await client.request(${stringLiteral(method)}, ${stringLiteral(unroutedPath(others))}, { ${init.join(', ')} });`);
  if (typed) {
    lines.push(`if (result.status === ${typed.status}) {`, `  console.log(result.data, result.headers${propertyAccess(typed.headers[0]!)}); // declared response header`, '}');
  } else if (throwOnError) lines.push('console.log(result.status, result.data);');
  else lines.push('if (result.ok) console.log(result.data);');
  lines.push('```', '');
  return lines;
}

/** Routes declared for any method (`x-amazon-apigateway-any-method`) take the method as a parameter. */
function anyMethodSection(ops: SdkOperation[], space: TypeSpace): string[] {
  const anyOps = ops.filter((o) => o.route.method === 'ANY');
  if (anyOps.length === 0) return [];
  const shown = anyOps.slice(0, 5).map((o) => `\`${o.name}\` (${inlineCode(`ANY ${o.route.path}`)})`);
  const more = anyOps.length > shown.length ? ` and ${anyOps.length - shown.length} more` : '';
  return [
    '## Routes for any method',
    '',
    `${shown.join(', ')}${more} accept${anyOps.length === 1 ? 's' : ''} any HTTP method: pass it as \`method\` in the params (\`"GET"\`, \`"POST"\`, \`"PUT"\`, \`"PATCH"\`, \`"DELETE"\`, \`"HEAD"\` or \`"OPTIONS"\`; default \`"GET"\`).`,
    '',
    '```ts',
    exampleCall(anyOps[0]!, space, 'POST'),
    'console.log(result.status);',
    '```',
    '',
  ];
}

type TokenKind = 'access' | 'id' | 'lambda';

/**
 * Which token a route's authorizer accepts: a Cognito authorizer takes ID tokens, but with OAuth
 * scopes on the route only access tokens (API Gateway rejects an ID token there); JWT authorizers
 * check scopes and `aud`/`client_id`, which access tokens carry; a Lambda authorizer takes whatever
 * it was written for.
 */
function tokenKind(op: SdkOperation): TokenKind | undefined {
  if (op.auth.type === 'CUSTOM') return 'lambda';
  if (op.auth.type === 'JWT') return 'access';
  if (op.auth.type === 'COGNITO_USER_POOLS') return op.auth.scopes.length > 0 ? 'access' : 'id';
  return undefined;
}

const TOKEN_GETTERS: Record<TokenKind, string> = { access: 'getAccessToken', id: 'getIdToken', lambda: 'getAuthorizerToken' };

/**
 * The README's `token` option: one getter when every authorized route takes the same kind of
 * token, else a function of the call's TokenContext choosing per route (Cognito and JWT tokens
 * are sent raw, which both accept).
 */
function tokenExample(ops: SdkOperation[]): { option: string; declarations: string[] } {
  const kinds = (['lambda', 'id', 'access'] as const).filter((k) => ops.some((o) => tokenKind(o) === k));
  const call = (k: TokenKind) => (k === 'lambda' ? `\`Bearer \${await ${TOKEN_GETTERS[k]}()}\`` : `await ${TOKEN_GETTERS[k]}()`);
  const declarations = kinds.map((k) => `declare function ${TOKEN_GETTERS[k]}(): Promise<string>;`);
  if (kinds.length === 1) {
    const k = kinds[0]!;
    const note = k === 'access' ? (ops.some((o) => o.auth.type === 'COGNITO_USER_POOLS') ? 'access token: routes with scopes reject ID tokens' : 'access token for the JWT authorizer') : k === 'id' ? 'Cognito ID token (no route requires scopes)' : 'what your Lambda authorizer expects';
    return { option: `token: async () => ${call(k)}, // ${note}; fetched per request`, declarations };
  }
  let expression = kinds.includes('id') ? (kinds.includes('access') ? `ctx.type === "COGNITO_USER_POOLS" && ctx.scopes.length === 0 ? ${call('id')} : ${call('access')}` : call('id')) : call('access');
  if (kinds.includes('lambda')) expression = `ctx.type === "CUSTOM" ? ${call('lambda')} : ${expression}`;
  const note = kinds.includes('access') && ops.some((o) => o.auth.type === 'COGNITO_USER_POOLS' && o.auth.scopes.length > 0) ? 'per route: Cognito routes with scopes reject ID tokens' : 'per route, by authorizer type';
  return { option: `token: async (ctx) => (${expression}), // ${note}`, declarations };
}

export function readme(api: Api, ops: SdkOperation[], space: TypeSpace, endpoints: SdkEndpoints, options: { throwOnError: boolean; groupByTag: boolean }, defaultOp?: SdkOperation): string {
  const allOps = defaultOp ? [...ops, defaultOp] : ops;
  const needsKey = allOps.some((o) => o.auth.apiKey);
  const needsToken = allOps.some((o) => ['CUSTOM', 'COGNITO_USER_POOLS', 'JWT'].includes(o.auth.type));
  const needsIam = allOps.some((o) => o.auth.type === 'AWS_IAM');
  const clientOptions: string[] = [];
  const firstStage = endpoints.stages[0];
  if (firstStage) {
    clientOptions.push(`stage: ${stringLiteral(firstStage[0])},`);
    if (firstStage[1] === undefined) clientOptions.push(`restApiId: "a1b2c3d4e5",`, `region: "us-east-1",`);
  } else if (endpoints.servers.length === 0) clientOptions.push(`baseUrl: "https://api.example.com",`);
  if (needsKey) clientOptions.push('apiKey: "your-api-key", // sent as x-api-key where a route requires a key');
  const token = needsToken ? tokenExample(allOps) : undefined;
  if (token) clientOptions.push(token.option);
  if (needsIam) clientOptions.push('credentials: async () => ({ accessKeyId: "AKIA…", secretAccessKey: "…", sessionToken: "…" }), // SigV4 for AWS_IAM routes');
  clientOptions.push('timeoutMs: 10_000,');

  const examples = [...ops].sort((a, b) => Number(!!b.body) - Number(!!a.body) || b.params.length - a.params.length).slice(0, 2);
  const lines: string[] = [];
  lines.push(`# ${headingText(api.info.title)} — TypeScript client`, '');
  lines.push(`Generated by apigw-gen from the OpenAPI description of **${markdownText(api.info.title)}** ${markdownText(api.info.version)}. Do not edit these files: regenerate them with \`apigw-gen build\`.`, '');
  lines.push('Zero runtime dependencies: it uses the global `fetch`, so it runs on Node.js 18+, browsers, Deno, Bun and edge runtimes.', '');
  const setup = token ? ['// Your identity library, e.g. Cognito or any OIDC client.', ...token.declarations, ''] : [];
  lines.push('## Create a client', '', '```ts', "import { createClient } from './sdk/index.js';", '', ...setup, 'const client = createClient({', ...clientOptions.map((o) => `  ${o}`), '});', '```', '');
  if (endpoints.stages.length > 0) {
    lines.push('Stages from the config:', '');
    for (const [name, url] of endpoints.stages) lines.push(`- ${inlineCode(name)}: ${inlineCode(url ?? `https://{restApiId}.execute-api.{region}.amazonaws.com/${name}`)}`);
    lines.push('');
  }
  if (endpoints.servers.length > 0) lines.push(`Without \`stage\` or \`baseUrl\`, the client calls the spec's first server, ${inlineCode(endpoints.servers[0]!.url)}, filling its variables from \`restApiId\`, \`region\` and \`serverVariables\` (defaults from the spec).`, '');
  lines.push('## Call operations', '');
  for (const op of examples) {
    lines.push(`${markdownText(op.route.summary ?? '').trim() || inlineCode(`${op.route.method} ${op.route.path}`)}:`, '', '```ts', exampleCall(op, space));
    if (options.throwOnError) lines.push('// Non-2xx responses throw ApiError (error.result holds the typed error).', 'console.log(result.status, result.data);');
    else lines.push('if (result.ok) {', '  console.log(result.data); // typed per documented 2xx status', '} else {', '  console.error(result.status, result.error); // typed error body', '}');
    lines.push('```', '');
  }
  lines.push('Every call returns a result discriminated on `ok` and `status`; narrowing on `result.status === 404` gives that response\'s body type. `ok` is true for the success statuses the spec documents (any 2xx when it documents none, or a `2XX` range): a 2xx it does not list arrives with `ok: false` and its body in `error`, so `data` always has a documented type.', '');
  const redirecting = allOps.filter(documentsRedirects);
  if (redirecting.length > 0) {
    const named = redirecting.slice(0, 3).map((o) => `\`${o.name}\``).join(', ') + (redirecting.length > 3 ? ', …' : '');
    lines.push(`Operations that document a redirect (${named}) return the 3xx result instead of following it: Node.js, Deno and Bun give its status, headers (\`Location\`) and body; browsers hide it, so there the result has status \`0\` and \`response.type === "opaqueredirect"\`. Other operations follow redirects (at most 20).`, '');
  }
  lines.push(...anyMethodSection(ops, space));
  if (defaultOp) lines.push(...defaultRouteSection(defaultOp, ops, space, options.throwOnError));
  lines.push('## Retries, timeouts, cancellation, middleware', '', '```ts', 'const resilient = createClient({', ...clientOptions.filter((o) => !o.startsWith('timeoutMs')).map((o) => `  ${o}`), '  retry: { retries: 3, baseDelayMs: 200 }, // 429, 502, 503, 504; exponential backoff with jitter; Retry-After honoured', '  timeoutMs: 5_000, // per call, retries included', '  middleware: [{', '    onRequest: (ctx) => { ctx.headers.set("x-request-id", crypto.randomUUID()); },', '    onResponse: (res, ctx) => { console.log(ctx.method, ctx.url.href, res.status); },', '  }],', '});');
  const first = ops[0];
  if (first) {
    const args = exampleArgs(first, space);
    lines.push('', 'const controller = new AbortController();', `const pending = resilient.${first.name}(${args ? `${args}, ` : ''}{ signal: controller.signal, timeoutMs: 1_000 });`, 'controller.abort();', 'await pending.catch((reason: unknown) => console.log("cancelled:", reason)); // rejects with the abort reason');
  }
  lines.push('```', '');
  lines.push('## Operations', '', '| Method | Route | Auth | Summary |', '| --- | --- | --- | --- |');
  for (const op of allOps) {
    const auth = [op.auth.type !== 'NONE' ? op.auth.type : '', op.auth.apiKey ? 'API key' : ''].filter(Boolean).join(', ') || 'none';
    const route = op === defaultOp ? '`$default` (any method and path no other route matches)' : inlineCode(`${op.route.method} ${op.route.path}`, { inTable: true });
    lines.push(`| \`${op.name}\` | ${route} | ${auth} | ${markdownText(op.route.summary ?? '').trim()}${op.route.deprecated ? ' (deprecated)' : ''} |`);
  }
  lines.push('');
  return lines.join('\n');
}
