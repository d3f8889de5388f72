// Shared by bin/build.js and bin/apigw-gen.js: when the sources changed, transpile src → dist/ (the
// library, one module per source file) and bundle the CLI from dist/ into dist-cli/<build id>/ (what
// bin/apigw-gen.js runs).
//
// Why a bundle: the CLI imports ~220 modules (ours and its dependencies'); Node's ES module loader
// resolves, reads and links each one, ~60 ms of every `apigw-gen lint` run. Bundled into a few
// chunks it loads in a fraction of that. Chunks are split at the CLI's dynamic imports, so a command
// still loads only its own code (`lint` no emitter, `--help` no command). dist-cli/<id>/ sits two
// folders below the package root, so modules find templates/ and schemas/ through
// src/package-files.ts, which is told where the root is (see there).
//
// Safe for concurrent runs:
// - dist/ is never removed or swapped. Each file is written to a temp file beside it and renamed
//   into place (atomic), files whose content is unchanged are left alone, and the stamp is written
//   last. A CLI that starts mid-rebuild sees a stale stamp, so it rebuilds too (writing the same
//   contents) before importing anything: it never runs a half-built dist.
// - Each bundle is immutable, in a folder named after its contents, written under a temp name and
//   renamed into place whole. A running CLI keeps loading its chunks from its own folder (bundlers
//   rename exports between chunks, so chunks of two builds must never meet), and the stamp names
//   the folder new runs use. Older folders are removed only when unused for PRUNE_AFTER_MS.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, existsSync, renameSync, unlinkSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const distDir = join(root, 'dist');
const cliDir = join(root, 'dist-cli');
const stampFile = join(distDir, '.stamp');
/** Besides src/: what else the build is made from (the bundle holds our dependencies' code too). */
const BUILD_INPUTS = [fileURLToPath(import.meta.url), join(root, 'package-lock.json')];
/** A CLI still running from an older bundle has loaded what it needs long before this. */
const PRUNE_AFTER_MS = 10 * 60 * 1000;
let tempCounter = 0;

