// bin/dist-build.js: `npx apigw-gen` rebuilds dist/ from src/ when stale (a fresh clone where npm
// ran no lifecycle scripts, or edited sources). Several CLIs starting at once must all work: none
// may see a missing or half-written dist/. Runs on a private copy of the project, never on the
// shared dist/ other suites are using.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers.js';

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'apigw-gen-dist-'));
  for (const part of ['bin', 'src', 'package.json', 'fixtures/petstore']) cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(copy, 'bin/apigw-gen.js'), ...args], { cwd: copy, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `count` CLIs a few milliseconds apart, so later ones start while earlier ones rebuild. */
async function concurrentRoutes(count: number) {
  const runs: Promise<Awaited<ReturnType<typeof cli>>>[] = [];
  for (let i = 0; i < count; i++) {
    runs.push(cli(['routes', 'fixtures/petstore/openapi.yaml']));
    await delay(150);
  }
  return Promise.all(runs);
}

describe('dist/ rebuilds are safe for concurrent CLIs', () => {
  it('a fresh copy without dist/: two CLIs started together both build and run', async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const results = await concurrentRoutes(2);
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^GET +\/pets +lambda-proxy/m);
    }
    expect(new Set(results.map((r) => r.stdout)).size).toBe(1);
    expect(existsSync(join(copy, 'dist/.stamp'))).toBe(true);
  }, 120_000);

  it('a stale stamp with dist/ in use: concurrent rebuilds never leave dist/ missing, and leave no temp files', async () => {
    unlinkSync(join(copy, 'dist/.stamp'));
    // A module whose source is gone is removed by the rebuild.
    writeFileSync(join(copy, 'dist/obsolete.js'), 'export {};\n');
    // A temp file left by a run that died mid-build (no process has that id) is cleaned up too.
    writeFileSync(join(copy, 'dist/errors.js.tmp-4194999-0'), 'partial');
    let sawMissing = false;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (!existsSync(join(copy, 'dist/cli/main.js')) || !existsSync(join(copy, 'dist-cli/main.js'))) sawMissing = true;
        await delay(5);
      }
    })();
    const results = await concurrentRoutes(2);
    watching = false;
    await watcher;
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(sawMissing).toBe(false);
    expect(existsSync(join(copy, 'dist/.stamp'))).toBe(true);
    expect(existsSync(join(copy, 'dist/obsolete.js'))).toBe(false);
    expect(existsSync(join(copy, 'dist/errors.js.tmp-4194999-0'))).toBe(false);
    const leftovers = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? leftovers(join(dir, e.name)) : /\.tmp-\d+-\d+$/.test(e.name) ? [e.name] : []));
    expect(leftovers(join(copy, 'dist'))).toEqual([]);
    expect(leftovers(join(copy, 'dist-cli'))).toEqual([]);
    expect(readdirSync(copy).filter((n) => n.startsWith('dist')).sort()).toEqual(['dist', 'dist-cli']);
  }, 120_000);
});
