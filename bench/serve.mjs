#!/usr/bin/env node
// `apigw-gen serve` under load (issue 12): autocannon against one Lambda-proxy route whose handler
// answers `{"hello":"world"}`, on 127.0.0.1 only, BENCH_SERVE_SECONDS (10) per target after a
// short warm-up, BENCH_SERVE_CONNECTIONS (10) connections. Targets, each its own process:
//   apigw-gen    `node bin/apigw-gen.js serve <spec> --port N --config <cfg>`; when this checkout's
//                CLI has no serve command yet, a node:http harness that builds the proxy event and
//                invokes the function through the same Lambda runtime (src/serve/lambda), said so;
//   offline      serverless v3 + serverless-offline running the same handler, installed on first use
//                with `npm install --ignore-scripts` into <tmpdir>/apigw-gen-bench-serverless (not
//                the project), reused afterwards;
//   bare         a node:http server calling the handler in its own heap (the floor).
// Reports req/s, p50/p99 latency and the server's RSS after the run (VmRSS; peak VmHWM), then the
// targets: apigw-gen ≥ 5× serverless-offline's req/s, p99 ≤ 2× the bare server's, and startup on
// the Stripe spec (until the port answers) < 1 s.
import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'bin/apigw-gen.js');
const STRIPE = resolve(root, '../shared/specs/stripe/openapi.yaml');
const SECONDS = Number(process.env.BENCH_SERVE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SERVE_CONNECTIONS ?? 10);
const WARMUP_SECONDS = 2;
/** How long a server may take to answer its first request before the target counts as failed. */
const START_TIMEOUT_MS = 120_000;
const SLS_DIR = join(tmpdir(), 'apigw-gen-bench-serverless');
const SLS_PACKAGES = ['serverless@3', 'serverless-offline@13'];

const HANDLER = `exports.handler = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });\n`;

const SPEC = `openapi: 3.0.1
info: { title: bench, version: '1' }
paths:
  /hello:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:HelloFunction/invocations
`;

const CONFIG = `serve:
  functions:
    HelloFunction: ./handler.js#handler
`;

const SERVERLESS_YML = `service: bench
frameworkVersion: '3'
provider: { name: aws, runtime: nodejs20.x }
plugins: [serverless-offline]
functions:
  hello:
    handler: handler.handler
    events: [{ http: { path: hello, method: get } }]
`;

const BARE = `const http = require('node:http');
const { handler } = require('./handler.js');
const server = http.createServer(async (req, res) => {
  const result = await handler({ httpMethod: req.method, path: req.url, headers: req.headers }, {});
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
});
server.listen(Number(process.argv[2]), '127.0.0.1');
`;

/** The fallback for (a): the proxy event the gateway would build, through the runtime serve uses. */
const HARNESS = `import http from 'node:http';
import { randomUUID } from 'node:crypto';
const { createLambdaRuntime } = await import(process.argv[3]);
const runtime = createLambdaRuntime([{ name: 'HelloFunction', module: process.argv[4], exportName: 'handler', timeoutMs: 3000, environment: {} }]);
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const url = new URL(req.url, 'http://localhost');
    const requestId = randomUUID();
    const event = { resource: '/hello', path: url.pathname, httpMethod: req.method, headers: req.headers, multiValueHeaders: {}, queryStringParameters: null,
      multiValueQueryStringParameters: null, pathParameters: null, stageVariables: null, requestContext: { requestId, stage: 'local', httpMethod: req.method, path: url.pathname },
      body: chunks.length ? Buffer.concat(chunks).toString() : null, isBase64Encoded: false };
    const outcome = await runtime.invoke('HelloFunction', event, { requestId });
    if (outcome.kind !== 'ok') { res.writeHead(502, { 'content-type': 'application/json' }); res.end('{"message": "Internal server error"}'); return; }
    const r = outcome.payload;
    res.writeHead(r.statusCode, r.headers);
    res.end(r.body);
  });
});
server.listen(Number(process.argv[2]), '127.0.0.1');
`;

