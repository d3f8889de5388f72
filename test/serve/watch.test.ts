// `apigw-gen serve --watch`: a change to the spec, the config or a handler reloads what changed,
// in the same process, without dropping a request in flight, and says so in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildDist } from '../cli/helpers.js';
import { call } from './helpers.js';

const spec = (extraPath = '') => `openapi: 3.0.1
info: { title: watched, version: "1" }
paths:
  /hello:
    get:
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Hello/invocations
${extraPath}`;
const NEW_ROUTE = `  /added:
    get:
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: { application/json: '{"statusCode": 200}' }
        responses: { default: { statusCode: "200", responseTemplates: { application/json: '{"added": true}' } } }
`;
const handler = (text: string, delayMs = 0) => `import { suffix } from './suffix.mjs';
export const handler = async (event) => {
  if (event.queryStringParameters?.slow) await new Promise((r) => setTimeout(r, ${delayMs}));
  return { statusCode: 200, body: ${JSON.stringify(text)} + suffix };
};
`;

let dir = '';
let child: ChildProcess;
let output = '';
let base = '';

const waitFor = (test: () => boolean, what: string, ms = 30_000) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { clearInterval(poll); reject(new Error(`timed out waiting for ${what}:\n${output}`)); }, ms);
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 25);
  });
const reloads = () => output.split('\n').filter((l) => l.startsWith('apigw-gen serve: reloaded')).length;

beforeAll(async () => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'apigw-gen-serve-watch-'));
  writeFileSync(join(dir, 'openapi.yaml'), spec());
  writeFileSync(join(dir, 'hello.mjs'), handler('v1', 1500));
  writeFileSync(join(dir, 'suffix.mjs'), "export const suffix = '';\n");
  writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ stages: { dev: {} }, serve: { functions: { Hello: './hello.mjs#handler' } } }));
  child = spawn(process.execPath, [bin, 'serve', 'openapi.yaml', '--port', '0', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(() => /at http:\/\/127\.0\.0\.1:\d+\/dev\n/.test(output), 'the ready line', 60_000);
  base = /at (http:\/\/127\.0\.0\.1:\d+\/dev)\n/.exec(output)![1]!;
  // Let the watchers arm before the first change.
  await new Promise((r) => setTimeout(r, 300));
}, 90_000);

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});

describe('serve --watch', () => {
  it('reloads a changed spec without restarting', async () => {
    expect((await call(`${base}/added`)).status).toBe(403);
    const pid = child.pid;
    writeFileSync(join(dir, 'openapi.yaml'), spec(NEW_ROUTE));
    await waitFor(() => reloads() === 1, 'the reload line');
    expect(output).toContain('apigw-gen serve: reloaded watched: 2 routes, 1 function');
    const r = await call(`${base}/added`);
    expect([r.status, r.body]).toEqual([200, '{"added": true}']);
    expect(child.pid).toBe(pid);
  }, 40_000);

  it('reloads a changed handler, and a request in flight finishes on the old code', async () => {
    expect((await call(`${base}/hello`)).body).toBe('v1');
    const inFlight = call(`${base}/hello?slow=1`);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(dir, 'hello.mjs'), handler('v2'));
    await waitFor(() => reloads() === 2, 'the second reload line');
    const old = await inFlight;
    expect([old.status, old.body]).toEqual([200, 'v1']);
    expect((await call(`${base}/hello`)).body).toBe('v2');
  }, 40_000);

  it('reloads when a file the handler imports changes', async () => {
    writeFileSync(join(dir, 'suffix.mjs'), "export const suffix = '!';\n");
    await waitFor(() => reloads() === 3, 'the third reload line');
    expect((await call(`${base}/hello`)).body).toBe('v2!');
  }, 40_000);

  it('keeps serving the last good version when the spec breaks, and says so', async () => {
    writeFileSync(join(dir, 'openapi.yaml'), 'openapi: 3.0.1\ninfo: [broken\n');
    await waitFor(() => output.includes('reload failed; still serving the previous version'), 'the failure line');
    expect(output).toMatch(/openapi\.yaml:\d+:\d+: /);
    expect((await call(`${base}/added`)).status).toBe(200);
  }, 40_000);

  it('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code, output).toBe(0);
  });
});
