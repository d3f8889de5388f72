// HTTP API parameter mapping (AWS docs "Transform API requests and responses for HTTP APIs")
// and the stage's JSON access-log format.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLogFields } from '../../src/emit/gateway/access-log.js';
import { normalize } from '../../src/model/index.js';
import { startGateway } from '../../src/serve/index.js';
import { documentOf } from '../model/helpers.js';
import { call, fakeRuntime, httpSpec, proxyTo, restSpec } from './helpers.js';
import type { Served } from './helpers.js';
import { serveSpec } from './helpers.js';

describe('HTTP API parameter mapping', () => {
  const seen: IncomingMessage[] = [];
  const backend = createServer((req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'X-Internal': 'secret', 'Content-Type': 'text/plain' });
      res.end(`path=${req.url}`);
    });
  });
  let s: Served;
  beforeAll(async () => {
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    s = await serveSpec(
      httpSpec({
        '/users/{id}': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'http_proxy',
              httpMethod: 'GET',
              uri: `${url}/api/users`,
              payloadFormatVersion: '1.0',
              requestParameters: {
                'overwrite:path': '/v2/users/${request.path.id}',
                'append:header.X-Request-Id': '$context.requestId',
                'overwrite:header.X-Who': 'user-${request.path.id}-${stageVariables.env}',
                'append:querystring.source': 'gateway',
                'remove:header.X-Secret': "''",
                // A name that is also an Object.prototype key is only a (missing) variable.
                'overwrite:header.X-Proto': '$stageVariables.constructor',
              },
              responseParameters: { '200': { 'remove:header.X-Internal': "''", 'append:header.X-Served-By': 'serve', 'overwrite:statuscode': '203' } },
            },
          },
        },
      }),
      { config: { stages: { $default: { variables: { env: 'local' } } } } },
    );
  });
  afterAll(async () => {
    await s.close();
    await new Promise<void>((r) => backend.close(() => r()));
  });

  // AWS docs "Transform API requests and responses for HTTP APIs": append/overwrite/remove, overwrite:path, overwrite:statuscode, ${} concatenation.
  it('maps the request (path, headers, query string) and the response (headers, status)', async () => {
    const r = await call(`${s.url}/users/42?q=1`, { headers: { 'X-Secret': 'hide', 'X-Keep': 'k' } });
    const req = seen.at(-1)!;
    expect(req.url).toBe('/v2/users/42?q=1&source=gateway');
    expect(req.headers['x-request-id']).toBe(r.headers['x-amzn-requestid']);
    expect(req.headers['x-who']).toBe('user-42-local');
    expect(req.headers['x-secret']).toBeUndefined();
    expect(req.headers['x-proto']).toBeUndefined();
    expect(req.headers['x-keep']).toBe('k');
    expect(r.status).toBe(203);
    expect(r.headers['x-internal']).toBeUndefined();
    expect(r.headers['x-served-by']).toBe('serve');
  });
});

describe('access log', () => {
  // The stage's access-log format (the one the gateway target deploys) when access logs are on.
  it('writes the JSON format with the request\'s values', async () => {
    const lines: string[] = [];
    const api = normalize(documentOf(restSpec({ '/x': { get: proxyTo('Fn') } })));
    const g = await startGateway({ api, config: { stages: { prod: { logging: { accessLogs: true } } } }, runtime: fakeRuntime({ Fn: () => ({ statusCode: 201, body: 'made' }) }), functions: ['Fn'], port: 0, accessLogFields: accessLogFields('rest'), accessLog: (l) => lines.push(l) });
    try {
      const r = await call(`${g.url}/prod/x`);
      const entry = JSON.parse(lines.at(-1)!) as Record<string, string>;
      expect(entry).toMatchObject({ requestId: r.headers['x-amzn-requestid'], ip: '127.0.0.1', httpMethod: 'GET', resourcePath: '/x', path: '/prod/x', status: '201', responseLength: '4', protocol: 'HTTP/1.1' });
      expect(entry.requestTime).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:/);
      expect(Number(entry.responseLatency)).toBeGreaterThanOrEqual(0);
    } finally {
      await g.close();
    }
  });
});
