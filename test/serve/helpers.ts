// Conformance-test harness: a spec (object) served by the real gateway on 127.0.0.1 (port 0),
// with handlers run by a test double of the Lambda runtime (same interface, in-process), and a
// raw HTTP client that shows exactly what went over the socket.

import { request as httpRequest } from 'node:http';
import { normalize } from '../../src/model/index.js';
import type { Config } from '../../src/config/types.js';
import type { InvokeOutcome, LambdaRuntime } from '../../src/serve/lambda/index.js';
import { startGateway, type RunningGateway } from '../../src/serve/index.js';
import { documentOf } from '../model/helpers.js';

export type Handler = (event: any) => unknown;

/** The runtime's contract, in-process: thrown errors are handler errors, results JSON round-tripped. */
export function fakeRuntime(handlers: Record<string, Handler>): LambdaRuntime & { events: Record<string, unknown[]> } {
  const events: Record<string, unknown[]> = {};
  return {
    events,
    async invoke(name, event): Promise<InvokeOutcome> {
      (events[name] ??= []).push(event);
      const handler = handlers[name];
      if (!handler) return { kind: 'error', errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${name}`, trace: [], cause: 'runtime' };
      try {
        const result = await handler(JSON.parse(JSON.stringify(event)));
        return { kind: 'ok', payload: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
      } catch (e) {
        const err = e as Error;
        if (err.name === 'Sandbox.Timedout') return { kind: 'error', errorType: 'Sandbox.Timedout', errorMessage: err.message, trace: [], cause: 'timeout' };
        return { kind: 'error', errorType: err.name, errorMessage: err.message, trace: (err.stack ?? '').split('\n'), cause: 'handler' };
      }
    },
    reload: async () => undefined,
    close: async () => undefined,
  };
}

export interface Served extends RunningGateway {
  logs: string[];
  runtime: ReturnType<typeof fakeRuntime>;
}

export async function serveSpec(spec: Record<string, unknown>, options: { handlers?: Record<string, Handler>; config?: Config; apiType?: 'rest' | 'http' } = {}): Promise<Served> {
  const api = normalize(documentOf(spec), options.apiType ? { apiType: options.apiType } : {});
  const runtime = fakeRuntime(options.handlers ?? {});
  const logs: string[] = [];
  const gateway = await startGateway({
    api,
    config: options.config ?? {},
    runtime,
    functions: Object.keys(options.handlers ?? {}),
    host: '127.0.0.1',
    port: 0,
    log: (line) => logs.push(line),
    accessLog: (line) => logs.push(`access ${line}`),
  });
  return Object.assign(gateway, { logs, runtime });
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Header names and values exactly as sent, in order. */
  rawHeaders: [string, string][];
  body: string;
  bytes: Buffer;
  json(): any;
}

export function call(url: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const raw: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) raw.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: raw, bytes, body: bytes.toString('utf8'), json: () => JSON.parse(bytes.toString('utf8')) });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A REST API (OpenAPI 3) with the given paths. */
export function restSpec(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.1', info: { title: 'conformance', version: '1' }, paths, ...extra };
}

/** An HTTP API (OpenAPI 3 with x-amazon-apigateway-importexport-version). */
export function httpSpec(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.1', info: { title: 'conformance-http', version: '1' }, 'x-amazon-apigateway-importexport-version': '1.0', paths, ...extra };
}

export const lambdaUri = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;

export const proxyTo = (name: string, extra: Record<string, unknown> = {}) => ({
  'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: lambdaUri(name), ...extra },
  responses: { '200': { description: 'ok' } },
});
