// Shared by bin/build.js and bin/apigw-gen.js: when src/ changed, transpile src → dist/ (the library,
// one module per source file) and bundle the CLI from dist/ into dist-cli/ (what bin/apigw-gen.js runs).
//
// Why a bundle: the CLI imports ~220 modules (ours and its dependencies'); Node's ES module loader
// resolves, reads and links each one, ~60 ms of every `apigw-gen lint` run. Bundled into a few
// chunks it loads in a fraction of that. Chunks are split at the CLI's dynamic imports, so a command
// still loads only its own code (`lint` no emitter, `--help` no command). dist-cli/ sits one folder
// below the package root like src/ and dist/, so URLs relative to a module (src/package-files.ts)
// find templates/ and schemas/ from all three.
//
// Safe for concurrent runs: dist/ is never removed or swapped. Each file is written to a temp file
// beside it and renamed into place (atomic), files whose content is unchanged are left alone, and
// the stamp is written last. A CLI that starts mid-rebuild sees a stale stamp, so it rebuilds too
// (writing the same contents) before importing anything from dist/: it never runs a half-built
// dist, and there is never a moment without dist/.
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const distDir = join(root, 'dist');
const cliDir = join(root, 'dist-cli');
const stampFile = join(distDir, '.stamp');
/** Written beside the CLI's chunks: which of our modules each chunk holds (read by tests and for debugging). */
export const CHUNK_MANIFEST = 'chunks.json';
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

/** A cheap fingerprint of src: every file's path, size and mtime. */
function fingerprint(files) {
  return files.map((f) => { const s = statSync(f); return `${relative(root, f)}:${s.size}:${s.mtimeMs}`; }).join('\n');
}

export function distIsFresh() {
  if (!existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8') === fingerprint(listSources(srcDir));
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

export async function buildDist() {
  const ts = (await import('typescript')).default;
  const files = listSources(srcDir);
  // Taken before transpiling: if src changes meanwhile, the stamp is stale and the next run rebuilds.
  const stamp = fingerprint(files);
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
  for (const [name, code] of await bundleCli()) {
    const target = join(cliDir, name);
    expected.add(target);
    writeAtomic(target, code);
  }
  removeUnexpected([distDir, cliDir], expected);
  writeAtomic(stampFile, stamp);
  return { files: files.length };
}

/**
 * The CLI bundled from dist/cli/main.js with rolldown: file name → code, plus the chunk manifest.
 * Chunk names carry no content hash, so a rebuild rewrites the same files in place (a CLI already
 * running from an older build never finds its next chunk deleted by a content change).
 */
async function bundleCli() {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input: { main: join(distDir, 'cli/main.js') },
    platform: 'node',
    // Loaded at run time by path (the precompiled schema validators, the config's yaml/ajv) or not at all.
    external: [/^node:/],
    logLevel: 'warn',
  });
  try {
    const { output } = await bundle.generate({ format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name].js' });
    const files = new Map();
    const manifest = {};
    for (const item of output) {
      if (item.type !== 'chunk') continue;
      files.set(item.fileName, item.code);
      manifest[item.fileName] = item.moduleIds.map((id) => relative(root, id).split('\\').join('/')).sort();
    }
    files.set(CHUNK_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    return files;
  } finally {
    await bundle.close();
  }
}

/** Files no build wrote (their source is gone). A live run's temp files are left alone (it renames them next); those of a run that died mid-build are removed. */
function removeUnexpected(dirs, expected) {
  for (const file of dirs.flatMap((dir) => listFiles(dir))) {
    if (expected.has(file)) continue;
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
