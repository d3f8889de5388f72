#!/usr/bin/env node
// Times the load stage alone on the large real specs, each in a fresh Node process (cold JIT, as a
// CLI run is), and reports wall time and peak memory (max RSS of that process).
//   node bench/load.mjs            → a table; or import { benchLoad } from './load.mjs'
// Then a watch-mode figure: in one process, a cold load with a LoadCache, one file touched (in a
// temporary copy of the spec, so ../shared is never modified), and the warm re-load.
// Reads dist/ (built by `node bin/build.js`, which this script runs when dist is stale).
//   node bench/load.mjs --lookups [runs=5] [--dist <other dist/> ...]
// times load + the source-map lookups that `apigw-gen lint` makes: the pointers of the diagnostics
// lint reports on each spec (collected once, in a separate process), looked up in a fresh process
// after a cold load. Reports CPU time (user + system, steadier than wall time on a shared machine)
// and wall time of each part, peak RSS after the load and after the lookups, and a digest of all
// looked-up positions. Each `--dist` (e.g. the dist/ of an older checkout) is measured too, runs
// alternating, so builds can be compared on the same machine state; equal digests = equal positions.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '../shared');

export const LOAD_SPECS = {
  stripe: path.join(shared, 'specs/stripe/openapi.yaml'),
  digitalocean: path.join(shared, 'specs/digitalocean/DigitalOcean-public.v2.yaml'),
};

/** One measurement in this process: load `spec`, then print JSON with the figures. */
async function measureOnce(spec) {
  const { load } = await import(pathToFileURL(path.join(repo, 'dist/load/index.js')).href);
  const start = process.hrtime.bigint();
  const loaded = await load(spec);
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
  // maxRSS is in kilobytes; it covers the whole process (Node itself is ~40 MB of it)
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const lookupStart = process.hrtime.bigint();
  loaded.sourceMap.lookup('/paths');
  const firstLookupMs = Number(process.hrtime.bigint() - lookupStart) / 1e6;
  process.stdout.write(JSON.stringify({
    loadMs,
    firstLookupMs,
    files: loaded.files.length,
    peakRssMb,
    peakRssAfterLookupMb: process.resourceUsage().maxRSS / 1024,
  }));
}

/** Files to touch between the cold and the warm load: a leaf of DigitalOcean's tree, Stripe's only file. */
const WATCH_TOUCH = {
  stripe: 'openapi.yaml',
  digitalocean: 'resources/droplets/droplets_list.yml',
};

