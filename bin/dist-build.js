// Shared by bin/build.js and bin/apigw-gen.js: transpile src → dist when dist is stale.
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
const stampFile = join(distDir, '.stamp');
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
  // Modules whose source is gone. A live run's temp files are left alone (it renames them next);
  // those of a run that died mid-build are removed.
  for (const file of listFiles(distDir)) {
    if (expected.has(file)) continue;
    const temp = /\.tmp-(\d+)-\d+$/.exec(file);
    if (temp && isAlive(Number(temp[1]))) continue;
    try {
      unlinkSync(file);
    } catch {
      // removed by a concurrent run
    }
  }
  writeAtomic(stampFile, stamp);
  return { files: files.length };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
