// `ok` narrows to the documented success types: with the real compiler (types) and against a real
// local server (an undocumented 2xx arrives as `ok: false`, so `data` never lies).
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate, tsFiles } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';
import { typeCheck, TYPE_ASSERTIONS } from '../shared/compile.js';

const SPEC = 'test/emit/sdk/specs/results.yaml';

const NARROWING = `${TYPE_ASSERTIONS}
import type { ApiClient } from './index.js';
import type * as T from './types.js';
declare const client: ApiClient;

export async function narrowing() {
  // One documented 2xx (beside 404 and default): ok means exactly that 200.
  const pet = await client.getPet({ path: { id: '1' } });
  if (pet.ok) {
    const x: T.Pet = pet.data;
    assertType<Equal<typeof pet.status, 200>>();
    // @ts-expect-error data is a Pet, not a Job
    const j: T.Job = pet.data;
    void x; void j;
  } else {
    // An undocumented 2xx, like every other undocumented status, is typed by \`default\`.
    if (pet.status === 299) assertType<Equal<typeof pet.error, T.Problem>>();
    if (pet.status === 404) assertType<Equal<typeof pet.error, T.Problem>>();
  }
  // Two documented 2xx: ok narrows to their union, status to each.
  const created = await client.createPet();
  if (created.ok) {
    assertType<Equal<typeof created.data, T.Pet | T.Job>>();
    if (created.status === 202) assertType<Equal<typeof created.data, T.Job>>();
  } else {
    assertType<Equal<typeof created.error, unknown>>();
    // @ts-expect-error a 201 is ok
    created.status === 201;
  }
  // A 2XX range documents every 2xx.
  const jobs = await client.listJobs();
  if (jobs.ok) assertType<Equal<typeof jobs.data, T.Job[]>>();
  // No documented 2xx: every 2xx is ok, typed by \`default\` when there is one ...
  const d = await client.onlyDefault();
  if (d.ok) assertType<Equal<typeof d.data, T.Job>>();
  // ... else unknown (there is nothing to narrow to).
  const n = await client.nothingDocumented();
  if (n.ok) assertType<Equal<typeof n.data, unknown>>();
}
`;

describe('ok narrows to the documented success types', () => {
  it('compiles the narrowing assertions under tsc --strict (and a wrong type fails)', async () => {
    const { files } = await generate(SPEC);
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', NARROWING]]))).toEqual([]);
    // The @ts-expect-error lines are real errors: without the directives they fail.
    const withoutDirectives = NARROWING.replaceAll('// @ts-expect-error', '//');
    const errors = typeCheck(new Map([...tsFiles(files), ['check.ts', withoutDirectives]]));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/check\.ts:\d+:\d+: TS2741 Property 'job' is missing in type 'Pet'/);
    expect(errors[1]).toMatch(/TS2367 This comparison appears to be unintentional/);
  });

  it('the client declares which statuses are ok', async () => {
    const { files } = await generate(SPEC);
    const client = files.get('client.ts')!;
    const spec = (op: string) => client.slice(client.indexOf(`\n  ${op}: {\n`), client.indexOf('\n  },', client.indexOf(`\n  ${op}: {\n`)));
    expect(spec('getPet')).toContain('    success: [200],');
    expect(spec('createPet')).toContain('    success: [201, 202],');
    // A 2XX range or no documented 2xx: every 2xx is ok, no list.
    for (const op of ['listJobs', 'onlyDefault', 'nothingDocumented']) expect(spec(op)).toMatch(/^\n {2}\w+: \{\n {4}id: (?:(?!success:)[\s\S])*$/);
  });
});

