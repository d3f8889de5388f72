#!/usr/bin/env node
// `build --watch` on the Stripe spec (issue 4): a one-operation edit must regenerate in a fraction
// of the cold time. Compares, per target set (all targets, then `--targets sdk`):
//   cold  the whole `node bin/apigw-gen.js build <spec> --no-lint --out <out>` process after an
//         edit (what a user without --watch runs), into an output folder that already holds the
//         previous build: median of BENCH_COLD_RUNS (3);
//   warm  one `build --watch` process (same flags): from the moment an edited spec is written to
//         the watcher's next summary line on stdout (`<out> 0 added, 4 changed, …`), so the
//         watcher's debounce (100 ms) is included: median of BENCH_EDITS (6) edits.
// Edits alternate between rewording one operation's description and adding one query parameter
// to one operation (each edit on a different operation). After the last warm rebuild a separate
// cold `build --check` must report the output up to date: the watch output is byte-identical to
// what a cold build writes.
// The spec is copied to a temp folder; nothing is ever written under ../shared.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'bin/apigw-gen.js');
const STRIPE = resolve(root, '../shared/specs/stripe/openapi.yaml');
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 6);
/** Per rebuild; a rebuild that takes longer than this is reported as a failure, not waited for. */
const REBUILD_TIMEOUT_MS = 120_000;
const SUMMARY = /^apigw-gen: .* (\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged/;

if (!existsSync(STRIPE)) {
  console.log(`skipped: ${STRIPE} not found`);
} else {
  await main();
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'apigw-gen-watch-bench-'));
  try {
    const spec = join(work, 'openapi.yaml');
    const pristine = readFileSync(STRIPE, 'utf8');
    copyFileSync(STRIPE, spec);
    const edits = editScript(pristine, COLD_RUNS + EDITS + 2);
    // Transpile src → dist once, outside any timing (the CLI would otherwise do it in the first run).
    run(['--version'], 'dist warm-up', true);
    console.log(`build --watch on stripe/openapi.yaml (4 MB): cold = whole CLI process after an edit, median of ${COLD_RUNS}; ` +
      `warm = spec write → watcher's summary line, median of ${EDITS} one-operation edits (debounce included)`);
    let failed = false;
    for (const targets of [undefined, 'sdk']) {
      const flags = ['--no-lint', ...(targets ? ['--targets', targets] : [])];
      const label = targets ? `--targets ${targets}` : 'all targets';
      const out = join(work, `out-${targets ?? 'all'}`);
      writeFileSync(spec, pristine);
      run(['build', spec, ...flags, '--out', out], `${label}: first build`);
      let editIndex = 0;

      const cold = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        writeFileSync(spec, edits[editIndex++].text);
        const started = performance.now();
        run(['build', spec, ...flags, '--out', out], `${label}: cold build`);
        cold.push(performance.now() - started);
      }

      const warm = await watchRebuilds(spec, flags, out, edits.slice(editIndex, editIndex + EDITS));
      // A cold check against the output the watcher wrote: nothing may be stale.
      const check = spawnSync(process.execPath, [CLI, 'build', spec, ...flags, '--out', out, '--check'], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const identical = check.status === 0;
      failed ||= !identical;

      const coldMs = median(cold);
      const warmMs = median(warm.times);
      console.log(`  ${label.padEnd(16)} cold median ${fmt(coldMs)} (${fmt(Math.min(...cold))}–${fmt(Math.max(...cold))})` +
        `   warm median ${fmt(warmMs)} (${fmt(Math.min(...warm.times))}–${fmt(Math.max(...warm.times))})` +
        `   warm/cold ${(warmMs / coldMs).toFixed(2)}   watcher peak RSS ${warm.peakMb === undefined ? 'n/a' : `${warm.peakMb.toFixed(0)} MB`}`);
      console.log(`  ${''.padEnd(16)} edits: ${warm.kinds.join(', ')}; files changed per rebuild: ${warm.changed.join(', ')}`);
      console.log(`  ${''.padEnd(16)} cold \`build --check\` after the watch rebuilds: ${identical ? 'up to date (byte-identical)' : `STALE (exit ${check.status})\n${check.stdout}${check.stderr}`}`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts `build --watch`, waits for its first build, then applies each edit and times the rebuild. */
async function watchRebuilds(spec, flags, out, edits) {
  const child = spawn(process.execPath, [CLI, 'build', spec, ...flags, '--out', out, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = lineReader(child.stdout);
  const stderr = lineReader(child.stderr);
  let stderrText = '';
  child.stderr.on('data', (d) => (stderrText += d));
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  try {
    await stdout.next(SUMMARY, REBUILD_TIMEOUT_MS, () => stderrText);
    await stderr.next(/watching \d+ files? for changes/, REBUILD_TIMEOUT_MS, () => stderrText);
    const times = [];
    const changed = [];
    for (const edit of edits) {
      // Let the watcher settle (its watch is re-armed after each build) so edits do not coalesce.
      await sleep(300);
      const started = performance.now();
      writeFileSync(spec, edit.text);
      const line = await stdout.next(SUMMARY, REBUILD_TIMEOUT_MS, () => stderrText);
      times.push(performance.now() - started);
      const [, added, changedCount, removed] = SUMMARY.exec(line).map(Number);
      changed.push(added + changedCount + removed);
      await stderr.next(/watching \d+ files? for changes/, REBUILD_TIMEOUT_MS, () => stderrText);
    }
    const peakMb = peakRssMb(child.pid);
    return { times, changed, kinds: edits.map((e) => e.kind), peakMb };
  } finally {
    child.kill('SIGINT');
    const { code, signal } = await exited;
    if (code !== 0 && signal === null) console.error(`watch bench: the watcher exited with ${code}:\n${stderrText}`);
  }
}

/**
 * One realistic edit per step, each on its own operation, cumulative (every step keeps the earlier
 * ones): reword an operation's description, or add an optional query parameter to it.
 */
function editScript(pristine, count) {
  // One-line descriptions only (`<p>…</p>`), so rewording cannot break a folded block scalar.
  const operations = [...pristine.matchAll(/^( {4})(get|post|delete):\n( {6})description: (<p>.*<\/p>)\n/gm)];
  if (operations.length < count) throw new Error(`watch bench: expected ${count} operations with a description in the spec`);
  const edits = [];
  let text = pristine;
  // Walk operations from the end so earlier match offsets stay valid as the text changes.
  const picks = operations.slice(-count).reverse();
  picks.forEach((op, i) => {
    const [whole, indent, method, inner, description] = op;
    const start = op.index;
    // The operation's block: up to the next line indented no deeper than its method key.
    const rest = pristine.slice(start + whole.length);
    const endMatch = new RegExp(`^ {0,${indent.length}}\\S`, 'm').exec(rest);
    const block = rest.slice(0, endMatch ? endMatch.index : rest.length);
    let kind;
    if (i % 2 === 0) {
      kind = 'description';
      const reworded = `${indent}${method}:\n${inner}description: ${description.slice(0, -'</p>'.length)} (edited ${i})</p>\n`;
      text = text.slice(0, start) + reworded + text.slice(start + whole.length);
    } else {
      kind = 'query param';
      const item = (dash) =>
        `${dash}- in: query\n${dash}  name: bench_filter_${i}\n${dash}  required: false\n${dash}  description: Added by the watch benchmark.\n${dash}  schema:\n${dash}    type: string\n`;
      const params = new RegExp(`^${inner}parameters:\\n`, 'm').exec(block);
      // Into the existing list (a second `parameters:` key would be a duplicate key), else a new one.
      const at = params ? start + whole.length + params.index + params[0].length : start + whole.length;
      const insert = params ? item(`${inner}  `) : `${inner}parameters:\n${item(`${inner}  `)}`;
      text = text.slice(0, at) + insert + text.slice(at);
    }
    edits.push({ kind, text });
  });
  return edits;
}

function run(args, what, quiet = false) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`watch bench: ${what} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  if (!quiet && !SUMMARY.test(r.stdout)) throw new Error(`watch bench: ${what} printed no summary:\n${r.stdout}`);
  return r;
}

/** Resolves each `next(pattern)` with the next line (from now on) matching the pattern. */
function lineReader(stream) {
  let buffer = '';
  const lines = [];
  let waiter;
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
    waiter?.();
  });
  return {
    next(pattern, timeoutMs, context) {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`watch bench: no line matching ${pattern} within ${timeoutMs} ms:\n${context()}`)), timeoutMs);
        const look = () => {
          while (lines.length > 0) {
            const line = lines.shift();
            if (pattern.test(line)) {
              clearTimeout(timer);
              waiter = undefined;
              done(line);
              return;
            }
          }
        };
        waiter = look;
        look();
      });
    },
  };
}

/** The child's peak resident set (VmHWM) in MB, where /proc exists. */
function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}
