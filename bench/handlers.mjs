#!/usr/bin/env node
// Times the handlers emitter (emitHandlers) on the large real specs, each run in a fresh Node
// process (cold JIT, as a CLI build is). load + normalize run first and are not counted.
// Neither spec has Lambda integrations, so every route lands in the one default function: the
// worst case for a single generated module. Target: Stripe emit < 1.5 s (part of `build`).
//   node bench/handlers.mjs   (reads dist/, rebuilt by bin/build.js when stale)

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '../shared');
const SPECS = {
  stripe: path.join(shared, 'specs/stripe/openapi.yaml'),
  digitalocean: path.join(shared, 'specs/digitalocean/DigitalOcean-public.v2.yaml'),
};
const TARGET_MS = { stripe: 1500 };

async function measureOnce(spec) {
  const dist = (p) => pathToFileURL(path.join(repo, 'dist', p)).href;
  const { load } = await import(dist('load/index.js'));
  const { normalize } = await import(dist('model/index.js'));
  const { emitHandlers } = await import(dist('emit/handlers/index.js'));
  const document = await load(spec);
  const api = normalize(document);
  const start = process.hrtime.bigint();
  const files = emitHandlers(api, { document, config: {} });
  const emitMs = Number(process.hrtime.bigint() - start) / 1e6;
  let bytes = 0;
  for (const f of files.values()) bytes += f.content.length;
  process.stdout.write(JSON.stringify({ emitMs, files: files.size, bytes, routes: api.routes.length }));
}

async function main() {
  const { distIsFresh } = await import(pathToFileURL(path.join(repo, 'bin/dist-build.js')).href);
  if (!existsSync(path.join(repo, 'dist/emit/handlers/index.js')) || !distIsFresh()) execFileSync(process.execPath, [path.join(repo, 'bin/build.js')], { stdio: 'ignore' });
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  for (const [name, spec] of Object.entries(SPECS)) {
    if (!existsSync(spec)) {
      console.log(`handlers ${name}: skipped (${spec} not found)`);
      continue;
    }
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--once', spec], { encoding: 'utf8' })));
    const times = samples.map((s) => s.emitMs).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const target = TARGET_MS[name];
    const verdict = target === undefined ? '' : median < target ? ` — target < ${target} ms MET` : ` — target < ${target} ms MISSED`;
    const s = samples[0];
    console.log(`handlers ${name}: emitHandlers median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, ${runs} cold runs), ${s.routes} routes → ${s.files} files, ${(s.bytes / 1e6).toFixed(2)} MB${verdict}`);
  }
}

const onceAt = process.argv.indexOf('--once');
if (onceAt !== -1) await measureOnce(process.argv[onceAt + 1]);
else await main();
