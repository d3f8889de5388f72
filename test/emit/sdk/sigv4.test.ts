// The SDK's WebCrypto SigV4 signer (templates/sdk/sigv4.ts, copied verbatim into every SDK) against
// the aws4 package as an oracle: same request, credentials and clock → identical Authorization,
// X-Amz-Date and X-Amz-Security-Token, over many generated requests. URLs are built the way the
// runtime builds them (encodeURIComponent per path segment / query key and value).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import aws4 from 'aws4';
import { REPO_ROOT } from './helpers.js';
import { transpileToDir, importFrom } from './transpile.js';

interface SigV4Module {
  signRequest(
    request: { method: string; url: URL; headers: Headers; body: Uint8Array | string | undefined },
    params: { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }; region: string; now?: Date },
  ): Promise<string>;
}

let sigv4: SigV4Module;

beforeAll(async () => {
  const source = readFileSync(resolve(REPO_ROOT, 'templates/sdk/sigv4.ts'), 'utf8');
  sigv4 = await importFrom<SigV4Module>(transpileToDir(new Map([['sigv4.ts', source]])), 'sigv4.js');
});

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'Z', '0', '-', '_', '.', '~', ' ', '%', '+', '=', '&', '?', '/', '#', "'", '(', ')', '*', '!', ',', ';', ':', '@', '$', '[', ']', '|', '^', '"', 'ü', '€', '日', '😀', '\t'];

describe('SigV4 (WebCrypto) matches aws4', () => {
  it('over 300 generated requests', async () => {
    const rand = prng(20240305);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const word = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => pick(ALPHABET)).join('');
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
      const segments = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => encodeURIComponent(word(6)));
      const pairs: string[] = [];
      const keyPool = Array.from({ length: 3 }, () => word(4));
      for (let q = Math.floor(rand() * 6); q > 0; q--) {
        const key = pick(keyPool);
        // aws4 builds its reduced query on a plain object, where `__proto__` is not a key; never sent by our tests.
        if (key === '__proto__') continue;
        pairs.push(rand() < 0.15 ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(word(6))}`);
      }
      const url = new URL(`https://a1b2c3.execute-api.eu-west-1.amazonaws.com/${pick(['prod', 'v1', '$default'])}/${segments.join('/')}${pairs.length ? `?${pairs.join('&')}` : ''}`);
      const hasBody = method !== 'GET' && method !== 'HEAD' && rand() < 0.7;
      const body = hasBody ? (rand() < 0.5 ? JSON.stringify({ v: word(20) }) : word(30)) : undefined;
      const credentials = { accessKeyId: `AKID${i}`, secretAccessKey: `secret/${word(10)}+${i}`, ...(rand() < 0.5 ? { sessionToken: `tok${i}==/+` } : {}) };
      const region = pick(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
      const now = new Date(Date.UTC(2020 + Math.floor(rand() * 6), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), Math.floor(rand() * 24), Math.floor(rand() * 60), Math.floor(rand() * 60), Math.floor(rand() * 1000)));
      const extra: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) extra['content-type'] = pick(['application/json', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded']);
      if (rand() < 0.5) extra['x-custom-header'] = `  spaced   out\tvalue  `;
      if (rand() < 0.3) extra['x-api-key'] = 'k-123';
      if (rand() < 0.3) extra['user-agent'] = 'test-agent/1.0';

      const headers = new Headers(extra);
      await sigv4.signRequest({ method, url, headers, body }, { credentials, region, now });

      const oracleHeaders: Record<string, string> = { ...extra, 'X-Amz-Date': headers.get('x-amz-date')! };
      const signed = aws4.sign({ host: url.host, method, path: url.pathname + url.search, service: 'execute-api', region, headers: oracleHeaders, ...(body !== undefined ? { body } : {}) }, credentials);
      const expected = signed.headers as Record<string, string>;
      const context = `#${i} ${method} ${url.href} body=${JSON.stringify(body)}`;
      expect(headers.get('x-amz-date'), context).toBe(now.toISOString().replace(/[:-]|\.\d{3}/g, ''));
      expect(headers.get('authorization'), context).toBe(expected.Authorization);
      expect(headers.get('x-amz-security-token'), context).toBe(expected['X-Amz-Security-Token'] ?? null);
      compared++;
    }
    expect(compared).toBe(300);
  });

  it('matches the AWS documentation example signature', async () => {
    // AWS SigV4 test suite "get-vanilla-query-order-key-case" (service "service", region us-east-1).
    const headers = new Headers();
    const url = new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1');
    headers.set('host', 'example.amazonaws.com');
    const { signRequest } = sigv4 as unknown as { signRequest: (r: unknown, p: unknown) => Promise<string> };
    const auth = await signRequest(
      { method: 'GET', url, headers, body: undefined },
      { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }, region: 'us-east-1', service: 'service', now: new Date('2015-08-30T12:36:00Z') },
    );
    expect(auth).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });
});
