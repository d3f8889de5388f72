// bin/dist-build.js: `npx apigw-gen` rebuilds dist/ from src/ when stale (a fresh clone where npm
// ran no lifecycle scripts, or edited sources). Several CLIs starting at once must all work: none
// may see a missing or half-written dist/. Runs on a private copy of the project, never on the
// shared dist/ other suites are using.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, repoRoot } from './helpers.js';

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'apigw-gen-dist-'));
  for (const part of ['bin', 'src', 'package.json', 'package-lock.json', 'tsconfig.json', 'fixtures/petstore']) cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
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
    // Bundles: those unused for an hour are removed (many, so that both rebuilds prune at once), one
    // used a minute ago is kept (a CLI may still be loading from it), a temp folder of a build that
    // died is removed.
    const bundles = join(copy, 'dist-cli');
    const old = Array.from({ length: 1000 }, (_, i) => [`0123456789a${String(i).padStart(5, '0')}`, 3_600_000] as const);
    for (const [name, ageMs] of [...old, ['fedcba9876543210', 60_000], ['.tmp-4194999-0', 0]] as const) {
      mkdirSync(join(bundles, name), { recursive: true });
      writeFileSync(join(bundles, name, 'main.js'), 'export {};\n');
      const then = new Date(Date.now() - ageMs);
      utimesSync(join(bundles, name), then, then);
    }
    let sawMissing = false;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (!existsSync(join(copy, 'dist/cli/main.js')) || !readdirSync(bundles).some((d) => existsSync(join(bundles, d, 'main.js')))) sawMissing = true;
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
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (/\.tmp-\d+-\d+$/.test(e.name) ? [e.name] : e.isDirectory() ? leftovers(join(dir, e.name)) : []));
    expect(leftovers(join(copy, 'dist'))).toEqual([]);
    expect(leftovers(bundles)).toEqual([]);
    expect(old.filter(([name]) => existsSync(join(bundles, name)))).toEqual([]);
    expect(existsSync(join(bundles, 'fedcba9876543210'))).toBe(true);
    expect(readdirSync(copy).filter((n) => n.startsWith('dist')).sort()).toEqual(['dist', 'dist-cli']);
  }, 120_000);

  it('a CLI already running keeps loading its own build after a rebuild (chunks of two builds never mix)', async () => {
    // The running CLI has loaded only main.js; its command's chunks load later, after the rebuild.
    const entry = (): string => execFileSync(process.execPath, ['--input-type=module', '-e', "process.stdout.write((await import('./bin/dist-build.js')).cliEntry())"], { cwd: copy, encoding: 'utf8' });
    const before = entry();
    const child = spawn(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(before)}); process.stdout.write('ready\\n'); process.stdin.once('data', async () => { process.exitCode = await main(['lint', 'fixtures/petstore/openapi.yaml', '--format', 'json']); process.stdin.destroy(); });`], { cwd: copy });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    while (!stdout.includes('ready')) await delay(20);
    // A change that shifts what the shared chunks export (a new export used by the lint command).
    const safe = join(copy, 'src/text/terminal-safe.ts');
    writeFileSync(safe, `${readFileSync(safe, 'utf8')}\nexport const addedForTest = (s: string): string => s;\n`);
    const lintCommand = join(copy, 'src/cli/commands/lint.ts');
    writeFileSync(lintCommand, `import { addedForTest } from '../../text/terminal-safe.js';\n${readFileSync(lintCommand, 'utf8')}\nexport const usesAdded = addedForTest('x');\n`);
    execFileSync(process.execPath, [join(copy, 'bin/build.js')], { cwd: copy, stdio: 'pipe' });
    expect(entry()).not.toBe(before);
    child.stdin.write('go\n');
    const code = await exited;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout.slice(stdout.indexOf('{'))).summary).toBeDefined();
    // New runs use the new build.
    const r = await cli(['routes', 'fixtures/petstore/openapi.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it('an installed package (no src/) runs the build it ships and never rebuilds, even when its stamp looks stale', () => {
    const installed = mkdtempSync(join(tmpdir(), 'apigw-gen-installed-'));
    try {
      for (const part of ['bin', 'dist', 'dist-cli', 'package.json', 'fixtures/petstore']) cpSync(join(copy, part), join(installed, part), { recursive: true });
      for (const part of ['templates', 'schemas']) cpSync(join(repoRoot, part), join(installed, part), { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules'), join(installed, 'node_modules'), 'dir');
      // npm pack gives every file the same old mtime, so a fingerprint of mtimes never matches.
      const stampFile = join(installed, 'dist/.stamp');
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { sources: string; cli: string };
      writeFileSync(stampFile, JSON.stringify({ ...stamp, sources: 'from another machine' }));
      const shipped = readdirSync(join(installed, 'dist-cli')).sort();
      const r = spawnSync(process.execPath, [join(installed, 'bin/apigw-gen.js'), 'build', 'fixtures/petstore/openapi.yaml', '--out', join(installed, 'out')], { cwd: installed, encoding: 'utf8' });
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr).toContain('4 problems (0 errors'); // build's lint report
      expect(r.status).toBe(0);
      expect(existsSync(join(installed, 'out/sdk/client.ts'))).toBe(true);
      expect(readFileSync(stampFile, 'utf8')).toContain('from another machine');
      expect(readdirSync(join(installed, 'dist-cli')).sort()).toEqual(shipped);
      expect(shipped).toContain(stamp.cli);
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  }, 60_000);

  it('a release build (npm pack\'s prepack) writes the library\'s type declarations and keeps one CLI build', () => {
    const bundles = join(copy, 'dist-cli');
    mkdirSync(join(bundles, 'fedcba9876540000'), { recursive: true }); // another build, used a moment ago
    execFileSync(process.execPath, [join(copy, 'bin/build.js'), '--release'], { cwd: copy, stdio: 'pipe' });
    const stamp = JSON.parse(readFileSync(join(copy, 'dist/.stamp'), 'utf8')) as { cli: string };
    expect(readdirSync(bundles)).toEqual([stamp.cli]);
    expect(readFileSync(join(copy, 'dist/index.d.ts'), 'utf8')).toMatch(/export \{ load, createLoadCache \}/);
    // a later ordinary rebuild keeps the declarations of modules that still exist
    unlinkSync(join(copy, 'dist/.stamp'));
    execFileSync(process.execPath, [join(copy, 'bin/build.js')], { cwd: copy, stdio: 'pipe' });
    expect(existsSync(join(copy, 'dist/index.d.ts'))).toBe(true);
  }, 120_000);
});
