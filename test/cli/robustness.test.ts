// The CLI as one process among others: a reader that stops early (`| head -1`) and repeated options.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { bin, buildDist, fixture, hasStackTrace, repoRoot, run, shared } from './helpers.js';
import { itShared } from '../support/shared.js';

beforeAll(() => buildDist());

describe('CLI robustness', () => {
  itShared('stops quietly when the reader of its output goes away (lint … | head -1): no EPIPE stack trace', async () => {
    // Stripe's SARIF is megabytes, far more than a pipe holds: later writes meet the closed pipe.
    const child = spawn(process.execPath, [bin, 'lint', shared('specs/stripe/openapi.yaml'), '--format', 'sarif'], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', APIGW_GEN_DEBUG: '' } });
    let stderr = '';
    let got = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      child.stdout.destroy(); // like head -1 exiting after its first line
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(got).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(hasStackTrace(stderr)).toBe(false);
    // lint's own verdict (Stripe has errors), not a crash
    expect(code).toBe(1);
  }, 60_000);

  it('a single-value option given twice is a usage error naming it (exit 2), not an internal error', () => {
    const spec = `${fixture('petstore')}/openapi.yaml`;
    for (const args of [
      // Files that exist: a missing one is refused as such before the repetition is looked at.
      ['lint', spec, '-c', 'package.json', '-c', 'tsconfig.json'],
      ['build', spec, '--config', 'package.json', '-c', 'tsconfig.json', '--check'],
      ['lint', spec, '--format', 'json', '--format', 'sarif'],
      ['build', spec, '--out', 'a', '--out', 'b', '--check'],
      ['routes', spec, '--api', 'A', '--api', 'B'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^apigw-gen: --(config|format|out|api) given 2 times \(".*", ".*"\): give it once$/m);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    // a repeatable option stays repeatable
    const targets = run(['build', spec, '--check', '--out', 'never-written', '-t', 'sdk', '-t', 'handlers']);
    expect(targets.stderr).not.toMatch(/given 2 times/);
  });
});
