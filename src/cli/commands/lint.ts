// `apigw-gen lint <spec>`: run every rule and print the diagnostics in a format people or CI read.

import { relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadApi } from '../../pipeline.js';
import { allRules, formatDiagnostics, FORMATS, lint, serializeBaseline, summarize, type LintFormat } from '../../lint/index.js';
import { writeTextFile } from '../../output/index.js';
import { configuredBaselineFile, readConfiguredBaseline } from '../baseline.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { exitCodesHelp } from '../exit-codes.js';
import { contextOf, type CliContext } from '../context.js';
import { resolveSpecAndConfig, specOptions, type SpecArgs } from '../shared.js';
import { plural } from '../../text/plural.js';
import { optionValueProblem } from '../option-values.js';

export const DEFAULT_BASELINE_FILE = '.apigw-gen-baseline.json';

export interface LintArgs extends SpecArgs {
  format?: LintFormat;
  maxWarnings?: number;
  /** `--baseline` alone: the default file; `--baseline f`: that file. */
  baseline?: string;
}

export const lintCommand: CommandModule<object, LintArgs> = {
  command: 'lint [spec]',
  describe: 'Check the spec against the rules API Gateway enforces at import, deploy and run time',
  builder: (yargs: Argv) =>
    specOptions(yargs)
      .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as LintFormat, describe: 'Output format' })
      .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this (default: no limit)' })
      .option('baseline', {
        type: 'string',
        describe: `Write today's problems to a baseline file (default: \`lint.baseline\` from the config, else ${DEFAULT_BASELINE_FILE}) so later runs report only new ones`,
      })
      .epilogue(exitCodesHelp('lint errors, or more warnings than --max-warnings'))
      .example('$0 lint openapi.yaml', 'human-readable report, grouped by file')
      .example('$0 lint openapi.yaml --format sarif > apigw.sarif', 'for GitHub code scanning')
      .example('$0 lint openapi.yaml --format github --max-warnings 0', 'annotations in GitHub Actions; fail on any warning')
      .example('$0 lint openapi.yaml --baseline', 'adopt on a legacy spec: accept today\'s problems, fail only on new ones')
      .example('$0 lint template.yaml --api OrdersApi', 'one API of a SAM/CloudFormation template') as unknown as Argv<LintArgs>,
  handler: async (args) => {
    const ctx = contextOf(args as unknown as Record<string, unknown>);
    ctx.exitCode = await runLint(args, ctx);
  },
};

/** Options the plain-argv fast path understands: flag → [LintArgs key, the check its value must pass]. */
const SIMPLE_OPTIONS: Record<string, { key: 'format' | 'maxWarnings' | 'apiType' | 'config' | 'api'; accept: (v: string, cwd: string) => boolean }> = {
  '--format': { key: 'format', accept: (v) => (FORMATS as readonly string[]).includes(v) },
  '-f': { key: 'format', accept: (v) => (FORMATS as readonly string[]).includes(v) },
  '--max-warnings': { key: 'maxWarnings', accept: (v, cwd) => optionValueProblem('count', v, cwd) === undefined },
  '--api-type': { key: 'apiType', accept: (v) => v === 'rest' || v === 'http' },
  '--config': { key: 'config', accept: (v, cwd) => plainValue(v) && optionValueProblem('input-file', v, cwd) === undefined },
  '-c': { key: 'config', accept: (v, cwd) => plainValue(v) && optionValueProblem('input-file', v, cwd) === undefined },
  '--api': { key: 'api', accept: (v, cwd) => plainValue(v) && optionValueProblem('logical-id', v, cwd) === undefined },
};

/** A value yargs takes as the same string: not empty, not a flag, not something it reads as a number. */
function plainValue(v: string): boolean {
  return v !== '' && !v.startsWith('-') && Number.isNaN(Number(v));
}

/**
 * The arguments of `lint <spec> [--format F] [--max-warnings N] [--api-type T] [--config C] [--api A]`
 * (each flag at most once, as `--flag value` or `--flag=value`, each value valid: see option-values.ts),
 * read without yargs; undefined for anything else (help, --baseline, booleans, repeats, unknown or bad
 * values), which yargs then parses and reports. Loading and running yargs costs ~90 ms, a seventh of
 * linting Stripe's spec; on these plain shapes the result is what yargs gives
 * (test/cli/lint-fast-argv.test.ts compares the two).
 */
export function simpleLintArgs(argv: readonly string[], cwd: string): LintArgs | undefined {
  if (argv[0] !== 'lint') return undefined;
  const args: LintArgs = {};
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('-')) {
      if (args.spec !== undefined || !plainValue(a)) return undefined;
      args.spec = a;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq === -1 ? a : a.slice(0, eq);
    const option = SIMPLE_OPTIONS[flag];
    if (!option || seen.has(option.key)) return undefined;
    seen.add(option.key);
    let value: string | undefined;
    if (eq !== -1) value = a.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined || !option.accept(value, cwd)) return undefined;
    if (option.key === 'maxWarnings') args.maxWarnings = Number(value);
    else if (option.key === 'format') args.format = value as LintFormat;
    else if (option.key === 'apiType') args.apiType = value as 'rest' | 'http';
    else args[option.key] = value;
  }
  return args;
}

export async function runLint(args: LintArgs, { io }: CliContext): Promise<number> {
  const { spec, config, text } = resolveSpecAndConfig(args, io);
  const { document, api } = await loadApi(spec, config, { ...(args.api !== undefined ? { api: args.api } : {}), ...(text !== undefined ? { text } : {}) });

  if (args.baseline !== undefined) {
    // Every current problem goes in, including those an older baseline already hides.
    const configured = configuredBaselineFile(config, io.cwd);
    const file = args.baseline !== '' ? resolve(io.cwd, args.baseline) : (configured ?? resolve(io.cwd, DEFAULT_BASELINE_FILE));
    const all = lint(api, document, config);
    writeTextFile(file, serializeBaseline(all));
    io.out(`apigw-gen: wrote a baseline of ${plural(all.length, 'problem')} to ${relative(io.cwd, file) || file}\n`);
    if (configured !== file) {
      io.out(`apigw-gen: set "lint": { "baseline": "${relative(config.file ? resolve(config.file, '..') : io.cwd, file)}" } in apigw-gen.config.json to use it\n`);
    }
    return 0;
  }

  const diagnostics = lint(api, document, config, { baseline: readConfiguredBaseline(config, io.cwd) });
  const format = args.format ?? 'stylish';
  const color = format === 'stylish' && io.color;
  const formatted = formatDiagnostics(format, diagnostics, { rules: allRules, cwd: io.cwd, color });
  // Colored stylish output escapes spec text itself (its own color codes must pass); JSON, SARIF,
  // JUnit and GitHub output may still hold raw C1 controls, shown escaped like everywhere else.
  const report = color ? formatted : terminalSafe(formatted);
  if (report !== '') io.out(report.endsWith('\n') ? report : `${report}\n`);

  const { errors, warnings } = summarize(diagnostics);
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.err(`apigw-gen: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
