// Runs the real CLI (`node bin/apigw-gen.js …`) as a child process, like a user would.

import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SHARED_DIR } from '../support/shared.js';

export const repoRoot = resolve(__dirname, '../..');
export const bin = join(repoRoot, 'bin/apigw-gen.js');
export const fixture = (name: string) => join(repoRoot, 'fixtures', name);
export const shared = (rel: string) => resolve(SHARED_DIR, rel);

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Transpile src → dist once up front when it is stale, so the spawned CLIs don't race to rebuild
 * it. Never rebuild a fresh dist: other suites may be running the CLI from it right now.
 */
export function buildDist(): void {
  const script = "const m = await import('./bin/dist-build.js'); if (!m.distIsFresh()) await m.buildDist();";
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, stdio: 'pipe' });
}

/** Runs the CLI; `input` is what it reads on standard input (none: an empty pipe). */
export function run(args: string[], cwd: string = repoRoot, input?: string): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', APIGW_GEN_DEBUG: '' }, timeout: 60_000, ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function start(args: string[], cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  return { child, output: () => text };
}

/** A fresh temp folder holding a copy of the named fixture folders. */
export function project(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-gen-cli-'));
  for (const name of fixtures) cpSync(fixture(name), join(dir, name), { recursive: true });
  return dir;
}

/** Every file under dir (relative path → mtime), to prove a rebuild touched nothing. */
export function snapshot(dir: string, prefix = ''): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of snapshot(full, `${prefix}${entry.name}/`)) out.set(k, v);
    else out.set(`${prefix}${entry.name}`, statSync(full).mtimeMs);
  }
  return out;
}

/** A user error must be one line of text, never a Node stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(\(|:\d+:\d+)/m.test(text) || /\bError: .*\n\s+at /.test(text);
}

export async function waitFor(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
