// Startup cost: the CLI loads only the command that runs. `lint` must not import the emitters (and
// with them prettier and Handlebars); `--help` loads no command at all. Checked by recording every
// module the real CLI resolves, through a Node module-resolution hook.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  const modules = r.stderr.split('\n').filter((l) => l.startsWith('RESOLVED ')).map((l) => l.slice('RESOLVED '.length));
  return { code: r.status, modules };
}

const emitters = /\/dist\/emit\/|\/node_modules\/(prettier|handlebars)\//;

describe('the CLI loads only what the command needs', () => {
  it('lint loads lint, load and normalize, and no emitter, prettier or Handlebars', () => {
    const { code, modules } = modulesLoadedBy(['lint', fixture('petstore/openapi.yaml')]);
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('/dist/lint/index.js'))).toBe(true);
    expect(modules.some((m) => m.includes('/dist/load/index.js'))).toBe(true);
    expect(modules.some((m) => m.includes('/dist/model/index.js'))).toBe(true);
    // resolved-rules.js is the gateway's list of rule ids (no code, no imports) that the pipeline reads.
    expect(modules.filter((m) => emitters.test(m) && !m.endsWith('/dist/emit/gateway/resolved-rules.js'))).toEqual([]);
    expect(modules.some((m) => m.includes('/dist/cli/commands/build.js'))).toBe(false);
  });

  it('--help loads no command module', () => {
    const { code, modules } = modulesLoadedBy(['--help']);
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('/dist/cli/main.js'))).toBe(true);
    expect(modules.filter((m) => /\/dist\/cli\/commands\/|\/dist\/(lint|emit|load|model)\//.test(m))).toEqual([]);
  });

  it('build loads the emitters (the hook sees them)', () => {
    const { modules } = modulesLoadedBy(['build', fixture('petstore/openapi.yaml'), '--check']);
    expect(modules.some((m) => emitters.test(m))).toBe(true);
  });
});
