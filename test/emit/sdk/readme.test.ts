// The SDK README documents `request()` for the HTTP API `$default` route and the `method` parameter
// of ANY routes, with calls built from the spec; the examples type-check against the SDK (strict)
// and the `request()` example, run against the generated client, reaches `$default`.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, tsFiles, readmeExamples } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck } from '../shared/compile.js';

/** A `$default` route taking a JSON body with an example, beside a greedy route that catches `/some/...`. */
const BODY_SPEC = `openapi: 3.0.1
info: { title: Catch-all with body, version: "2" }
servers: [{ url: "https://api.example.com" }]
paths:
  /some/{rest+}:
    get:
      operationId: someRest
      parameters: [{ name: rest, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
  $default:
    x-amazon-apigateway-any-method:
      isDefaultRoute: true
      summary: Everything | else
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties: { name: { type: string, example: Rex } }
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: ANY, uri: "https://example.com", payloadFormatVersion: "1.0" }
`;

let bodySpec: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-readme-'));
  bodySpec = join(dir, 'openapi.yaml');
  writeFileSync(bodySpec, BODY_SPEC);
});

function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('SDK README: $default route and ANY routes', () => {
  it('documents request() with a call from the spec: an unrouted path, typed status and declared header', async () => {
    const { files } = await generate('test/emit/sdk/specs/http-default.yaml');
    const readme = files.get('README.md')!;
    const s = section(readme, 'Any other path: `request()` (the `$default` route)');
    expect(s).toContain('`client.request(method, path, init?, options?)`');
    expect(s).toContain('- The result is typed from the route\'s documented responses (`200`, `default`)');
    // `/any/other/...` would be caught by `ANY /any/{proxy+}`: the example path avoids declared routes.
    expect(s).toContain('const result = await client.request("GET", "/some/other/path", { query: { page: 1 } });');
    expect(s).toContain('if (result.status === 200) {\n  console.log(result.data, result.headers["X-Served-By"]); // declared response header\n}');
    expect(readme).toContain('| `request` | `$default` (any method and path no other route matches) | none |  |');
  });

  it('documents the method parameter of ANY routes with an example call', async () => {
    const { files } = await generate('test/emit/sdk/specs/http-default.yaml');
    const s = section(files.get('README.md')!, 'Routes for any method');
    expect(s).toContain('`anyProxy` (`ANY /any/{proxy+}`) accepts any HTTP method: pass it as `method` in the params');
    expect(s).toContain('const result = await client.anyProxy({ path: { proxy: "string" }, method: "POST" });');
  });

  it('builds the body from the route\'s request schema, avoids greedy routes, and escapes the summary', async () => {
    const { files } = await generate(bodySpec);
    const readme = files.get('README.md')!;
    const s = section(readme, 'Any other path: `request()` (the `$default` route)');
    expect(s).toContain('This API has a `$default` route (Everything \\| else)');
    expect(s).toContain('const result = await client.request("POST", "/unrouted", { query: { page: 1 }, body: { name: "Rex" } });');
    expect(s).toContain('if (result.ok) console.log(result.data);');
    expect(readme).not.toContain('## Routes for any method');
  });

  it('says nothing about request() or ANY routes when the spec has none', async () => {
    const { files } = await generate('fixtures/petstore/openapi.yaml');
    const readme = files.get('README.md')!;
    expect(readme).not.toContain('$default');
    expect(readme).not.toContain('client.request(');
    expect(readme).not.toContain('## Routes for any method');
  });

  it('spec text is escaped for Markdown: headings, paragraphs, table cells and code spans (shared markdown module)', async () => {
    const { files } = await generate('test/emit/sdk/specs/hostile.yaml', { stages: { 'p`r|od': {} } });
    const readme = files.get('README.md')!;
    expect(readme).toContain("# Hostile \\*/ globalThis.PWNED = 'title'; /\\* — TypeScript client\n");
    expect(readme).toContain("**Hostile \\*/ globalThis.PWNED = 'title'; /\\*** 1\\`${globalThis.PWNED = 'version'}\\`. Do not edit");
    // Code spans get a fence longer than any backtick run inside; in a table, `|` is escaped.
    expect(readme).toContain('- ``p`r|od``: ``https://{restApiId}.execute-api.{region}.amazonaws.com/p`r|od``\n');
    expect(readme).toContain("| `listThingsGlobalThisPWNEDOpGetThingsByThingIdX` | `` GET /things/{thing-id}/\"'`${x}` `` | none | \\*/ globalThis.PWNED = 'summary'; /\\* |\n");
    expect(readme).toContain("\n\\*/ globalThis.PWNED = 'summary'; /\\*:\n");
    // An operation whose params are all optional gets an empty object, not `{  }`.
    expect(readme).toContain('await client.listThingsGlobalThisPWNEDOpPostThings({});');
  });

  it('README examples compile against the SDK in both result styles', async () => {
    for (const spec of ['test/emit/sdk/specs/http-default.yaml', bodySpec]) {
      for (const throwOnError of [false, true]) {
        const { files } = await generate(spec, { sdk: { throwOnError } });
        const examples = readmeExamples(files.get('README.md')!);
        expect(examples).toContain('client.request(');
        expect(typeCheck(new Map([...tsFiles(files), ['readme-examples.ts', examples]])), `${spec} throwOnError=${throwOnError}`).toEqual([]);
      }
    }
  });

  it('the request() example, run against the generated client, sends what the README says', async () => {
    const { files } = await generate(bodySpec);
    const call = /const result = await (client\.request\(.*\));/.exec(files.get('README.md')!)![1]!;
    const sdk = await importFrom<{ createClient(o: unknown): unknown }>(transpileToDir(files), 'index.js');
    const sent: { method: string; url: string; body: string; type: string | null }[] = [];
    const client = sdk.createClient({
      fetch: async (url: URL, init: RequestInit) => {
        const headers = new Headers(init.headers);
        sent.push({ method: String(init.method), url: url.href, body: String(init.body), type: headers.get('content-type') });
        return new Response('{"id":"1"}', { status: 201, headers: { 'content-type': 'application/json' } });
      },
    });
    // The README line is plain JavaScript apart from being TypeScript-checked above.
    const run = new Function('client', `return ${call};`) as (c: unknown) => Promise<{ status: number; data: unknown }>;
    const result = await run(client);
    expect(result.status).toBe(201);
    expect(result.data).toEqual({ id: '1' });
    expect(sent).toEqual([{ method: 'POST', url: 'https://api.example.com/unrouted?page=1', body: '{"name":"Rex"}', type: 'application/json' }]);
  });

  it('the token example sends an access token where Cognito scopes apply (APIGW-AUTH-011), run against the client', async () => {
    const { files } = await generate('fixtures/petstore/openapi.yaml');
    const readme = files.get('README.md')!;
    expect(readme).not.toContain('getIdToken');
    const option = /^ {2}token: (.*), \/\/ (.*)$/m.exec(readme)!;
    expect(option[2]).toBe('per route: Cognito routes with scopes reject ID tokens');
    const sdk = await importFrom<{ createClient(o: unknown): Record<string, (p?: unknown) => Promise<unknown>> }>(transpileToDir(files), 'index.js');
    const sent: Record<string, string | null> = {};
    // The README's option is plain JavaScript: evaluate it with the getters it declares.
    const token = new Function('getAccessToken', 'getIdToken', 'getAuthorizerToken', `return ${option[1]};`)(
      async () => 'ACCESS', async () => 'ID', async () => 'LAMBDA',
    );
    const client = sdk.createClient({
      baseUrl: 'https://api.example.com', apiKey: 'k', token,
      fetch: async (url: URL, init: RequestInit) => {
        sent[`${init.method} ${url.pathname}`] = new Headers(init.headers).get('authorization');
        return new Response(null, { status: 204 });
      },
    });
    await client.createPet!({ body: { name: 'Rex', type: 'dog' } }); // Cognito, scope petstore/pets.write
    await client.deletePet!({ path: { petId: 1 } }); // Cognito, same scope
    await client.getPet!({ path: { petId: 1 } }); // Lambda TOKEN authorizer
    expect(sent).toEqual({ 'POST /pets': 'ACCESS', 'DELETE /pets/1': 'ACCESS', 'GET /pets/1': 'Bearer LAMBDA' });
  });

  it('one token getter when every route takes the same kind: ID tokens only without scopes', async () => {
    const cognito = (scopes: string) => `openapi: 3.0.1
info: { title: C, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /a:
    get:
      operationId: a
      security: [{ pool: [${scopes}] }]
      responses: { "200": { description: ok } }
components:
  securitySchemes:
    pool:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: cognito_user_pools
      x-amazon-apigateway-authorizer: { type: cognito_user_pools, providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC"] }
`;
    const dir = mkdtempSync(join(tmpdir(), 'sdk-readme-'));
    writeFileSync(join(dir, 'scoped.yaml'), cognito('a/read'));
    writeFileSync(join(dir, 'unscoped.yaml'), cognito(''));
    const scoped = (await generate(join(dir, 'scoped.yaml'))).files.get('README.md')!;
    expect(scoped).toContain('  token: async () => await getAccessToken(), // access token: routes with scopes reject ID tokens; fetched per request\n');
    expect(scoped).toContain('declare function getAccessToken(): Promise<string>;\n\n');
    const unscoped = (await generate(join(dir, 'unscoped.yaml'))).files.get('README.md')!;
    expect(unscoped).toContain('  token: async () => await getIdToken(), // Cognito ID token (no route requires scopes); fetched per request\n');
    for (const readme of [scoped, unscoped]) expect(readme.match(/declare function/g)).toHaveLength(1);
  });
});
