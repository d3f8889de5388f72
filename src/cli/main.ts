// The CLI: yargs wiring only. `main` parses argv, runs one command and returns the exit code
// (bin/apigw-gen.js sets it); nothing here calls process.exit.
//
// Exit codes: 0 ok · 1 problems found (lint errors, too many warnings, stale output) ·
// 2 bad input or usage (unreadable spec or config, unknown flag) · 70 internal error (a bug in
// apigw-gen: printed as one line, with the stack trace only when APIGW_GEN_DEBUG is set).

import { readFileSync } from 'node:fs';
import type { CommandModule, MiddlewareFunction } from 'yargs';
import { ApigwError } from '../errors.js';
import { packageFile } from '../package-files.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { errorLine } from './errors.js';
import { checkOptionValues, type DeclaredOptions } from './option-values.js';
import { CONTEXT_KEY, type CliContext, type CliIo } from './context.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, exitCodesHelp } from './exit-codes.js';

/**
 * The commands, each loaded only when it runs: a command module pulls in its whole stage (the
 * emitters with prettier and Handlebars for build, every rule for lint), and `lint` or `--help`
 * should not pay for the others. `--help` lists them from the names and descriptions here.
 */
interface LazyCommand {
  name: string;
  command: string;
  describe: string;
  load: () => Promise<CommandModule<any, any>>;
}

const COMMANDS: readonly LazyCommand[] = [
  { name: 'build', command: 'build [spec]', describe: 'Lint the spec, then generate the SDK, handlers, VTL templates and gateway config', load: async () => (await import('./commands/build.js')).buildCommand },
  { name: 'lint', command: 'lint [spec]', describe: 'Check the spec against the rules API Gateway enforces at import, deploy and run time', load: async () => (await import('./commands/lint.js')).lintCommand },
  { name: 'routes', command: 'routes [spec]', describe: 'List every route: method, path, integration and target, authorizer, API key, validator', load: async () => (await import('./commands/routes.js')).routesCommand },
  { name: 'serve', command: 'serve [spec]', describe: 'Run the API locally on a gateway that answers as API Gateway does, against your handlers', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'vtl', command: 'vtl <command>', describe: 'Mapping-template (VTL) tools', load: async () => (await import('./commands/vtl.js')).vtlCommand },
];

/** The command module argv runs (loaded), and the others as name + description only. */
async function commandModules(argv: string[]): Promise<CommandModule<any, any>[]> {
  const chosen = argv.find((a) => COMMANDS.some((c) => c.name === a));
  return Promise.all(
    COMMANDS.map(async (c) => (c.name === chosen ? await c.load() : { command: c.command, describe: c.describe, handler: notLoaded })),
  );
}

/** Only reachable if yargs picked a different command than the one loaded: never run a stub silently. */
function notLoaded(): never {
  throw new ApigwError('USAGE', 'could not tell which command to run: put the command first (e.g. `apigw-gen lint openapi.yaml --config c.json`)');
}

export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL } from './exit-codes.js';

export interface MainOptions {
  io?: Partial<CliIo>;
  /** Resolves when `build --watch` or `serve` should stop; default: SIGINT or SIGTERM. */
  stopSignal?: PromiseLike<void>;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  quietOnClosedPipes();
  const io: CliIo = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    readStdin: readStandardInput,
    ...options.io,
  };
  const stop = options.stopSignal ? { promise: options.stopSignal, dispose: () => undefined } : signalStop();
  const ctx: CliContext = { io, exitCode: EXIT_OK, stopSignal: stop.promise };
  try {
    if (argv[0] === 'lint') {
      // The common plain `lint <spec> --format …` needs no yargs (loading it is ~60 ms of a lint run).
      const { simpleLintArgs, runLint } = await import('./commands/lint.js');
      const args = simpleLintArgs(argv, io.cwd);
      if (args) {
        ctx.exitCode = await runLint(args, ctx);
        return ctx.exitCode;
      }
    }
    await (await parser(argv, await commandModules(argv), io.cwd)).parseAsync(argv, { [CONTEXT_KEY]: ctx });
    return ctx.exitCode;
  } catch (error) {
    return reportError(error, io);
  } finally {
    stop.dispose();
  }
}

