// The whole-request cases of the AWS-recorded VTL corpus (../shared/corpus/vtl/cases.json,
// phase request+response): request template → MOCK or an echo HTTP backend → response
// template, run end to end through serve. Each case names its AWS recording in `source`.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../model/helpers.js';
import { call, restSpec, serveSpec } from './helpers.js';

interface Case {
  name: string;
  integration: 'MOCK' | 'HTTP';
  phase: string;
  docsSuspect?: boolean;
  template: { request: string; response: string | null };
  input: { body: string | null; headers: Record<string, string>; query: Record<string, string>; path: Record<string, string>; stageVariables: Record<string, string>; method: string; resourcePath: string };
  expected: { statusCode: number; body?: string; json?: unknown; headers?: Record<string, string> };
  compare: 'exact' | 'json';
}

const file = join(sharedDir, 'corpus/vtl/cases.json');
const cases: Case[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] }).cases.filter((c) => c.phase === 'request+response' && !c.docsSuspect) : [];
if (cases.length === 0) console.log('skipped: ../shared/corpus/vtl/cases.json is absent');

let echo: Server;
let echoUrl = '';
beforeAll(async () => {
  // The recordings' backend: a function URL that returns the request body unchanged.
  echo = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.end(Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/echo`;
});
afterAll(() => new Promise<void>((r) => echo.close(() => r())));

describe.skipIf(cases.length === 0)('VTL round trips recorded on AWS', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const integration: Record<string, unknown> = {
      type: c.integration === 'MOCK' ? 'mock' : 'http',
      requestTemplates: { 'application/json': c.template.request },
      responses: { default: { statusCode: '200', ...(c.template.response !== null ? { responseTemplates: { 'application/json': c.template.response } } : {}) } },
      ...(c.integration === 'HTTP' ? { uri: echoUrl, httpMethod: 'POST' } : {}),
    };
    const parameters = Object.keys(c.input.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const spec = restSpec({ [c.input.resourcePath]: { [c.input.method.toLowerCase()]: { parameters, responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': integration } } });
    const s = await serveSpec(spec, { config: { stages: { test: { variables: c.input.stageVariables } } } });
    try {
      const path = c.input.resourcePath.replace(/\{(\w+)\}/g, (_, n: string) => encodeURI(c.input.path[n]!));
      const query = new URLSearchParams(c.input.query).toString();
      const r = await call(`${s.url}/test${path}${query ? `?${query}` : ''}`, { method: c.input.method, headers: c.input.headers, ...(c.input.body !== null ? { body: c.input.body } : {}) });
      expect(r.status, s.logs.join('\n')).toBe(c.expected.statusCode);
      if (c.compare === 'exact') expect(r.body).toBe(c.expected.body);
      else expect(r.json()).toEqual(c.expected.json);
      for (const [k, v] of Object.entries(c.expected.headers ?? {})) expect(r.headers[k.toLowerCase()]).toBe(v);
    } finally {
      await s.close();
    }
  });
});
