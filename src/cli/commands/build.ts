// `apigw-gen build <spec>`: load → normalize → lint → emit → write.

import { relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ApigwError } from '../../errors.js';
import { build, loadEmitters, type BuildOutcome } from '../../pipeline.js';
import { createLoadCache, missingFiles } from '../../load/index.js';
import { outputFolder } from '../../config/index.js';
import { isTarget, ALL_TARGETS } from '../../emit/index.js';
import { allRules, formatDiagnostics } from '../../lint/index.js';
import type { Target } from '../../emit/types.js';
import type { WriteResult } from '../../output/index.js';
import { formatGatewayChanges } from '../gateway-changes.js';
import { exitCodesHelp } from '../exit-codes.js';
import { formatEmitWarning } from '../emit-warnings.js';
import { contextOf, type CliContext, type CliIo } from '../context.js';
import { resolveSpecAndConfig, specOptions, type SpecArgs } from '../shared.js';
import { watchAndRebuild } from '../watch.js';
import { errorLine, plainTextIo } from '../errors.js';
import { readConfiguredBaseline } from '../baseline.js';
import { oas002 } from '../../lint/rules/oas/oas-002.js';
import type { BaselineEntry } from '../../lint/baseline.js';
import type { ResolvedConfig } from '../../config/types.js';
import { plural } from '../../text/plural.js';

export interface BuildArgs extends SpecArgs {
  out?: string;
  check?: boolean;
  lint?: boolean;
  targets?: string[];
  watch?: boolean;
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build [spec]',
  describe: 'Lint the spec, then generate the SDK, handlers, VTL templates and gateway config',
  builder: (yargs: Argv) =>
    specOptions(yargs)
      .option('out', { alias: 'o', type: 'string', describe: 'Output folder (default: `out` from the config, else ./generated)' })
      .option('check', { type: 'boolean', describe: 'Write nothing; exit 1 and list the files that are out of date' })
      .option('lint', { type: 'boolean', default: true, describe: 'Lint first and stop on errors (--no-lint skips it)' })
      .option('targets', {
        alias: 't',
        type: 'string',
        array: true,
        // one value per flag: an array option would otherwise swallow the spec after it (`-t sdk spec.yaml`)
        nargs: 1,
        describe: `Targets to generate, comma-separated (${ALL_TARGETS.join(', ')}; default: all)`,
      })
      .option('watch', { alias: 'w', type: 'boolean', describe: 'Rebuild whenever a file of the spec changes (Ctrl-C to stop)' })
      .conflicts('watch', 'check')
      .epilogue(exitCodesHelp('lint errors stopped the build, or --check found the output out of date'))
      .example('$0 build openapi.yaml', 'generate everything into ./generated')
      .example('$0 build openapi.yaml --out src/generated --targets sdk,handlers', 'only the client SDK and handler stubs')
      .example('$0 build openapi.yaml --check', 'in CI: fail when the committed output is stale')
      .example('$0 build openapi.yaml --watch', 'regenerate on every save')
      .example('$0 build template.yaml --api OrdersApi', 'the API with logical id OrdersApi in a SAM/CloudFormation template') as unknown as Argv<BuildArgs>,
  handler: async (args) => {
    const ctx = contextOf(args as unknown as Record<string, unknown>);
    ctx.exitCode = await runBuild(args, ctx);
  },
};