if (!existsSync(join(root, 'node_modules/autocannon'))) {
  console.log('skipped: autocannon is not installed (npm ci)');
} else {
  await main();
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'apigw-gen-serve-bench-'));
  try {
    writeFileSync(join(work, 'handler.js'), HANDLER);
    writeFileSync(join(work, 'openapi.yaml'), SPEC);
    writeFileSync(join(work, 'apigw-gen.config.yaml'), CONFIG);
    writeFileSync(join(work, 'bare.cjs'), BARE);
    writeFileSync(join(work, 'harness.mjs'), HARNESS);

    const results = [];
    const hasServe = cliHasServe();
    const apigwLabel = hasServe ? 'apigw-gen serve' : 'apigw-gen runtime (harness)';
    if (!hasServe) console.log('note: this checkout\'s CLI has no serve command: (a) is a node:http harness over the same Lambda runtime');
    results.push(await measure(apigwLabel, (port) =>
      hasServe
        ? [process.execPath, [CLI, 'serve', join(work, 'openapi.yaml'), '--port', String(port), '--config', join(work, 'apigw-gen.config.yaml')], work]
        : [process.execPath, [join(work, 'harness.mjs'), String(port), pathToFileURL(join(root, 'dist/serve/lambda/index.js')).href, join(work, 'handler.js')], work],
    ));
    const sls = installServerless();
    if (sls.error !== undefined) {
      console.log(`serverless-offline: not measured: ${sls.error}`);
      results.push(undefined);
    } else {
      writeFileSync(join(work, 'serverless.yml'), SERVERLESS_YML);
      results.push(await measure('serverless-offline', (port) => [
        process.execPath,
        [sls.script, 'offline', 'start', '--host', '127.0.0.1', '--httpPort', String(port), '--lambdaPort', String(port + 1), '--noPrependStageInUrl'],
        work,
      ], { env: { SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', SLS_DEPRECATION_DISABLE: '*' }, ports: 2 }));
    }
    results.push(await measure('bare node:http', (port) => [process.execPath, [join(work, 'bare.cjs'), String(port)], work]));

    console.log('');
    console.log(`${'target'.padEnd(30)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'RSS MB'.padStart(7)} ${'peak MB'.padStart(8)} ${'non-2xx'.padStart(8)}`);
    for (const r of results.filter(Boolean)) {
      console.log(`${r.label.padEnd(30)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${r.rssMb.toFixed(0).padStart(7)} ${r.peakMb.toFixed(0).padStart(8)} ${String(r.bad).padStart(8)}`);
    }

    const [apigw, offline, bare] = results;
    const startup = await stripeStartup(hasServe, work);
    console.log('');
    if (offline) verdict(`req/s ≥ 5× serverless-offline (${(5 * offline.rps).toFixed(0)})`, apigw.rps >= 5 * offline.rps, `${apigw.rps.toFixed(0)}: ${(apigw.rps / offline.rps).toFixed(1)}×`);
    else console.log('req/s ≥ 5× serverless-offline: NOT MEASURED');
    verdict(`p99 ≤ 2× the bare server's (${2 * bare.p99} ms)`, apigw.p99 <= 2 * bare.p99, `${apigw.p99} ms`);
    if (startup === undefined) console.log(`startup on the Stripe spec < 1 s: NOT MEASURED (${existsSync(STRIPE) ? 'no serve command' : `${STRIPE} not found`})`);
    else verdict('startup on the Stripe spec < 1 s', startup < 1000, `${startup.toFixed(0)} ms`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function verdict(what, met, actual) {
  console.log(`${met ? 'MET   ' : 'MISSED'} ${what}: ${actual}`);
}

function cliHasServe() {
  const r = spawnSync(process.execPath, [CLI, '--help'], { cwd: root, encoding: 'utf8' });
  return /^\s*apigw-gen serve\b/m.test(r.stdout ?? '');
}

/** `{ script }`: serverless's CLI, installed once into SLS_DIR; or `{ error }`: why it cannot be. */
function installServerless() {
  const script = join(SLS_DIR, 'node_modules/serverless/bin/serverless.js');
  if (existsSync(script) && existsSync(join(SLS_DIR, 'node_modules/serverless-offline'))) return { script };
  mkdirSync(SLS_DIR, { recursive: true });
  writeFileSync(join(SLS_DIR, 'package.json'), '{ "name": "apigw-gen-bench-serverless", "private": true }\n');
  console.log(`installing ${SLS_PACKAGES.join(' ')} into ${SLS_DIR} (npm install --ignore-scripts; minutes on first use)`);
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', ...SLS_PACKAGES], { cwd: SLS_DIR, encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0 || !existsSync(script)) return { error: `npm install failed: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ')}` };
  return { script };
}

async function freePort(count = 1) {
  for (;;) {
    const port = await new Promise((res, rej) => {
      const s = createServer().once('error', rej).listen(0, '127.0.0.1', () => {
        const p = s.address().port;
        s.close(() => res(p));
      });
    });
    if (count === 1 || (await portIsFree(port + 1))) return port;
  }
}

function portIsFree(port) {
  return new Promise((res) => {
    const s = createServer().once('error', () => res(false)).listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

/** Milliseconds until `url` answers any HTTP response, polling; throws after START_TIMEOUT_MS or when the process ends. */
async function waitUntilAnswering(url, child, started) {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('the server exited before answering');
    try {
      await answered(url);
      return performance.now() - started;
    } catch {
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`no answer within ${START_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

function answered(url) {
  return new Promise((res, rej) => {
    const req = get(url, (response) => response.resume().on('end', res));
    req.setTimeout(2000, () => req.destroy(new Error('no answer')));
    req.on('error', rej);
  });
}

function start(command, args, cwd, env = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output: () => output };
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    child.once('exit', res);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function measure(label, commandFor, options = {}) {
  const port = await freePort(options.ports ?? 1);
  const [command, args, cwd] = commandFor(port);
  const url = `http://127.0.0.1:${port}/hello`;
  const { child, output } = start(command, args, cwd, options.env);
  try {
    const startup = await waitUntilAnswering(url, child, performance.now());
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
    const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
    const memory = memoryOf(child.pid);
    const result = { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts, startup, ...memory };
    console.log(`${label}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, RSS ${result.rssMb.toFixed(0)} MB (first answer after ${startup.toFixed(0)} ms)`);
    return result;
  } catch (error) {
    throw new Error(`${label}: ${error.message}\n${output()}`, { cause: error });
  } finally {
    await stop(child);
  }
}

/** `apigw-gen serve` on the Stripe spec: from spawn until the port answers (any status). */
async function stripeStartup(hasServe, work) {
  if (!hasServe || !existsSync(STRIPE)) return undefined;
  const port = await freePort();
  const started = performance.now();
  const { child, output } = start(process.execPath, [CLI, 'serve', STRIPE, '--port', String(port), '--config', join(work, 'apigw-gen.config.yaml')], work);
  try {
    return await waitUntilAnswering(`http://127.0.0.1:${port}/`, child, started);
  } catch (error) {
    console.log(`startup on the Stripe spec failed: ${error.message}\n${output()}`);
    return undefined;
  } finally {
    await stop(child);
  }
}
