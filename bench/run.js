#!/usr/bin/env node
// `npm run bench`: transpile src → dist, then run every benchmark script in bench/ (*.mjs), one
// after another (they measure time and memory, so they must not compete for the two cores), and
// print their output. `npm run bench -- pipeline lint` runs only the named scripts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'bin/build.js')], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('bench: building dist/ failed');
  process.exitCode = 1;
} else {
  const scripts = readdirSync(here)
    .filter((f) => f.endsWith('.mjs'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
    .sort((a, b) => (a === 'pipeline.mjs' ? -1 : b === 'pipeline.mjs' ? 1 : a.localeCompare(b)));
  if (scripts.length === 0) console.error(`bench: no benchmark scripts${only.length ? ` named ${only.join(', ')}` : ''} in bench/`);
  const failed = [];
  for (const script of scripts) {
    console.log(`\n=== bench/${script} ===`);
    const r = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit', cwd: root });
    if (r.status !== 0) failed.push(script);
  }
  if (failed.length > 0) {
    console.error(`\nbench: failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}