/** One watch-mode measurement in this process: cold load with a cache, touch one file, warm re-load. */
async function measureWatch(spec, touch) {
  const { load, createLoadCache } = await import(pathToFileURL(path.join(repo, 'dist/load/index.js')).href);
  const copy = mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-watch-'));
  try {
    cpSync(path.dirname(spec), copy, { recursive: true });
    const entry = path.join(copy, path.basename(spec));
    const cache = createLoadCache();
    let start = process.hrtime.bigint();
    const cold = await load(entry, { cache });
    const coldMs = Number(process.hrtime.bigint() - start) / 1e6;
    const later = new Date(Date.now() + 10_000);
    utimesSync(path.join(copy, touch), later, later);
    cache.hits = 0;
    cache.misses = 0;
    start = process.hrtime.bigint();
    await load(entry, { cache });
    const warmMs = Number(process.hrtime.bigint() - start) / 1e6;
    // the same warm re-load without a cache, for comparison (JIT already warm)
    start = process.hrtime.bigint();
    await load(entry);
    const uncachedMs = Number(process.hrtime.bigint() - start) / 1e6;
    process.stdout.write(JSON.stringify({ coldMs, warmMs, uncachedMs, reparsed: cache.misses, reused: cache.hits, files: cold.files.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Watch-mode re-load after touching one file, per spec (one process each). */
export async function benchWatch({ specs = LOAD_SPECS } = {}) {
  await ensureDist();
  const results = [];
  for (const [name, spec] of Object.entries(specs)) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--watch-once', spec, WATCH_TOUCH[name]], { encoding: 'utf8' });
    results.push({ name, ...JSON.parse(out) });
  }
  return results;
}

async function ensureDist() {
  const { distIsFresh } = await import(pathToFileURL(path.join(repo, 'bin/dist-build.js')).href);
  if (!existsSync(path.join(repo, 'dist/load/index.js')) || !distIsFresh()) {
    execFileSync(process.execPath, [path.join(repo, 'bin/build.js')], { stdio: 'ignore' });
  }
}

/**
 * Runs `runs` cold measurements per spec; returns the median load time and the largest peak RSS.
 * @returns {Promise<Array<{ name: string, runs: number, medianLoadMs: number, minLoadMs: number, peakRssMb: number, firstLookupMs: number, files: number }>>}
 */
export async function benchLoad({ runs = 5, specs = LOAD_SPECS } = {}) {
  await ensureDist();
  const results = [];
  for (const [name, spec] of Object.entries(specs)) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--once', spec], { encoding: 'utf8' });
      samples.push(JSON.parse(out));
    }
    const times = samples.map((s) => s.loadMs).sort((a, b) => a - b);
    results.push({
      name,
      runs,
      medianLoadMs: times[Math.floor(times.length / 2)],
      minLoadMs: times[0],
      peakRssMb: Math.max(...samples.map((s) => s.peakRssMb)),
      peakRssAfterLookupMb: Math.max(...samples.map((s) => s.peakRssAfterLookupMb)),
      firstLookupMs: samples[0].firstLookupMs,
      files: samples[0].files,
    });
  }
  return results;
}

/** CPU ms (user + system) since `from`. */
const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** In this process: the pointers of the diagnostics `lint` reports on `spec` (its source-map lookups). */
async function collectPointers(spec, dist) {
  const { load } = await import(pathToFileURL(path.join(dist, 'load/index.js')).href);
  const { normalize } = await import(pathToFileURL(path.join(dist, 'model/index.js')).href);
  const { lint } = await import(pathToFileURL(path.join(dist, 'lint/index.js')).href);
  const doc = await load(spec);
  const diagnostics = lint(normalize(doc, {}), doc, {});
  process.stdout.write(JSON.stringify(diagnostics.map((d) => d.pointer)));
}

/** In this process: cold load of `spec`, then one source-map lookup per pointer in `pointersFile`. */
async function measureLookups(spec, pointersFile, dist) {
  const pointers = JSON.parse(readFileSync(pointersFile, 'utf8'));
  const { load } = await import(pathToFileURL(path.join(dist, 'load/index.js')).href);
  let cpu = process.cpuUsage();
  let wall = process.hrtime.bigint();
  const loaded = await load(spec);
  const loadCpuMs = cpuMs(cpu);
  const loadMs = Number(process.hrtime.bigint() - wall) / 1e6;
  const peakRssLoadMb = process.resourceUsage().maxRSS / 1024;
  cpu = process.cpuUsage();
  wall = process.hrtime.bigint();
  const positions = pointers.map((p) => loaded.sourceMap.lookup(p));
  const lookupCpuMs = cpuMs(cpu);
  const lookupMs = Number(process.hrtime.bigint() - wall) / 1e6;
  const digest = createHash('sha256').update(JSON.stringify(positions)).digest('hex').slice(0, 12);
  process.stdout.write(JSON.stringify({ loadCpuMs, loadMs, lookupCpuMs, lookupMs, peakRssLoadMb, peakRssMb: process.resourceUsage().maxRSS / 1024, lookups: pointers.length, digest }));
}

/**
 * Load + lint's lookups per spec and per build (`dists`, this repo's dist/ first), `runs` fresh
 * processes each, builds alternating within a round. Medians of time, largest peak RSS.
 */
export async function benchLookups({ runs = 5, specs = LOAD_SPECS, dists = [path.join(repo, 'dist')] } = {}) {
  await ensureDist();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-lookups-'));
  const self = fileURLToPath(import.meta.url);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = [];
  try {
    for (const [name, spec] of Object.entries(specs)) {
      const pointersFile = path.join(scratch, `${name}.json`);
      writeFileSync(pointersFile, execFileSync(process.execPath, [self, '--collect-once', spec, dists[0]], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
      const samples = dists.map(() => []);
      for (let i = 0; i < runs; i++) {
        for (let k = 0; k < dists.length; k++) {
          const d = (k + i) % dists.length; // rotate which build runs first in each round
          const out = execFileSync(process.execPath, [self, '--lookups-once', spec, pointersFile, dists[d]], { encoding: 'utf8' });
          samples[d].push(JSON.parse(out));
        }
      }
      dists.forEach((dist, d) => {
        const s = samples[d];
        const m = (k) => median(s.map((x) => x[k]));
        results.push({
          name, dist, runs, lookups: s[0].lookups, digests: [...new Set(s.map((x) => x.digest))],
          loadCpuMs: m('loadCpuMs'), loadMs: m('loadMs'), lookupCpuMs: m('lookupCpuMs'), lookupMs: m('lookupMs'),
          peakRssLoadMb: Math.max(...s.map((x) => x.peakRssLoadMb)), peakRssMb: Math.max(...s.map((x) => x.peakRssMb)),
          medianPeakRssMb: m('peakRssMb'),
        });
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const onceAt = process.argv.indexOf('--once');
  const watchAt = process.argv.indexOf('--watch-once');
  const collectAt = process.argv.indexOf('--collect-once');
  const lookupsOnceAt = process.argv.indexOf('--lookups-once');
  if (collectAt !== -1) {
    await collectPointers(process.argv[collectAt + 1], process.argv[collectAt + 2]);
  } else if (lookupsOnceAt !== -1) {
    await measureLookups(...process.argv.slice(lookupsOnceAt + 1, lookupsOnceAt + 4));
  } else if (process.argv.includes('--lookups')) {
    const args = process.argv.slice(2);
    const dists = [path.join(repo, 'dist'), ...args.flatMap((a, i) => (a === '--dist' ? [path.resolve(args[i + 1])] : []))];
    const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--dist') ?? 5);
    for (const r of await benchLookups({ runs, dists })) {
      console.log(
        `lookups ${r.name.padEnd(13)} ${path.relative(process.cwd(), r.dist) || '.'}: load CPU ${r.loadCpuMs.toFixed(0).padStart(5)} ms (wall ${r.loadMs.toFixed(0)})  ` +
          `${r.lookups} lookups CPU ${r.lookupCpuMs.toFixed(0).padStart(5)} ms (wall ${r.lookupMs.toFixed(0)})  ` +
          `peak RSS after load ${r.peakRssLoadMb.toFixed(0)} MB, after lookups ${r.peakRssMb.toFixed(0)} MB (median ${r.medianPeakRssMb.toFixed(0)})  ` +
          `positions digest ${r.digests.join('/')}  median of ${r.runs}`,
      );
    }
  } else if (onceAt !== -1) {
    await measureOnce(process.argv[onceAt + 1]);
  } else if (watchAt !== -1) {
    await measureWatch(process.argv[watchAt + 1], process.argv[watchAt + 2]);
  } else {
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    for (const r of await benchLoad({ runs })) {
      console.log(
        `load ${r.name.padEnd(13)} median ${r.medianLoadMs.toFixed(0).padStart(5)} ms  min ${r.minLoadMs.toFixed(0).padStart(5)} ms  ` +
          `peak RSS ${r.peakRssMb.toFixed(0).padStart(4)} MB  first source-map lookup ${r.firstLookupMs.toFixed(0)} ms ` +
          `(peak RSS then ${r.peakRssAfterLookupMb.toFixed(0)} MB)  ${r.files} files, ${r.runs} cold runs`,
      );
    }
    for (const r of await benchWatch()) {
      console.log(
        `watch ${r.name.padEnd(12)} cold (with cache) ${r.coldMs.toFixed(0).padStart(5)} ms → one file touched, re-load ${r.warmMs.toFixed(0).padStart(5)} ms ` +
          `(${r.reparsed} re-parsed, ${r.reused} reused; same re-load without cache ${r.uncachedMs.toFixed(0)} ms)  peak RSS ${r.peakRssMb.toFixed(0)} MB`,
      );
    }
  }
}
