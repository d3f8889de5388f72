// `apigw-gen lint <spec>`: run every rule and print the diagnostics in a format people or CI read.

import { relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadApi } from '../../pipeline.js';
import { allRules, formatDiagnostics, FORMATS, lint, serializeBaseline, summarize, type LintFormat } from '../../lint/index.js';
import { writeTextFile } from '../../output/index.js';
import { configuredBaselineFile, readConfiguredBaseline } from '../baseline.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { contextOf, type CliContext } from '../context.js';
import { resolveSpecAndConfig, specOptions, type SpecArgs } from '../shared.js';

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

export async function runLint(args: LintArgs, { io }: CliContext): Promise<number> {
  const { spec, config } = resolveSpecAndConfig(args, io);
  const { document, api } = await loadApi(spec, config, args.api !== undefined ? { api: args.api } : {});

  if (args.baseline !== undefined) {
    // Every current problem goes in, including those an older baseline already hides.
    const configured = configuredBaselineFile(config, io.cwd);
    const file = args.baseline !== '' ? resolve(io.cwd, args.baseline) : (configured ?? resolve(io.cwd, DEFAULT_BASELINE_FILE));
    const all = lint(api, document, config);
    writeTextFile(file, serializeBaseline(all));
    io.out(`apigw-gen: wrote a baseline of ${all.length} problem${all.length === 1 ? '' : 's'} to ${relative(io.cwd, file) || file}\n`);
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
  const text = color ? formatted : terminalSafe(formatted);
  if (text !== '') io.out(text.endsWith('\n') ? text : `${text}\n`);

  const { errors, warnings } = summarize(diagnostics);
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.err(`apigw-gen: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
