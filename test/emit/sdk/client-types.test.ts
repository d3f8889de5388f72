// Type-level tests of the generated client (kitchen-sink spec), compiled with the real compiler:
// results narrow on status, params are required exactly when the spec says, request bodies use
// the write view (no readOnly fields), throwOnError changes the return type.
import { describe, it, expect } from 'vitest';
import { generate, tsFiles } from './helpers.js';
import { typeCheck, TYPE_ASSERTIONS } from '../shared/compile.js';

const CHECK = `${TYPE_ASSERTIONS}
import { createClient, type ApiClient } from './index.js';
import type * as T from './types.js';

declare const client: ApiClient;

export async function results() {
  const r = await client.getItemPart({ path: { itemId: 'a', partId: 1 } });
  if (r.status === 200) assertType<Equal<typeof r.data, T.Part>>();
  if (r.status === 404) assertType<Equal<typeof r.error, T.NotFound>>();
  if (r.status === 418) assertType<Equal<typeof r.error, T.Problem>>();
  if (r.status === 503) assertType<Equal<typeof r.error, T.Problem>>();
  // ok is the documented 200 only: an undocumented 2xx falls to the default (error) arm.
  if (r.ok) assertType<Equal<typeof r.data, T.Part>>();
  // @ts-expect-error a 404 has no data
  r.status === 404 && r.data;

  const f = await client.flaky();
  if (f.status === 200) {
    if (f.data.kind === 'cat') assertType<Equal<typeof f.data.meows, boolean>>();
    else assertType<Equal<typeof f.data.barks, boolean>>();
  }
  const put = await client.putBlob({ path: { key: 'k' }, body: new Uint8Array([1]) });
  if (put.status === 200) assertType<Equal<typeof put.data, Blob>>();
  const up = await client.upload({ body: { file: new Blob([]) } });
  if (up.status === 200) assertType<Equal<typeof up.data, string>>();
  const form = await client.submitForm();
  if (form.status === 204) assertType<Equal<typeof form.data, undefined>>();
}

export function params() {
  // readOnly (id, createdAt) absent from the request body, writeOnly (secret) present.
  type Body = Parameters<ApiClient['createItem']>[0]['body'];
  assertType<Equal<Body, T.ItemInput>>();
  assertType<Equal<keyof T.ItemInput, 'name' | 'secret' | 'labels'>>();
  assertType<Equal<keyof T.Item, 'id' | 'name' | 'labels' | 'createdAt'>>();
  // @ts-expect-error path params are required
  client.getItemPart({});
  // @ts-expect-error partId is an integer
  client.getItemPart({ path: { itemId: 'a', partId: '1' } });
  // @ts-expect-error the body is required
  client.createItem({});
  // @ts-expect-error readOnly fields cannot be sent
  client.createItem({ body: { name: 'n', id: 'x' } });
  client.getItemPart({ path: { itemId: 'a', partId: 1 }, query: { tags: ['a'], filter: { k: 'v' } }, header: { 'X-Trace': 't' } });
  client.proxyAny({ method: 'PATCH', path: { proxy: 'a/b' } });
  // @ts-expect-error unknown HTTP method
  client.proxyAny({ method: 'FETCH', path: { proxy: 'a' } });
  // Grouped by tag as well.
  client.items.createItem({ body: { name: 'n' } });
  client.admin.tokened();
  createClient({ stage: 'prod', restApiId: 'x', region: 'eu-west-1', timeoutMs: 1, retry: { retries: 1 } });
  // @ts-expect-error only configured stages
  createClient({ stage: 'dev' });
}
`;

const THROWING_CHECK = `${TYPE_ASSERTIONS}
import { ApiError, type ApiClient } from './index.js';
import type * as T from './types.js';
declare const client: ApiClient;
export async function thrown() {
  const r = await client.getItemPart({ path: { itemId: 'a', partId: 1 } });
  assertType<Equal<typeof r.ok, true>>();
  if (r.status === 200) assertType<Equal<typeof r.data, T.Part>>();
  try { await client.flaky(); } catch (e) { if (e instanceof ApiError) { const s: number = e.status; void s; } }
}
`;

describe('generated client types', () => {
  it('narrow results, require params, use request views', async () => {
    const { files } = await generate('test/emit/sdk/specs/kitchen.yaml', { stages: { prod: {} }, sdk: { groupByTag: true } });
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', CHECK]]))).toEqual([]);
  });

  it('with throwOnError, calls resolve to the 2xx results only', async () => {
    const { files } = await generate('test/emit/sdk/specs/kitchen.yaml', { sdk: { throwOnError: true } });
    expect(files.get('client.ts')).toContain('Promise<Extract<GetItemPartResult, { ok: true }>>');
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', THROWING_CHECK]]))).toEqual([]);
  });

  it('$default routes get request(method, path, init); declared response headers are typed per status', async () => {
    const { files } = await generate('test/emit/sdk/specs/http-default.yaml');
    const check = `${TYPE_ASSERTIONS}
import type { ApiClient } from './index.js';
declare const client: ApiClient;

export async function defaultRoute() {
  const r = await client.request('DELETE', '/anything/here', { query: { a: ['1', 2] }, body: { x: 1 } });
  if (r.status === 200) {
    assertType<Equal<typeof r.data, { route: string }>>();
    assertType<Equal<typeof r.headers['X-Served-By'], string>>();
    assertType<Equal<ReturnType<typeof r.headers.get>, string | null>>();
  }
  if (!r.ok) assertType<Equal<typeof r.error, { message?: string }>>();
  // @ts-expect-error the method is an HTTP method name
  await client.request('FETCH', '/x');
  // @ts-expect-error the path is required
  await client.request('GET');
}

export async function headers() {
  const r = await client.getThing({ path: { id: '1' } });
  if (r.status === 200) {
    assertType<Equal<typeof r.headers['X-Request-Id'], string>>();
    assertType<Equal<typeof r.headers['X-RateLimit-Remaining'], string | undefined>>();
    // A declared header named like a Headers member stays the method.
    assertType<Equal<typeof r.headers.get, (name: string) => string | null>>();
  }
  if (r.status === 404) {
    assertType<Equal<typeof r.headers['X-Error-Code'], string | undefined>>();
    // @ts-expect-error 404 does not declare X-Request-Id
    r.headers['X-Request-Id'];
  }
  // @ts-expect-error undeclared statuses have plain Headers
  if (r.status === 500) r.headers['X-Request-Id'];
  // ANY routes take the method as a parameter.
  await client.anyProxy({ path: { proxy: 'a/b' }, method: 'PATCH' });
  // @ts-expect-error not an HTTP method
  await client.anyProxy({ path: { proxy: 'a/b' }, method: 'FETCH' });
}
`;
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', check]]))).toEqual([]);
  });

  it('formats.dateTime: Date accepts Date objects (sent as ISO strings) and keeps strings', async () => {
    const { files } = await generate('test/emit/sdk/specs/kitchen.yaml', { sdk: { formats: { dateTime: 'Date' } } });
    const check = `${TYPE_ASSERTIONS}
import type * as T from './types.js';
assertType<Equal<T.Item['createdAt'], string | Date | undefined>>();
`;
    expect(typeCheck(new Map([...tsFiles(files), ['check.ts', check]]))).toEqual([]);
  });
});