async function parser(argv: string[], commands: CommandModule<any, any>[], cwd: string) {
  const { default: yargs } = await import('yargs');
  let y = yargs(argv);
  for (const command of commands) y = y.command(command);
  return y
    .scriptName('apigw-gen')
    .usage('$0 <command> [options]\n\nCompiler and linter for Amazon API Gateway APIs written in OpenAPI.')
    .demandCommand(1, 'Say which command to run.')
    .recommendCommands()
    .strict()
    .help()
    .alias('h', 'help')
    .version(packageVersion())
    .alias('v', 'version')
    .example('$0 build openapi.yaml', 'lint, then generate everything into ./generated')
    .example('$0 lint openapi.yaml --format sarif', 'report problems for GitHub code scanning')
    .example('$0 routes openapi.yaml', 'the API at a glance')
    .example('$0 serve openapi.yaml', 'run the API locally against the handlers')
    .epilogue(`${exitCodesHelp('problems found: lint errors, too many warnings, stale output (see each command\'s --help)')}\n\nDocs: README.md and docs/rules/.`)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    // Report usage errors ourselves (one message, exit 2) instead of yargs printing and exiting.
    // The third argument is the yargs instance, whose getOptions() @types/yargs does not declare.
    .fail(((message: string | undefined, error: Error | undefined, instance: { getOptions(): DeclaredOptions }) => {
      if (error instanceof ApigwError) throw error;
      // yargs' own complaint about a value (`-t` alone: "Not enough arguments following: t", a choice
      // not given) is said like every other bad value: the option, the value, what it takes.
      if (typeof instance?.getOptions === 'function') checkOptionValues(argv, instance.getOptions(), cwd);
      if (error && error.name !== 'YError') throw error;
      throw new ApigwError('USAGE', `${message ?? error?.message ?? 'invalid arguments'}\nRun \`apigw-gen --help\` (or \`apigw-gen <command> --help\`) for usage.`);
    }) as unknown as (message: string, error: Error) => never)
    .showHelpOnFail(false)
    .parserConfiguration({ 'camel-case-expansion': true })
    // yargs passes the instance (whose getOptions() holds the running command's options) as the
    // middleware's second argument; @types/yargs declares only the first.
    .middleware(((args: Record<string, unknown>, instance: { getOptions(): DeclaredOptions }) => {
      const options = instance.getOptions();
      checkOptionValues(argv, options, cwd);
      rejectRepeated(args, options);
      // yargs reads the argument `-` (standard input) as ''.
      if (args.spec === '' && argv.includes('-')) args.spec = '-';
    }) as unknown as MiddlewareFunction, true);
}

/**
 * A single-value option given more than once (`-c a.json -c b.json`) arrives as an array, which
 * the command would take for a value (and fail on as an internal error): a usage error instead,
 * naming the option and the values. Options declared `array: true` (--targets) are repeatable.
 */
export function rejectRepeated(args: Record<string, unknown>, options: DeclaredOptions): void {
  const repeatable = new Set(options.array ?? []);
  const aliases = new Set(Object.values(options.alias ?? {}).flat());
  for (const key of Object.keys(options.key ?? {})) {
    if (repeatable.has(key) || aliases.has(key)) continue;
    const value = args[key];
    if (!Array.isArray(value)) continue;
    const values = value.map((v) => JSON.stringify(String(v))).join(', ');
    throw new ApigwError('USAGE', `--${key} given ${value.length} times (${values}): give it once`);
  }
}

let pipesGuarded = false;

/**
 * `apigw-gen lint spec --format sarif | head -1`: the reader goes away, the next write fails with
 * EPIPE, emitted as an 'error' event that, unhandled, crashes Node with a stack trace. Like other
 * CLIs, stop writing quietly instead: the output is not wanted. Other stream errors stay fatal.
 * Installed once per process and never removed: the event may come after main has returned.
 */
function quietOnClosedPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      // Nothing more can be shown; the writes still queued would only fail again.
      stream.destroy();
    });
  }
}

function reportError(error: unknown, io: CliIo): number {
  io.err(errorLine(error));
  if (error instanceof ApigwError) return EXIT_USAGE;
  io.err('This is a bug in apigw-gen; please report it (set APIGW_GEN_DEBUG=1 to print the stack trace).\n');
  if (process.env.APIGW_GEN_DEBUG && error instanceof Error && error.stack) io.err(`${terminalSafe(error.stack)}\n`);
  return EXIT_INTERNAL;
}

/** Ctrl-C or SIGTERM ends `build --watch`. The listeners exist only while main runs. */
function signalStop(): { promise: PromiseLike<void>; dispose: () => void } {
  let onSignal: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    onSignal = () => resolve();
  });
  let registered = false;
  return {
    promise: {
      then(onFulfilled, onRejected) {
        // Listen only when a command actually waits for a stop: a plain `lint` keeps Ctrl-C's default.
        if (!registered) {
          registered = true;
          process.once('SIGINT', onSignal);
          process.once('SIGTERM', onSignal);
        }
        return promise.then(onFulfilled, onRejected);
      },
    },
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** All of standard input; refused when it is a terminal, where the user would wait for nothing. */
function readStandardInput(): string {
  if (process.stdin.isTTY) throw new ApigwError('USAGE', 'the spec `-` is read from standard input, which is a terminal: pipe the spec in (`apigw-gen lint - < openapi.yaml`)');
  return readFileSync(0, 'utf8');
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
