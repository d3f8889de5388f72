#!/usr/bin/env node
// SDK generation on Stripe vs openapi-typescript (types only), in the same run:
//   apigw-gen build <stripe> --targets sdk    (types + client + runtime + README)
//   apigw-gen build <stripe>                  (all targets)
//   openapi-typescript <stripe> -o <tmp>      (types only)
// Each measurement is its own process; runs alternate between the three so machine noise spreads
// alike. Time is from just before the tool's CLI module is imported to process exit (Node
// start-up excluded for all three alike; apigw-gen runs from dist/, which `npm run bench` builds
// first); peak memory is the process's max RSS. apigw-gen runs
// with --no-lint (Stripe does not pass API Gateway's model-name rules, and lint is not the
// subject here) and into an empty folder each time (a cold, full write).
// Target (issue 4): SDK target median <= openapi-typescript median.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliEntry } from '../bin/dist-build.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STRIPE = resolve(root, '../shared/specs/stripe/openapi.yaml');

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv.slice(5));
} else if (process.argv[2] === '--warm') {
  await warmRebuild(process.argv[3]);
} else {
  await main();
}

/** Runs a CLI script in this process with the given argv; records time and peak RSS at exit. */
async function child(resultFile, script, args) {
  process.argv = [process.argv[0], script, ...args];
  const started = process.hrtime.bigint();
  process.on('exit', (code) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    writeFileSync(resultFile, JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, code }));
  });
  if (script.endsWith('main.js')) {
    // apigw-gen: the bundled CLI's main directly (bin/apigw-gen.js would first check, and maybe rebuild, dist/).
    const { main } = await import(pathToFileURL(script).href);
    process.exitCode = await main(args);
  } else {
    await import(pathToFileURL(script).href);
  }
}

/**
 * What `build --watch` pays after a save: in one process, a cold build of the SDK, then rebuilds
 * after editing one operation's summary in a copy of the spec (load → normalize → emitSdk → write,
 * the writer skipping unchanged files). Prints JSON.
 */
async function warmRebuild(work) {
  const imp = (p) => import(pathToFileURL(join(root, p)).href);
  const [{ load }, { normalize }, { emitSdk }, { write }] = await Promise.all([imp('dist/load/index.js'), imp('dist/model/index.js'), imp('dist/emit/sdk/index.js'), imp('dist/output/index.js')]);
  const spec = join(work, 'openapi.yaml');
  const original = readFileSync(STRIPE, 'utf8');
  writeFileSync(spec, original);
  const out = join(work, 'warm-out');
  const build = async () => {
    const started = process.hrtime.bigint();
    const document = await load(spec);
    const result = write({ sdk: emitSdk(normalize(document), { document, config: {} }) }, out);
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, changed: result.changed.length + result.added.length };
  };
  const cold = await build();
  const edits = [];
  // One operation gains a summary (Stripe's operations have none), as a user would type it.
  const anchor = original.indexOf('\n      operationId: ');
  const lineEnd = original.indexOf('\n', anchor + 1);
  for (let i = 1; i <= 5; i++) {
    writeFileSync(spec, `${original.slice(0, lineEnd)}\n      summary: edited summary ${i}${original.slice(lineEnd)}`);
    edits.push(await build());
  }
  process.stdout.write(JSON.stringify({ cold, edits }));
}

function dirSize(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

async function main() {
  if (!existsSync(STRIPE)) {
    console.log(`skipped: ${STRIPE} not found`);
    return;
  }
  let cli;
  try {
    cli = cliEntry();
  } catch {
    console.error('sdk bench: the CLI is not built; run `node bin/build.js` (npm run bench does)');
    process.exitCode = 1;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'apigw-bench-sdk-'));
  const oats = join(root, 'node_modules/openapi-typescript/bin/cli.js');
  const cases = [
    { name: 'apigw-gen build --targets sdk', script: cli, out: join(work, 'sdk'), args: (out) => ['build', STRIPE, '--no-lint', '--targets', 'sdk', '--out', out], size: (out) => dirSize(join(out, 'sdk')) },
    { name: 'apigw-gen build (all targets)', script: cli, out: join(work, 'all'), args: (out) => ['build', STRIPE, '--no-lint', '--out', out], size: (out) => dirSize(out) },
    { name: 'openapi-typescript (types only)', script: oats, out: join(work, 'oats.ts'), args: (out) => [STRIPE, '-o', out], size: (out) => statSync(out).size },
  ].filter((c) => {
    if (existsSync(c.script)) return true;
    console.log(`skipped ${c.name}: ${c.script} not found`);
    return false;
  });

  const results = new Map(cases.map((c) => [c, []]));
  const sizes = new Map();
  for (let run = 0; run < RUNS; run++) {
    for (const c of cases) {
      rmSync(c.out, { recursive: true, force: true });
      const resultFile = join(work, 'result.json');
      rmSync(resultFile, { force: true });
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', resultFile, c.script, ...c.args(c.out)], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
      const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
      if (r.status !== 0 || !result || result.code !== 0) {
        console.error(`sdk bench: ${c.name} failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
        process.exitCode = 1;
        rmSync(work, { recursive: true, force: true });
        return;
      }
      results.get(c).push(result);
      sizes.set(c, c.size(c.out));
    }
  }
  const warm = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm', work], { encoding: 'utf8', cwd: root, maxBuffer: 16 << 20 });
  rmSync(work, { recursive: true, force: true });

  console.log(`Stripe (${(statSync(STRIPE).size / 1e6).toFixed(1)} MB spec), ${RUNS} runs each, alternating, one process per run`);
  const medians = new Map();
  for (const [c, runs] of results) {
    const seconds = median(runs.map((r) => r.seconds));
    const mb = median(runs.map((r) => r.peakMb));
    medians.set(c.name, seconds);
    const range = `${Math.min(...runs.map((r) => r.seconds)).toFixed(2)}–${Math.max(...runs.map((r) => r.seconds)).toFixed(2)} s`;
    console.log(`  ${c.name.padEnd(34)} median ${seconds.toFixed(2)} s (${range})  peak RSS median ${mb.toFixed(0)} MB  output ${(sizes.get(c) / 1e6).toFixed(2)} MB`);
  }
  if (warm.status === 0) {
    const { cold, edits } = JSON.parse(warm.stdout);
    const m = median(edits.map((e) => e.seconds));
    console.log(`  watch-style rebuild in one process (load → normalize → emitSdk → write): first ${cold.seconds.toFixed(2)} s, after a one-operation edit median ${m.toFixed(2)} s over ${edits.length} edits (${(m / cold.seconds * 100).toFixed(0)}% of the first), files rewritten per edit: ${edits.map((e) => e.changed).join(', ')}`);
  } else {
    console.error(`sdk bench: warm rebuild failed:\n${warm.stderr.slice(0, 2000)}`);
  }
  const base = medians.get('openapi-typescript (types only)');
  const sdk = medians.get('apigw-gen build --targets sdk');
  const all = medians.get('apigw-gen build (all targets)');
  if (base !== undefined && sdk !== undefined) {
    console.log(`  ratio sdk / openapi-typescript: ${(sdk / base).toFixed(2)}${all !== undefined ? `   all targets / openapi-typescript: ${(all / base).toFixed(2)}` : ''}`);
    console.log(`  target: full SDK <= openapi-typescript's time for types alone: ${sdk <= base ? 'MET' : 'MISSED'}`);
    if (sdk > base) console.log('  (a missed target is reported, not failed: timing depends on the machine and its load)');
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