export async function runBuild(args: BuildArgs, ctx: CliContext): Promise<number> {
  // Reports quote the spec (file names, rewritten keys, lint messages) and print no colors.
  const io = plainTextIo(ctx.io);
  const targets = parseTargets(args.targets);
  if (args.watch && args.spec === '-') throw new ApigwError('USAGE', '--watch cannot watch standard input (the spec `-`): pass the spec file');
  const { spec, config, text } = resolveSpecAndConfig(args, io, {
    ...(targets ? { targets } : {}),
    ...(args.out !== undefined ? { out: resolve(io.cwd, args.out) } : {}),
  });
  const out = outputFolder(config, io.cwd);
  // Watch mode keeps one parse cache across rebuilds: only the files that changed are parsed again.
  const loadOptions = {
    ...(args.api !== undefined ? { api: args.api } : {}),
    ...(args.watch ? { cache: createLoadCache() } : {}),
    ...(text !== undefined ? { text } : {}),
  };
  const once = async (): Promise<{ code: number; outcome?: BuildOutcome }> => {
    // Read on every rebuild: in watch mode the user may refresh the baseline meanwhile. Also with
    // --no-lint: a build refusing broken $refs says whether `apigw-gen lint` lists them, which
    // depends on the baseline (it is used for nothing else then, so an unreadable one is no error).
    const baseline = args.lint !== false ? readConfiguredBaseline(config, io.cwd) : baselineIfReadable(config, io.cwd);
    const outcome = await build({ spec, out, config, lint: args.lint !== false, check: args.check === true, load: loadOptions, baseline });
    return { code: report(outcome, io, args, spec), outcome };
  };

  if (!args.watch) return (await once()).code;

  // Loaded now, not when the first build that passes lint needs them (maybe hours later): by then a
  // rebuild of apigw-gen itself may have removed the bundle this process runs from (bin/dist-build.js).
  await loadEmitters();

  let lastFiles: string[] = [spec];
  await watchAndRebuild({
    stop: ctx.stopSignal,
    run: async () => {
      try {
        const { outcome } = await once();
        // The files read, and those a $ref names that do not exist yet: creating one fixes the spec.
        if (outcome) lastFiles = [...outcome.document.files, ...missingFiles(outcome.document.brokenRefs ?? [])];
      } catch (error) {
        // Keep watching whatever went wrong: the user fixes the spec and saves again.
        io.err(errorLine(error));
      }
      return lastFiles;
    },
    onWatching: (n) => io.err(`apigw-gen: watching ${plural(n, 'file')} for changes (Ctrl-C to stop)\n`),
  });
  return 0;
}

/** The configured baseline's entries, or none when it cannot be read (see `once` in runBuild). */
function baselineIfReadable(config: ResolvedConfig, cwd: string): BaselineEntry[] {
  try {
    return readConfiguredBaseline(config, cwd);
  } catch {
    return [];
  }
}

/** `--targets sdk,handlers` and `--targets sdk --targets handlers` both work. */
function parseTargets(raw: string[] | undefined): Target[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.flatMap((t) => String(t).split(',')).map((t) => t.trim()).filter((t) => t !== '');
  const unknown = names.filter((n) => !isTarget(n));
  if (unknown.length > 0) {
    throw new ApigwError('USAGE', `unknown target ${unknown.map((u) => JSON.stringify(u)).join(', ')}: choose from ${ALL_TARGETS.join(', ')}`);
  }
  if (names.length === 0) throw new ApigwError('USAGE', `--targets needs at least one of ${ALL_TARGETS.join(', ')}`);
  return [...new Set(names)] as Target[];
}

