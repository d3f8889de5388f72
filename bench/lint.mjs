#!/usr/bin/env node
// apigw-gen lint vs Redocly CLI (recommended ruleset) vs Spectral (spectral:oas) on Stripe's spec and
// the multi-file DigitalOcean spec. Each run is a fresh process (what a CI job pays); the tools
// alternate so load on the machine hits all of them alike. Prints each tool's median wall time,
// median peak RSS (GNU time's %M, the whole process tree's largest RSS) and the ratios against the
// targets: apigw-gen ≤ ½ Redocly's time, ≤ 1/10 Spectral's, and less memory than both.
//   node bench/lint.mjs [runs=3]
//   node bench/lint.mjs --phases [runs=3]   in-process split of apigw-gen alone: load, normalize and
//     lint (CPU ms of one cold lint() call per fresh process, medians), to see the linter's own part.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntry } from '../bin/dist-build.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '../shared');
const phases = process.argv.includes('--phases');
const runs = Math.max(1, Number(process.argv.filter((a) => a !== '--phases')[2] ?? 3));

const SPECS = {
  stripe: path.join(shared, 'specs/stripe/openapi.yaml'),
  digitalocean: path.join(shared, 'specs/digitalocean/DigitalOcean-public.v2.yaml'),
};

const TOOLS = {
  // The bundled CLI's main (dist-cli/<build>/, built once below): what bin/apigw-gen.js runs in an
  // installed package. In this source checkout bin/ would first check src/ for changes (~20 ms of
  // stats, a development-only cost) and rebuild whenever a file changed, which in a tree others are
  // editing makes runs measure the transpiler.
  'apigw-gen': (spec) => [process.execPath, '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cliEntry())}); process.exitCode = await main(['lint', ${JSON.stringify(spec)}, '--format', 'json']);`],
  redocly: (spec) => [path.join(repo, 'node_modules/.bin/redocly'), 'lint', spec, '--extends', 'recommended', '--format', 'json'],
  spectral: (spec) => [path.join(repo, 'node_modules/.bin/spectral'), 'lint', spec, '--ruleset', path.join(repo, 'bench/.spectral.yaml'), '--format', 'json'],
};

const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const scratch = mkdtempSync(path.join(tmpdir(), 'apigw-bench-lint-'));

/** One fresh-process run: wall ms, peak RSS MB (or null without GNU time), exit status. */
function runOnce(argv) {
  const memFile = path.join(scratch, 'mem');
  const cmd = haveTime ? [TIME, '-f', '%M', '-o', memFile, ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let mb = null;
  if (haveTime) {
    const kb = Number(readFileSync(memFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) mb = kb / 1024;
  }
  // Linters exit 1 when they find problems; anything else (a crash) invalidates the figure.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return { ms, mb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Build dist once so the first apigw-gen run does not pay the transpile.
spawnSync(process.execPath, [path.join(repo, 'bin/build.js')], { cwd: repo, stdio: 'ignore' });

/** One fresh process: load → normalize → lint from dist/, CPU ms of each phase (user + system). */
const PHASE_SCRIPT = `
const dist = process.argv[1], spec = process.argv[2];
const { load } = await import(dist + '/load/index.js');
const { normalize } = await import(dist + '/model/index.js');
const { lint } = await import(dist + '/lint/index.js');
const cpu = (c) => { const u = process.cpuUsage(c); return (u.user + u.system) / 1000; };
let c = process.cpuUsage(); const doc = await load(spec); const load_ = cpu(c);
c = process.cpuUsage(); const api = normalize(doc, {}); const normalize_ = cpu(c);
c = process.cpuUsage(); const n = lint(api, doc, {}).length; const lint_ = cpu(c);
process.stdout.write(JSON.stringify({ load: load_, normalize: normalize_, lint: lint_, diagnostics: n }));
`;

if (phases) {
  for (const [name, spec] of Object.entries(SPECS)) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', PHASE_SCRIPT, path.join(repo, 'dist'), spec], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`phase run failed on ${name}: ${r.stderr.slice(0, 500)}`);
      rows.push(JSON.parse(r.stdout));
    }
    const m = (k) => median(rows.map((r) => r[k])).toFixed(0).padStart(6);
    console.log(`${name.padEnd(13)} CPU ms (median of ${runs}): load ${m('load')}  normalize ${m('normalize')}  lint ${m('lint')}  (${rows[0].diagnostics} diagnostics)`);
  }
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}

let pass = true;
try {
  for (const [name, spec] of Object.entries(SPECS)) {
    const samples = Object.fromEntries(Object.keys(TOOLS).map((t) => [t, []]));
    for (let i = 0; i < runs; i++) {
      // rotate the order every round so no tool always runs first (or last)
      const order = Object.keys(TOOLS).map((_, k, all) => all[(k + i) % all.length]);
      for (const tool of order) samples[tool].push(runOnce(TOOLS[tool](spec)));
    }
    const stat = Object.fromEntries(
      Object.entries(samples).map(([t, s]) => [t, { ms: median(s.map((x) => x.ms)), mb: haveTime ? median(s.map((x) => x.mb)) : null }]),
    );
    console.log(`\n${name} (${runs} runs each, medians)`);
    for (const [t, s] of Object.entries(stat)) {
      console.log(`  ${t.padEnd(10)} ${(s.ms / 1000).toFixed(2).padStart(7)} s   ${s.mb === null ? '   n/a' : s.mb.toFixed(0).padStart(6)} MB peak`);
    }
    const a = stat['apigw-gen'];
    const vsRedocly = a.ms / stat.redocly.ms;
    const vsSpectral = a.ms / stat.spectral.ms;
    console.log(`  time: apigw-gen/redocly ${vsRedocly.toFixed(2)} (target ≤ 0.50), apigw-gen/spectral ${vsSpectral.toFixed(3)} (target ≤ 0.10)`);
    if (haveTime) {
      console.log(`  memory: apigw-gen/redocly ${(a.mb / stat.redocly.mb).toFixed(2)}, apigw-gen/spectral ${(a.mb / stat.spectral.mb).toFixed(2)} (target < 1)`);
      pass &&= a.mb < stat.redocly.mb && a.mb < stat.spectral.mb;
    }
    pass &&= vsRedocly <= 0.5 && vsSpectral <= 0.1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`\nlint targets ${pass ? 'met' : 'NOT met'}`);
