// Startup cost: the CLI loads only the command that runs. `lint` must not import the emitters (and
// with them Handlebars); `--help` loads no command at all. Checked by recording every file the real
// CLI resolves, through a Node module-resolution hook, and reading which of our modules (and which
// packages) each of the bundled CLI's chunks holds from the bundle's manifest (chunks.json).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bin, buildDist, fixture, repoRoot } from './helpers.js';

let hookDir: string;
beforeAll(() => {
  buildDist();
  hookDir = mkdtempSync(join(tmpdir(), 'apigw-gen-startup-'));
  writeFileSync(
    join(hookDir, 'hook.mjs'),
    "export async function resolve(specifier, context, next) { const r = await next(specifier, context); process.stderr.write('RESOLVED ' + r.url + '\\n'); return r; }\n",
  );
  writeFileSync(join(hookDir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(hookDir, 'hook.mjs')).href)});\n`);
});
afterAll(() => rmSync(hookDir, { recursive: true, force: true }));

function modulesLoadedBy(args: string[]): { code: number | null; modules: string[] } {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(hookDir, 'register.mjs')).href, bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const files = r.stderr.split('\n').filter((l) => l.startsWith('RESOLVED ')).map((l) => l.slice('RESOLVED '.length));
  const modules = files.flatMap((url) => {
    // With '/' separators (as in the URL) whatever the platform: the chunk pattern below uses '/'.
    const file = url.startsWith('file:') ? fileURLToPath(url).split(sep).join('/') : url;
    // A chunk stands for the modules bundled in it (read from the manifest of the build the CLI ran,
    // dist-cli/<build>/chunks.json); anything else (node: builtins, files loaded by path) for itself.
    const chunk = /^(.*\/dist-cli\/[^/]+)\/([^/]+)$/.exec(file);
    return chunk ? (chunksOf(chunk[1]!)[chunk[2]!] ?? [`unknown chunk ${file}`]) : [file];
  });
  return { code: r.status, modules };
}

/** Chunk file name → the modules it holds, relative to the repo (`dist/lint/index.js`, `node_modules/handlebars/…`). */
function chunksOf(buildDir: string): Record<string, string[]> {
  return JSON.parse(readFileSync(join(buildDir, 'chunks.json'), 'utf8')) as Record<string, string[]>;
}

const emitters = /^dist\/emit\/|node_modules\/(prettier|handlebars)\//;

describe('the CLI loads only what the command needs', () => {
  it('lint loads lint, load and normalize, and no emitter, prettier or Handlebars', () => {
    const { code, modules } = modulesLoadedBy(['lint', fixture('petstore/openapi.yaml')]);
    expect(code).toBe(0);
    expect(modules).toContain('dist/lint/index.js');
    expect(modules).toContain('dist/load/index.js');
    expect(modules).toContain('dist/model/index.js');
    // resolved-rules.js is the gateway's list of rule ids (no code, no imports) that the pipeline reads.
    expect(modules.filter((m) => emitters.test(m) && m !== 'dist/emit/gateway/resolved-rules.js')).toEqual([]);
    expect(modules).not.toContain('dist/cli/commands/build.js');
  });

  it('--help loads no command module', () => {
    const { code, modules } = modulesLoadedBy(['--help']);
    expect(code).toBe(0);
    expect(modules).toContain('dist/cli/main.js');
    expect(modules.filter((m) => /^dist\/cli\/commands\/|^dist\/(lint|emit|load|model)\//.test(m))).toEqual([]);
  });

  it('build loads the emitters (the hook sees them)', () => {
    const { modules } = modulesLoadedBy(['build', fixture('petstore/openapi.yaml'), '--check']);
    expect(modules.some((m) => emitters.test(m))).toBe(true);
  });
});