type Reply = (res: ServerResponse) => void;
let server: Server;
let base: string;
let replies: Reply[] = [];
let hits = 0;
/** Where the server redirects, by request path (a path redirecting to itself loops). */
let redirects: Record<string, string> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits++;
      const location = Object.prototype.hasOwnProperty.call(redirects, req.url!) ? redirects[req.url!] : undefined;
      if (location !== undefined) return void res.writeHead(302, { location, 'content-type': 'text/plain' }).end('moved');
      (replies.shift() ?? ((r) => r.writeHead(500).end()))(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  replies = [];
  hits = 0;
  redirects = {};
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (res) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('ok at run time agrees with the types', () => {
  it('a documented 2xx is ok; an undocumented 2xx is not (body in error); without documented 2xx any 2xx is ok', async () => {
    const sdk = await importFrom<any>(transpileToDir((await generate(SPEC)).files), 'index.js');
    const client = sdk.createClient({ baseUrl: base });
    replies.push(json(200, { id: '1', name: 'Rex' }), json(299, { title: 'odd' }), json(206, { job: 'j' }), json(299, { job: 'k' }), json(204, {}));
    expect(await client.getPet({ path: { id: '1' } })).toMatchObject({ ok: true, status: 200, data: { id: '1', name: 'Rex' } });
    const odd = await client.getPet({ path: { id: '1' } });
    expect(odd).toMatchObject({ ok: false, status: 299, error: { title: 'odd' } });
    expect(odd.data).toBeUndefined();
    expect(await client.listJobs()).toMatchObject({ ok: true, status: 206, data: { job: 'j' } });
    expect(await client.onlyDefault()).toMatchObject({ ok: true, status: 299, data: { job: 'k' } });
    expect(await client.createPet()).toMatchObject({ ok: false, status: 204 });
  });

  it('with throwOnError an undocumented 2xx throws ApiError', async () => {
    const sdk = await importFrom<any>(transpileToDir((await generate(SPEC, { sdk: { throwOnError: true } })).files), 'index.js');
    const client = sdk.createClient({ baseUrl: base });
    replies.push(json(299, { title: 'odd' }));
    await expect(client.getPet({ path: { id: '1' } })).rejects.toMatchObject({ name: 'ApiError', status: 299, error: { title: 'odd' } });
  });
});

const REDIRECTS = `${TYPE_ASSERTIONS}
import type { ApiClient } from './index.js';
import type * as T from './types.js';
declare const client: ApiClient;
export async function redirects() {
  const r = await client.follow();
  if (r.status === 302) assertType<Equal<typeof r.headers.Location, string>>();
  // Browsers: the manual redirect is opaque.
  if (r.status === 0) assertType<Equal<typeof r.error, undefined>>();
  if (r.ok) assertType<Equal<typeof r.data, T.Pet>>();
  // Redirects are followed where the spec documents none: no opaque result.
  const p = await client.plain();
  // @ts-expect-error status 0 only exists for operations that document a redirect
  p.status === 0;
}
`;

describe('redirects', () => {
  it('documented 3xx: typed, and the client receives them (redirect: manual); others follow', async () => {
    const { files } = await generate(SPEC);
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', REDIRECTS]]))).toEqual([]);
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', REDIRECTS.replace('// @ts-expect-error', '//')]]))).toHaveLength(1);
    const client = files.get('client.ts')!;
    const spec = (op: string) => client.slice(client.indexOf(`\n  ${op}: {\n`), client.indexOf('\n  },', client.indexOf(`\n  ${op}: {\n`)));
    expect(spec('follow')).toContain("    redirect: 'manual',");
    expect(spec('plain')).not.toContain('redirect');
    expect(files.get('README.md')).toContain('Operations that document a redirect (`follow`) return the 3xx result instead of following it');
  });

  it('against a real server: a documented 302 arrives with its Location; an undocumented one is followed', async () => {
    const sdk = await importFrom<any>(transpileToDir((await generate(SPEC)).files), 'index.js');
    const client = sdk.createClient({ baseUrl: base });
    redirects = { '/go': '/target', '/plain': '/target' };
    const moved = await client.follow();
    expect(moved).toMatchObject({ ok: false, status: 302, error: 'moved' });
    expect(moved.headers.Location).toBe('/target');
    expect(hits).toBe(1);
    replies.push(json(200, { id: '1', name: 'Rex' }));
    expect(await client.plain()).toMatchObject({ ok: true, status: 200, data: { id: '1', name: 'Rex' } });
    expect(hits).toBe(3);
  });

  it('a redirect loop ends: one request where 3xx are documented, fetch\'s limit (no retries) elsewhere', async () => {
    const sdk = await importFrom<any>(transpileToDir((await generate(SPEC)).files), 'index.js');
    const client = sdk.createClient({ baseUrl: base, retry: { baseDelayMs: 1 } });
    redirects = { '/go': '/go', '/plain': '/plain' };
    expect(await client.follow()).toMatchObject({ ok: false, status: 302 });
    expect(hits).toBe(1);
    hits = 0;
    // GET is idempotent, so network errors are retried: a redirect loop is not one of them.
    await expect(client.plain()).rejects.toThrow();
    expect(hits).toBe(21);
  });
});
