// Shared by bin/build.js and bin/apigw-gen.js: transpile src → dist when dist is stale.
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, existsSync, rmSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const distDir = join(root, 'dist');
const stampFile = join(distDir, '.stamp');

function listSources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listSources(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
    else if (entry.name.endsWith('.json')) out.push(full);
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

export async function buildDist() {
  const ts = (await import('typescript')).default;
  const files = listSources(srcDir);
  const tmp = `${distDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const file of files) {
    const rel = relative(srcDir, file);
    const target = join(tmp, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) { writeFileSync(target.replace(/\.js$/, ''), text); continue; }
    const out = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false, verbatimModuleSyntax: false, isolatedModules: true },
    });
    writeFileSync(target, out.outputText);
  }
  writeFileSync(join(tmp, '.stamp'), fingerprint(files));
  // Swap in atomically so a concurrent run never sees a half-written dist/.
  const old = `${distDir}.old-${process.pid}`;
  if (existsSync(distDir)) renameSync(distDir, old);
  renameSync(tmp, distDir);
  rmSync(old, { recursive: true, force: true });
  return { files: files.length };
}
