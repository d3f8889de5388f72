// The `lint` fast path (argv read without yargs) must give runLint exactly what yargs gives it, and
// hand every other shape back to yargs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { lintCommand, simpleLintArgs, type LintArgs } from '../../src/cli/commands/lint.js';

const KEYS = ['spec', 'format', 'maxWarnings', 'apiType', 'config', 'api', 'baseline', 'allowRemoteRefs'] as const;

/** What the real yargs command hands its handler, reduced to the keys runLint reads. */
async function viaYargs(argv: string[]): Promise<Partial<LintArgs>> {
  let got: Record<string, unknown> | undefined;
  await yargs(argv)
    .command({ ...lintCommand, handler: (a) => void (got = a as unknown as Record<string, unknown>) })
    .strict()
    .exitProcess(false)
    .fail((m, e) => {
      throw e ?? new Error(m);
    })
    .parseAsync();
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (got?.[k] !== undefined) out[k] = got[k];
  return out;
}

function plain(args: LintArgs | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (args?.[k] !== undefined) out[k] = args[k];
  return out;
}

/** The folder relative paths are read from: holds the config files the examples name (values are checked). */
let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'apigw-gen-fast-argv-'));
  for (const name of ['cfg.json', 'cfg.yaml']) writeFileSync(join(cwd, name), '{}');
  mkdirSync(join(cwd, 'folder'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('simpleLintArgs', () => {
  const same = [
    ['lint', 'openapi.yaml'],
    ['lint', '../shared/specs/stripe/openapi.yaml', '--format', 'json'],
    ['lint', 'a.yaml', '-f', 'sarif'],
    ['lint', '--format=github', 'a.yaml'],
    ['lint', 'a.yaml', '--max-warnings', '0'],
    ['lint', 'a.yaml', '--max-warnings=12', '--api-type', 'http'],
    ['lint', 'a.yaml', '--api-type=rest', '--config', 'cfg.json', '--api', 'OrdersApi'],
    ['lint', '-c', 'cfg.yaml', 'template.yaml', '-f', 'junit'],
    ['lint', '--format', 'stylish'],
    ['lint'],
  ];
  for (const argv of same) {
    it(`reads ${JSON.stringify(argv)} as yargs does`, async () => {
      const fast = simpleLintArgs(argv, cwd);
      expect(fast).toBeDefined();
      const expected = await viaYargs(argv);
      // yargs fills in the default format; runLint applies the same default when it is absent.
      expect({ format: 'stylish', ...plain(fast) }).toEqual(expected);
    });
  }

  const others = [
    ['build', 'a.yaml'],
    ['lint', 'a.yaml', '--help'],
    ['lint', 'a.yaml', '--baseline'],
    ['lint', 'a.yaml', '--allow-remote-refs'],
    ['lint', 'a.yaml', 'b.yaml'],
    ['lint', 'a.yaml', '--format', 'xml'],
    ['lint', 'a.yaml', '--format', 'json', '--format', 'sarif'],
    ['lint', 'a.yaml', '--max-warnings', '-1'],
    ['lint', 'a.yaml', '--max-warnings', 'x'],
    ['lint', 'a.yaml', '--format'],
    ['lint', '123'],
    ['lint', 'a.yaml', '--config', ''],
    // values the checks of option-values.ts refuse: yargs' path reports them
    ['lint', 'a.yaml', '--config', 'missing.json'],
    ['lint', 'a.yaml', '--config', 'folder'],
    ['lint', 'a.yaml', '--api', 'Orders-Api'],
    ['lint', 'a.yaml', '--max-warnings', '1.5'],
    ['lint', 'a.yaml', '-f=json'],
    ['lint', 'a.yaml', '--apiType', 'rest'],
    ['lint', 'a.yaml', '--', 'b'],
    ['--format', 'json', 'lint', 'a.yaml'],
  ];
  for (const argv of others) {
    it(`leaves ${JSON.stringify(argv)} to yargs`, () => {
      expect(simpleLintArgs(argv, cwd)).toBeUndefined();
    });
  }
});