/** Prints what happened and returns the exit code. */
function report(outcome: BuildOutcome, io: CliIo, args: BuildArgs, spec: string): number {
  const check = args.check === true;
  if (outcome.diagnostics.length > 0) {
    io.err(formatDiagnostics('stylish', outcome.diagnostics, { rules: allRules, cwd: io.cwd, color: false }));
  }
  if (outcome.refusedBrokenRefs) {
    io.err(errorLine(outcome.refusedBrokenRefs.error));
    return 2;
  }
  if (outcome.stoppedByLint || !outcome.written) {
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
    // --no-lint skips the rules, never broken $refs: don't send the user round in a circle. Judged by
    // the document, not by the OAS-002 errors: OAS-002 may be a warning, off, ignored or baselined.
    const broken = outcome.document.brokenRefs?.length ?? 0;
    const onlyBroken = errors.every((d) => d.ruleId === oas002.id);
    const refs = plural(broken, 'broken $ref');
    const hint = broken === 0
      ? 'fix them, or pass --no-lint to generate anyway'
      : onlyBroken
        ? 'fix them: broken $refs are never skipped, not even with --no-lint'
        : `fix them; the spec also has ${refs}, which ${broken === 1 ? 'is' : 'are'} never skipped, not even with --no-lint`;
    io.err(`apigw-gen: build stopped: ${plural(errors.length, 'lint error')} (${hint})\n`);
    return 1;
  }
  const written = outcome.written;
  const where = displayFolder(written.outDir, io.cwd);
  if (outcome.gatewayChanges && outcome.gatewayChanges.length > 0) io.err(formatGatewayChanges(outcome.gatewayChanges, where));
  for (const w of outcome.emitWarnings ?? []) io.err(formatEmitWarning(w, outcome.document, io.cwd));
  for (const file of outcome.orphanedHandlers) {
    io.err(`apigw-gen: handlers/${file}: implementation no longer matches any function (kept)\n`);
  }
  if (check) {
    if (!written.stale) {
      io.out(`apigw-gen: ${where} is up to date\n`);
      return 0;
    }
    const rerun = `\`${rebuildCommand(args, spec, io.cwd)}\``;
    const conflicts = written.conflicts.length;
    // A build refuses to overwrite a conflicting file: sending the user to run one would go nowhere.
    const them = conflicts === 1 ? 'it' : 'them';
    const next = conflicts === 0
      ? `run ${rerun} to update`
      : `${conflicts === 1 ? 'the file marked conflict below is' : `the ${conflicts} files marked conflict below are`} not apigw-gen's output or edited since, and a build refuses to overwrite ${them}: move ${them} out of ${where} to keep ${them}, or delete ${them} to let apigw-gen regenerate ${them}; then run ${rerun}`;
    io.out(`apigw-gen: ${where} is out of date; ${next}:\n${listChanges(written)}`);
    return 1;
  }
  io.out(`apigw-gen: ${where} ${summary(written)}\n`);
  if (written.abandoned.length > 0) {
    io.err(`apigw-gen: no longer generated but edited by hand, so left in place: ${written.abandoned.join(', ')}\n`);
  }
  return 0;
}

/** The build `--check` stands for: the same spec, config, root, API, output and targets. */
function rebuildCommand(args: BuildArgs, spec: string, cwd: string): string {
  const words = ['apigw-gen', 'build', args.spec === '-' ? '-' : displayFolder(spec, cwd)];
  const flag = (name: string, value: string | undefined) => {
    if (value !== undefined) words.push(name, /^[\w./@:+-]+$/.test(value) ? value : JSON.stringify(value));
  };
  flag('--config', args.config);
  flag('--root', args.root);
  flag('--api', args.api);
  flag('--api-type', args.apiType);
  flag('--out', args.out);
  flag('--targets', args.targets?.join(','));
  if (args.allowRemoteRefs) words.push('--allow-remote-refs');
  if (args.lint === false) words.push('--no-lint');
  return words.join(' ');
}

function listChanges(written: WriteResult): string {
  const lines = [
    ...written.added.map((p) => `  added    ${p}`),
    ...written.changed.map((p) => `  changed  ${p}`),
    ...written.removed.map((p) => `  removed  ${p}`),
    // Files a build would refuse to overwrite (yours, or generated and edited since): a real build stops on them.
    ...written.conflicts.map((p) => `  conflict ${p}`),
  ];
  return lines.join('\n') + '\n';
}

function summary(written: WriteResult): string {
  const parts = [
    `${written.added.length} added`,
    `${written.changed.length} changed`,
    `${written.removed.length} removed`,
    `${written.unchanged.length} unchanged`,
  ];
  if (written.kept.length > 0) parts.push(`${plural(written.kept.length, 'handler stub')} kept`);
  return parts.join(', ');
}

function displayFolder(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
