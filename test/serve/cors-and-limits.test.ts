// HTTP API CORS (AWS docs "Configuring CORS for an HTTP API"), REST CORS only as configured, and
// the limits and failures a gateway must survive (AWS docs "Amazon API Gateway quotas").
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, httpSpec, proxyTo, restSpec, serveSpec, type Served } from './helpers.js';

describe('HTTP API CORS', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(
      httpSpec(
        { '/pets': { get: proxyTo('Fn', { payloadFormatVersion: '2.0' }) } },
        { 'x-amazon-apigateway-cors': { allowOrigins: ['https://app.example'], allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'x-token'], exposeHeaders: ['x-total'], maxAge: 600, allowCredentials: true } },
      ),
      { handlers: { Fn: () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: '[]' }) } },
    );
  });
  afterAll(() => s.close());

  // AWS docs "Configuring CORS for an HTTP API": API Gateway answers preflight OPTIONS requests itself.
  it('answers a preflight itself, even without an OPTIONS route', async () => {
    const r = await call(`${s.url}/pets`, { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' } });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(r.headers['access-control-allow-methods']).toBe('GET,POST');
    expect(r.headers['access-control-allow-headers']).toBe('content-type,x-token');
    expect(r.headers['access-control-max-age']).toBe('600');
    expect(r.headers['access-control-allow-credentials']).toBe('true');
    expect(r.body).toBe('');
  });

  // AWS docs "Configuring CORS for an HTTP API": the integration's CORS headers are ignored.
  it('adds CORS headers for an allowed origin, replacing the integration\'s', async () => {
    const r = await call(`${s.url}/pets`, { headers: { Origin: 'https://app.example' } });
    expect(r.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(r.headers['access-control-expose-headers']).toBe('x-total');
    const other = await call(`${s.url}/pets`, { headers: { Origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('REST CORS', () => {
  // AWS docs "Enabling CORS for a REST resource": only the OPTIONS mock and the headers configured.
  it('adds nothing of its own', async () => {
    const s = await serveSpec(restSpec({ '/pets': { get: proxyTo('Fn') } }), { handlers: { Fn: () => ({ statusCode: 200, body: '[]' }) } });
    try {
      const pre = await call(`${s.url}/local/pets`, { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' } });
      expect(pre.status).toBe(403);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      const r = await call(`${s.url}/local/pets`, { headers: { Origin: 'https://app.example' } });
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

describe('limits and failures', () => {
  let s: Served;
  let behaviour: () => unknown = () => ({ statusCode: 200, body: 'ok' });
  beforeAll(async () => {
    s = await serveSpec(restSpec({ '/x': { post: proxyTo('Fn'), get: proxyTo('Fn', { timeoutInMillis: 200 }) } }), { handlers: { Fn: () => behaviour() } });
  });
  afterAll(() => s.close());

  // "Amazon API Gateway quotas": payload size 10 MB.
  it('answers 413 for a body over 10 MB and keeps serving', async () => {
    const r = await call(`${s.url}/local/x`, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    expect(r.status).toBe(413);
    expect(r.body).toBe('{"message":"Request Too Long"}');
    expect(r.headers['x-amzn-errortype']).toBe('RequestTooLargeException');
    expect((await call(`${s.url}/local/x`, { method: 'POST', body: 'small' })).status).toBe(200);
  });

  // "Amazon API Gateway quotas": integration timeout; a function that never returns is cut at timeoutInMillis.
  it('answers 504 when the function does not return in time, and the next request works', async () => {
    behaviour = () => new Promise(() => undefined);
    const r = await call(`${s.url}/local/x`);
    expect(r.status).toBe(504);
    expect(r.body).toBe('{"message":"Endpoint request timed out"}');
    behaviour = () => ({ statusCode: 200, body: 'back' });
    expect((await call(`${s.url}/local/x`)).body).toBe('back');
  });

  // AWS docs "Handle Lambda errors in API Gateway": a function error (a timeout is one) under a proxy integration is 502.
  it('answers 502 when the function itself times out (Lambda error, not the gateway\'s)', async () => {
    behaviour = () => {
      throw Object.assign(new Error('2026-01-01T00:00:00.000Z abc Task timed out after 3.00 seconds'), { name: 'Sandbox.Timedout' });
    };
    const r = await call(`${s.url}/local/x`, { method: 'POST' });
    expect(r.status).toBe(502);
    expect(s.logs.some((l) => l.includes('(timeout)') && l.includes('Task timed out after 3.00 seconds'))).toBe(true);
  });

  // Not an AWS behaviour but this gateway's robustness (issue 12): a bad request must not end the server.
  it('survives a client that disconnects mid-body and a malformed request', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(s.settings.port, '127.0.0.1', () => {
        socket.write('POST /local/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\npartial');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    const garbage = await new Promise<string>((resolve) => {
      const socket = connect(s.settings.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    behaviour = () => ({ statusCode: 200, body: 'still here' });
    expect((await call(`${s.url}/local/x`, { method: 'POST' })).body).toBe('still here');
  });

  // This gateway's documented bound (README "Limits"); AWS's own header quota is smaller (10240 bytes).
  it('answers 431 for headers over 16 KiB', async () => {
    const r = await call(`${s.url}/local/x`, { method: 'POST', headers: { 'X-Big': 'a'.repeat(17 * 1024) } });
    expect(r.status).toBe(431);
  });

  // AWS docs "Set up CloudWatch logging for REST APIs": one access-log entry per request; the compact default line is this gateway's.
  it('writes one access-log line per request', async () => {
    const before = s.logs.filter((l) => l.startsWith('access ')).length;
    const r = await call(`${s.url}/local/x?q=1`, { method: 'POST' });
    const lines = s.logs.filter((l) => l.startsWith('access '));
    expect(lines.length).toBe(before + 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^access ${r.headers['x-amzn-requestid']} 127\\.0\\.0\\.1 "POST /local/x\\?q=1" 200 \\d+ \\d+ms \\(POST /x\\)$`));
  });
});