function listSources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listSources(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

function listFiles(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

/** A cheap fingerprint of the build's inputs: every file's path, size and mtime. */
function fingerprint(files) {
  return files.filter((f) => existsSync(f)).map((f) => { const s = statSync(f); return `${relative(root, f)}:${s.size}:${s.mtimeMs}`; }).join('\n');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A source checkout (src/ present) rebuilds when stale; an installed package runs what it ships. */
export function isSourceCheckout() {
  return existsSync(srcDir);
}

export function distIsFresh() {
  const stamp = readStamp();
  if (!stamp || typeof stamp.cli !== 'string' || !existsSync(join(cliDir, stamp.cli, 'main.js'))) return false;
  return stamp.sources === fingerprint([...listSources(srcDir), ...BUILD_INPUTS]);
}

/** The bundled CLI's entry module of the current build (as the stamp names it). */
export function cliEntry() {
  const stamp = readStamp();
  if (!stamp || typeof stamp.cli !== 'string') throw new Error('apigw-gen: the CLI is not built (run `node bin/build.js`)');
  return join(cliDir, stamp.cli, 'main.js');
}

/** Writes `text` to `target` atomically, unless it already holds exactly that. */
function writeAtomic(target, text) {
  try {
    if (readFileSync(target, 'utf8') === text) return;
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.tmp-${process.pid}-${tempCounter++}`;
  writeFileSync(temp, text);
  renameSync(temp, target);
}

/**
 * @param {{ release?: boolean }} [options] release (for `npm pack`): also write the library's type
 *   declarations (the .d.ts files in dist/, `types` in package.json; tsc, ~5 s, so not on every rebuild), and
 *   keep only this build in dist-cli/ so the package ships one (never while CLIs of older builds may
 *   be running).
 */
export async function buildDist(options = {}) {
  const ts = (await import('typescript')).default;
  const files = listSources(srcDir);
  // Taken before transpiling: if src changes meanwhile, the stamp is stale and the next run rebuilds.
  const sources = fingerprint([...files, ...BUILD_INPUTS]);
  const expected = new Set([stampFile]);
  for (const file of files) {
    const rel = relative(srcDir, file);
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      const target = join(distDir, rel);
      expected.add(target);
      writeAtomic(target, text);
      continue;
    }
    const target = join(distDir, rel.replace(/\.ts$/, '.js'));
    expected.add(target);
    const out = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false, verbatimModuleSyntax: false, isolatedModules: true },
    });
    writeAtomic(target, out.outputText);
  }
  removeUnexpected(distDir, expected);
  if (options.release) emitDeclarations();
  const cli = writeBundle(await bundleCli());
  writeAtomic(stampFile, `${JSON.stringify({ sources, cli })}\n`);
  pruneBundles(cli, options.release ? 0 : PRUNE_AFTER_MS);
  return { files: files.length, cli };
}

/**
 * The CLI bundled from dist/cli/main.js with rolldown: file name → code, plus `chunks.json`, which
 * lists the modules each chunk holds (read by tests, and handy when debugging).
 */
async function bundleCli() {
  const { rolldown } = await import('rolldown');
  // Node builtins stay imports; modules loaded by path at run time (the precompiled schema
  // validators, the config's yaml and ajv: see createRequire in src/) are not
  // seen by the bundler at all.
  const bundle = await rolldown({ input: { main: join(distDir, 'cli/main.js') }, platform: 'node', external: [/^node:/], logLevel: 'warn' });
  try {
    const { output } = await bundle.generate({ format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name].js' });
    const files = new Map();
    const manifest = {};
    for (const item of output) {
      if (item.type !== 'chunk') continue;
      files.set(item.fileName, item.code);
      manifest[item.fileName] = item.moduleIds.map((id) => relative(root, id).split('\\').join('/')).sort();
    }
    files.set('chunks.json', `${JSON.stringify(manifest, null, 2)}\n`);
    return files;
  } finally {
    await bundle.close();
  }
}

/** Writes the bundle to dist-cli/<id>/ (id: a hash of its contents) unless it is there already; returns the id. */
function writeBundle(files) {
  const hash = createHash('sha256');
  for (const [name, code] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\0${code}\0`);
  const id = hash.digest('hex').slice(0, 16);
  const target = join(cliDir, id);
  if (existsSync(join(target, 'main.js'))) {
    markInUse(target);
    return id;
  }
  const temp = join(cliDir, `.tmp-${process.pid}-${tempCounter++}`);
  mkdirSync(temp, { recursive: true });
  for (const [name, code] of files) writeFileSync(join(temp, name), code);
  try {
    renameSync(temp, target);
  } catch (error) {
    // A concurrent build renamed the same contents into place first.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(join(target, 'main.js'))) throw error;
  }
  return id;
}

/** The .d.ts files of dist/, from src/ with the project's tsconfig (which also type-checks: a type error fails the release). */
function emitDeclarations() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--emitDeclarationOnly', '--outDir', distDir], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('apigw-gen: tsc could not write the type declarations (see above)');
}

/** Sets a bundle folder's mtime to now: pruning counts a build as unused from its folder's mtime. */
export function markInUse(folder) {
  try {
    const now = new Date();
    utimesSync(folder, now, now);
  } catch {
    // gone (pruned by a concurrent rebuild): whoever needs it rebuilds it
  }
}

/**
 * Removes bundles unused for `unusedForMs`, and temp folders of builds that died; never the one
 * this build wrote nor the one the stamp names now (a concurrent build from other sources may have
 * written it). Best effort: a concurrent build may be removing the same folders.
 */
function pruneBundles(current, unusedForMs) {
  const keep = new Set([current, readStamp()?.cli]);
  for (const entry of readdirSync(cliDir, { withFileTypes: true })) {
    if (keep.has(entry.name)) continue;
    const full = join(cliDir, entry.name);
    try {
      const temp = /^\.tmp-(\d+)-\d+$/.exec(entry.name);
      if (temp ? isAlive(Number(temp[1])) : Date.now() - statSync(full).mtimeMs < unusedForMs) continue;
      rmSync(full, { recursive: true, force: true });
    } catch {
      // already removed by a concurrent build
    }
  }
}

/** Files of dist/ no build wrote (their source is gone). A live run's temp files are left alone (it renames them next); those of a run that died mid-build are removed. */
function removeUnexpected(dir, expected) {
  for (const file of listFiles(dir)) {
    if (expected.has(file)) continue;
    // a release build's declarations stay while their module does
    if (file.endsWith('.d.ts') && expected.has(file.replace(/\.d\.ts$/, '.js'))) continue;
    const temp = /\.tmp-(\d+)-\d+$/.exec(file);
    if (temp && isAlive(Number(temp[1]))) continue;
    try {
      unlinkSync(file);
    } catch {
      // removed by a concurrent run
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
