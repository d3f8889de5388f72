// One source of truth per credential header: a declared parameter where the route's credential
// goes (Authorization, the authorizer's identity header or query parameter, x-api-key) is optional
// and, when given, is what is sent (the client's token/apiKey is not consulted); otherwise the
// client option fills it. On AWS_IAM routes the SigV4 headers belong to the signature.
// Types with the real compiler, behaviour against a real 127.0.0.1 server.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate, tsFiles } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck, TYPE_ASSERTIONS } from '../shared/compile.js';

const SPEC = 'test/emit/sdk/specs/auth-headers.yaml';

const CHECK = `${TYPE_ASSERTIONS}
import type { ApiClient } from './index.js';
declare const client: ApiClient;
export async function calls() {
  // The client's token fills Authorization ...
  await client.me();
  // ... or the call passes its own.
  await client.me({ header: { Authorization: 'Bearer x' } });
  await client.custom({ header: { 'X-Other': 'o' } });
  // @ts-expect-error X-Other is an ordinary required header
  await client.custom({ header: {} });
  await client.byQuery();
  await client.keyed();
  // SigV4 writes Authorization and X-Amz-Date on IAM routes: no such parameters.
  await client.signed();
  // @ts-expect-error not a parameter of an IAM route
  await client.signed({ header: { Authorization: 'x' } });
  // Without an authorizer, a declared Authorization header is an ordinary required parameter.
  await client.open({ header: { Authorization: 'Basic abc' } });
  // @ts-expect-error required
  await client.open();
}
`;

let server: Server;
let base: string;
const received: { url: string; headers: IncomingHttpHeaders }[] = [];
let sdk: any;

beforeAll(async () => {
  sdk = await importFrom(transpileToDir((await generate(SPEC)).files), 'index.js');
  server = createServer((req, res) => {
    received.push({ url: req.url!, headers: req.headers });
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  received.length = 0;
});

describe('declared credential parameters', () => {
  it('types: optional where a client option fills them, absent on IAM routes, required elsewhere', async () => {
    const { files } = await generate(SPEC);
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', CHECK]]))).toEqual([]);
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', CHECK.replaceAll('// @ts-expect-error', '//')]]))).toHaveLength(3);
    expect(files.get('client.ts')).toContain("The access token.\n     *\n     * Default: the client's `token` option (a value given here is sent instead).");
  });

  it('the call\'s value wins and the provider is not consulted; otherwise the option fills the header', async () => {
    let asked = 0;
    const client = sdk.createClient({ baseUrl: base, apiKey: () => { asked++; return 'option-key'; }, token: () => { asked++; return 'option-token'; } });
    await client.me({ header: { Authorization: 'Bearer call' } });
    await client.custom({ header: { 'X-Auth-Token': 'call-custom', 'X-Other': 'o' } });
    await client.byQuery({ query: { token: 'call q' } });
    await client.keyed({ header: { 'x-api-key': 'call-key' } });
    expect(asked).toBe(0);
    await client.me();
    await client.custom({ header: { 'X-Other': 'o' } });
    await client.byQuery();
    await client.keyed();
    expect(asked).toBe(4);
    expect(received.map((r) => [r.url, r.headers['authorization'] ?? r.headers['x-auth-token'] ?? r.headers['x-api-key'] ?? null])).toEqual([
      ['/me', 'Bearer call'], ['/custom', 'call-custom'], ['/by-query?token=call%20q', null], ['/keyed', 'call-key'],
      ['/me', 'option-token'], ['/custom', 'option-token'], ['/by-query?token=option-token', null], ['/keyed', 'option-key'],
    ]);
    // Neither: a clear error, nothing sent.
    received.length = 0;
    await expect(sdk.createClient({ baseUrl: base }).me()).rejects.toThrow(/me requires an authorizer token: pass `token`/);
    await expect(sdk.createClient({ baseUrl: base }).keyed()).rejects.toThrow(/keyed requires an API key/);
    expect(received).toHaveLength(0);
  });

  it('IAM routes sign; routes without an authorizer send the declared header as given', async () => {
    const client = sdk.createClient({ baseUrl: base, region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' }, token: 'never-sent' });
    await client.signed();
    expect(received[0]!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\//);
    await client.open({ header: { Authorization: 'Basic abc' } });
    expect(received[1]!.headers['authorization']).toBe('Basic abc');
  });
});
