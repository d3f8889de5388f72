// The HTTP front end (node:http): reads a request within bounds, hands it to the current
// gateway, writes the answer, logs it. Untrusted clients cannot hold memory or time without
// bound: the request line and headers together are at most MAX_HEADER_BYTES (Node answers 431),
// headers must arrive within HEADERS_TIMEOUT_MS and the whole request within
// REQUEST_TIMEOUT_MS (Node answers 408), a body over MAX_BODY_BYTES is answered 413 without
// being kept, and a client that goes away mid-body is dropped.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApigwError } from '../errors.js';
import { accessLogLine } from './access-log.js';
import type { IncomingRequest } from './context.js';
import type { Gateway } from './gateway.js';

/** API Gateway's payload quota. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_HEADER_BYTES = 16 * 1024;
export const HEADERS_TIMEOUT_MS = 10_000;
/** Above the longest integration timeout (HTTP APIs: 30 s), so a slow backend is the gateway's 504, not a 408. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** How long a shutdown waits for in-flight requests before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  /** Swap the gateway (a reload): requests already started finish with the one they began with. */
  setGateway(gateway: Gateway): void;
  /** Stop accepting, let in-flight requests finish (bounded), close. */
  close(): Promise<void>;
}

export async function startServer(initial: Gateway, options: { host: string; port: number; accessLog: (line: string) => void }): Promise<RunningServer> {
  let gateway = initial;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
    inFlight++;
    void serveOne(gateway, req, res, options.accessLog).finally(() => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Malformed requests and header overflows: answer as Node does, never crash.
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new ApigwError('IO_ERROR', `cannot listen on ${options.host}:${options.port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (--port picks another)' : (e.code ?? e.message)}`)));
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    setGateway: (next) => {
      gateway = next;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await new Promise<void>((resolve) => (drained = resolve));
        clearTimeout(timer);
      }
      server.closeIdleConnections();
      await closed;
    },
  };
}

async function serveOne(gateway: Gateway, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  const body = await readBody(req);
  if (body === 'aborted') return;
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const request: IncomingRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: pairs(req.rawHeaders),
    body: body === 'too-large' ? Buffer.alloc(0) : body,
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${req.httpVersion}`,
  };
  const { response, ctx } = await gateway.handle(request, body === 'too-large');
  if (res.destroyed) return;
  const headers: string[] = [];
  for (const [k, v] of response.headers) if (isValidHeader(k, v)) headers.push(k, v);
  headers.push('Content-Length', String(response.body.length));
  // A rejected oversized body was not read: close rather than read it to find the next request.
  if (body === 'too-large') headers.push('Connection', 'close');
  res.writeHead(response.status, headers);
  res.end(response.body);
  log(accessLogLine(ctx, response));
}

/** The body, bounded; 'too-large' past MAX_BODY_BYTES; 'aborted' when the client went away. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('aborted', () => resolve('aborted'));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => {
      if (!req.complete) resolve('aborted');
    });
  });
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** A header a function or backend returned that HTTP cannot carry is dropped, not a crash. */
function isValidHeader(name: string, value: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && !/[\r\n\0]/.test(value) && name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'transfer-encoding';
}
