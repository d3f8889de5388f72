// Non-proxy Lambda, HTTP, HTTP_PROXY, VPC link, MOCK and AWS service integrations.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lambdaUri, restSpec, serveSpec, type Served } from './helpers.js';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }

/** A backend that records what it got and answers as `reply` says. */
async function backend(reply: (seen: Seen) => { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      const r = reply(s);
      setTimeout(() => {
        res.writeHead(r.status ?? 200, r.headers ?? {});
        res.end(r.body ?? '');
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

const ok = { responses: { '200': { description: 'ok' } } };

// AWS docs "Set up Lambda custom integrations in API Gateway" and "Handle Lambda errors in API Gateway".
describe('Lambda custom integration', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveSpec(
      restSpec({
        '/orders/{id}': {
          post: {
            ...ok,
            'x-amazon-apigateway-integration': {
              type: 'aws',
              httpMethod: 'POST',
              uri: lambdaUri('Orders'),
              passthroughBehavior: 'NEVER',
              requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')", "qty": $input.json(\'$.qty\'), "stage": "$context.stage"}' },
              responses: {
                default: { statusCode: '200', responseTemplates: { 'application/json': '{"order": "$input.path(\'$.id\')", "total": $input.json(\'$.total\')}' } },
                '.*not found.*': { statusCode: '404', responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' } },
                'Invalid.*': { statusCode: '400', responseParameters: { 'method.response.header.X-Reason': "'invalid'" } },
              },
            },
          },
        },
      }),
      {
        handlers: {
          Orders: (event: { id: string; qty: number; stage: string }) => {
            if (event.id === 'missing') throw new Error('order not found here');
            if (event.id === 'bad') throw new Error('Invalid order');
            if (event.id === 'other') throw new Error('something else');
            return { id: event.id, total: event.qty * 2, stage: event.stage };
          },
        },
        config: { stages: { v1: {} } },
      },
    );
  });
  afterAll(() => s.close());

  // AWS docs "Set up Lambda custom integrations in API Gateway": the rendered template is the event; the response template maps the result.
  it('renders the request template into the event and the result through the response template', async () => {
    const r = await call(`${s.url}/v1/orders/42`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"qty": 5}' });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ order: '42', total: 10 });
    expect(s.runtime.events.Orders!.at(-1)).toEqual({ id: '42', qty: 5, stage: 'v1' });
  });

  // AWS docs "Handle Lambda errors in API Gateway": selectionPattern is a regex matched against errorMessage.
  it('selects the integration response whose pattern matches the whole error message', async () => {
    const notFound = await call(`${s.url}/v1/orders/missing`, { method: 'POST', body: '{"qty":1}' });
    expect(notFound.status).toBe(404);
    expect(notFound.json()).toEqual({ error: 'order not found here' });
    const bad = await call(`${s.url}/v1/orders/bad`, { method: 'POST', body: '{"qty":1}' });
    expect(bad.status).toBe(400);
    expect(bad.headers['x-reason']).toBe('invalid');
    expect(bad.json()).toMatchObject({ errorMessage: 'Invalid order', errorType: 'Error' });
  });

  // AWS docs "Handle Lambda errors in API Gateway": an error no pattern matches takes the default response (200).
  it('sends an unmatched error through the default response', async () => {
    const r = await call(`${s.url}/v1/orders/other`, { method: 'POST', body: '{"qty":1}' });
    expect(r.status).toBe(200);
    // The default template sees Lambda's error object, which has neither field.
    expect(r.body).toBe('{"order": "", "total": ""}');
    expect(s.logs.some((l) => l.includes('function Orders failed (handler): Error: something else'))).toBe(true);
  });

  // AWS docs "Method request behavior for payloads without mapping templates": NEVER → 415.
  it('answers 415 when no template matches the content type and passthroughBehavior is NEVER', async () => {
    const r = await call(`${s.url}/v1/orders/1`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(r.status).toBe(415);
    expect(r.body).toBe('{"message":"Unsupported Media Type"}');
    expect(r.headers['x-amzn-errortype']).toBe('UnsupportedMediaTypeException');
  });

  // AWS docs "Mapping template reference" ($input.json): a body the template cannot parse as JSON is a 400.
  it('answers 400 when the request template reads a body that is not JSON, and logs it', async () => {
    const r = await call(`${s.url}/v1/orders/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"qty": ' });
    expect(r.status).toBe(400);
    expect(r.json().message).toMatch(/^Could not parse request body into json: /);
    expect(r.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(s.logs.some((l) => l.includes('request template (application/json): Invalid JSON in the body'))).toBe(true);
  });

  it('answers 500 for a template that fails, and logs where', async () => {
    const t = await serveSpec(restSpec({ '/t': { get: { ...ok, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '#set($x = $util.base64Decode("%%%"))\n{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } } } } }));
    try {
      const r = await call(`${t.url}/local/t`);
      expect(r.status).toBe(500);
      expect(r.json()).toEqual({ message: 'Internal server error' });
      expect(t.logs.some((l) => /request template \(application\/json\): .*base64/i.test(l))).toBe(true);
    } finally {
      await t.close();
    }
  });
});

// AWS docs "HTTP integrations for REST APIs in API Gateway".
describe('HTTP and HTTP_PROXY integrations', () => {
  let b: Awaited<ReturnType<typeof backend>>;
  let s: Served;
  beforeAll(async () => {
    b = await backend((seen) => (seen.url.startsWith('/slow') ? { delayMs: 400, body: 'late' } : { status: seen.url.startsWith('/fail') ? 503 : 200, headers: { 'Content-Type': 'text/plain', 'X-Backend': 'yes' }, body: `got ${seen.method} ${seen.url}` }));
    s = await serveSpec(
      restSpec({
        '/proxy/{proxy+}': {
          'x-amazon-apigateway-any-method': { ...ok, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'ANY', uri: '${stageVariables.backend}/{proxy}', requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } } },
        },
        '/mapped/{id}': {
          get: {
            ...ok,
            'x-amazon-apigateway-integration': {
              type: 'http',
              httpMethod: 'POST',
              uri: '${stageVariables.backend}/items/{itemId}',
              requestParameters: { 'integration.request.path.itemId': 'method.request.path.id', 'integration.request.querystring.from': "'gateway'", 'integration.request.header.X-Caller': 'method.request.header.X-Me' },
              requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
              responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.X-From-Backend': 'integration.response.header.X-Backend' } }, '5\\d\\d': { statusCode: '502', responseTemplates: { 'application/json': '{"backend": "down"}' } } },
            },
          },
        },
        '/fail': { get: { ...ok, 'x-amazon-apigateway-integration': { type: 'http', httpMethod: 'GET', uri: '${stageVariables.backend}/fail', responses: { default: { statusCode: '200' }, '5\\d\\d': { statusCode: '502', responseTemplates: { 'application/json': '{"backend": "down"}' } } } } } },
        '/slow': { get: { ...ok, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: '${stageVariables.backend}/slow', timeoutInMillis: 100 } } },
        '/private': { get: { ...ok, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'http://internal.example/private/x', connectionType: 'VPC_LINK', connectionId: 'abc123' } } },
        '/private2': { get: { ...ok, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'http://internal.example/y', connectionType: 'VPC_LINK', connectionId: 'nolink' } } },
      }),
      { config: { stages: { prod: { variables: { backend: '' } } }, serve: { vpcLinks: { abc123: 'http://placeholder' } } } },
    );
    s.reload({ api: s.settings.api, config: { stages: { prod: { variables: { backend: b.url } } }, serve: { vpcLinks: { abc123: b.url } } }, functions: [] });
  });
  afterAll(async () => {
    await s.close();
    await b.close();
  });

  // AWS docs "Set up HTTP proxy integrations in API Gateway": method, path, query string, headers and body pass through.
  it('forwards a proxy request with its method, path, query and headers, and passes the response through', async () => {
    const r = await call(`${s.url}/prod/proxy/a/b?x=1&x=2`, { method: 'PUT', headers: { 'X-Custom': 'c' }, body: 'payload' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('got PUT /a/b?x=1&x=2');
    expect(r.headers['x-backend']).toBe('yes');
    const seen = b.seen.at(-1)!;
    expect(seen.headers['x-custom']).toBe('c');
    expect(seen.body).toBe('payload');
  });

  // AWS docs "Parameter mapping source reference for REST APIs" and "Set up stage variables for REST APIs" (stage variables in the URI).
  it('maps path, query and header parameters and the response header; stage variables fill the URI', async () => {
    const r = await call(`${s.url}/prod/mapped/7`, { headers: { 'X-Me': 'tester' } });
    expect(r.status).toBe(200);
    expect(r.body).toBe('got POST /items/7?from=gateway');
    expect(r.headers['x-from-backend']).toBe('yes');
    const seen = b.seen.at(-1)!;
    expect(seen.headers['x-caller']).toBe('tester');
    expect(seen.body).toBe('{"id": "7"}');
  });

  // AWS docs "Integration responses for REST APIs": for HTTP integrations the selection pattern matches the status code.
  it('selects the integration response by the backend status', async () => {
    const r = await call(`${s.url}/prod/fail`);
    expect(r.status).toBe(502);
    expect(r.body).toBe('{"backend": "down"}');
  });

  // AWS docs "Amazon API Gateway quotas": integration timeout → 504 Endpoint request timed out.
  it('answers 504 when the backend is slower than timeoutInMillis', async () => {
    const r = await call(`${s.url}/prod/slow`);
    expect(r.status).toBe(504);
    expect(r.body).toBe('{"message":"Endpoint request timed out"}');
    expect(s.logs.some((l) => l.includes('did not answer within 100 ms'))).toBe(true);
  });

  // AWS docs "Set up API Gateway private integrations"; the target URL comes from serve.vpcLinks (local stand-in for the link).
  it('sends VPC link routes to the URL configured for the connection, and names a missing one', async () => {
    expect((await call(`${s.url}/prod/private`)).body).toBe('got GET /private/x');
    const r = await call(`${s.url}/prod/private2`);
    expect(r.status).toBe(500);
    expect(s.logs.some((l) => l.includes('set serve.vpcLinks.nolink'))).toBe(true);
  });
});

// AWS docs "Set up mock integrations in API Gateway".
describe('MOCK integration', () => {
  // AWS docs "Set up mock integrations in API Gateway": the request template's statusCode selects the integration response.
  it('takes the status from the request template and maps it through the integration responses', async () => {
    const s = await serveSpec(restSpec({
      '/mock': {
        get: {
          ...ok,
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '#if($input.params(\'fail\') == "yes"){"statusCode": 500}#else{"statusCode": 200}#end' },
            responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }, '5\\d\\d': { statusCode: '503', responseTemplates: { 'application/json': '{"ok": false}' } } },
          },
        },
      },
    }));
    try {
      const good = await call(`${s.url}/local/mock`);
      expect([good.status, good.body]).toEqual([200, '{"ok": true}']);
      const bad = await call(`${s.url}/local/mock?fail=yes`);
      expect([bad.status, bad.body]).toEqual([503, '{"ok": false}']);
    } finally {
      await s.close();
    }
  });
});

// AWS docs "Tutorial: Create a REST API as an Amazon SQS proxy" (action URIs, SigV4-signed by the gateway).
describe('AWS service integration', () => {
  const spec = restSpec({
    '/queue': {
      post: {
        ...ok,
        'x-amazon-apigateway-integration': {
          type: 'aws',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:eu-west-1:sqs:action/SendMessage',
          credentials: 'arn:aws:iam::123456789012:role/sqs',
          requestTemplates: { 'application/json': 'QueueUrl=http://q/1&MessageBody=$util.urlEncode($input.body)' },
          responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"sent": true}' } } },
        },
      },
    },
  });

  // AWS docs "Tutorial: Create a REST API as an Amazon SQS proxy": action URIs, a form body, SigV4 (Signature Version 4 signing process).
  it('signs the rendered request and sends it to serve.awsEndpoint', async () => {
    const b = await backend(() => ({ body: '<SendMessageResponse/>' }));
    const s = await serveSpec(spec, { config: { serve: { awsEndpoint: b.url } } });
    try {
      const r = await call(`${s.url}/local/queue`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
      expect([r.status, r.body]).toEqual([200, '{"sent": true}']);
      const seen = b.seen.at(-1)!;
      expect(seen.url).toBe('/?Action=SendMessage');
      expect(seen.body).toBe('QueueUrl=http://q/1&MessageBody=%7B%22a%22%3A1%7D');
      expect(seen.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/eu-west-1\/sqs\/aws4_request, SignedHeaders=/);
      expect(seen.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    } finally {
      await s.close();
      await b.close();
    }
  });

  // This gateway's documented behaviour (README): nowhere to send it is an integration failure, 500 Internal server error.
  it('answers 500 naming serve.awsEndpoint when it is not set', async () => {
    const s = await serveSpec(spec);
    try {
      const r = await call(`${s.url}/local/queue`, { method: 'POST', body: '{}' });
      expect(r.status).toBe(500);
      expect(r.json()).toEqual({ message: 'Internal server error' });
      expect(s.logs.some((l) => l.includes('sqs SendMessage: AWS service integrations need serve.awsEndpoint'))).toBe(true);
    } finally {
      await s.close();
    }
  });
});
