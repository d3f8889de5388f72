// The CLI: yargs wiring only. `main` parses argv, runs one command and returns the exit code
// (bin/apigw-gen.js sets it); nothing here calls process.exit.
//
// Exit codes: 0 ok · 1 problems found (lint errors, too many warnings, stale output) ·
// 2 bad input or usage (unreadable spec or config, unknown flag) · 70 internal error (a bug in
// apigw-gen: printed as one line, with the stack trace only when APIGW_GEN_DEBUG is set).

import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { ApigwError } from '../errors.js';
import { buildCommand } from './commands/build.js';
import { lintCommand } from './commands/lint.js';
import { routesCommand } from './commands/routes.js';
import { vtlCommand } from './commands/vtl.js';
import { CONTEXT_KEY, type CliContext, type CliIo } from './context.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

export interface MainOptions {
  io?: Partial<CliIo>;
  /** Resolves when `build --watch` should stop; default: SIGINT or SIGTERM. */
  stopSignal?: PromiseLike<void>;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const io: CliIo = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    ...options.io,
  };
  const stop = options.stopSignal ? { promise: options.stopSignal, dispose: () => undefined } : signalStop();
  const ctx: CliContext = { io, exitCode: EXIT_OK, stopSignal: stop.promise };
  try {
    await parser(argv).parseAsync(argv, { [CONTEXT_KEY]: ctx });
    return ctx.exitCode;
  } catch (error) {
    return reportError(error, io);
  } finally {
    stop.dispose();
  }
}

function parser(argv: string[]) {
  return yargs(argv)
    .scriptName('apigw-gen')
    .usage('$0 <command> [options]\n\nCompiler and linter for Amazon API Gateway APIs written in OpenAPI.')
    .command(buildCommand)
    .command(lintCommand)
    .command(routesCommand)
    .command(vtlCommand)
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
    .epilogue('Exit codes: 0 ok, 1 problems found (lint errors, stale output), 2 bad input or usage.\nDocs: README.md and docs/rules/.')
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    // Report usage errors ourselves (one message, exit 2) instead of yargs printing and exiting.
    .fail((message: string | undefined, error: Error | undefined) => {
      if (error) throw error;
      throw new ApigwError('USAGE', `${message ?? 'invalid arguments'}\nRun \`apigw-gen --help\` (or \`apigw-gen <command> --help\`) for usage.`);
    })
    .showHelpOnFail(false)
    .parserConfiguration({ 'camel-case-expansion': true });
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof ApigwError) {
    io.err(`apigw-gen: ${error.format()}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`apigw-gen: internal error: ${message}\nThis is a bug in apigw-gen; please report it (set APIGW_GEN_DEBUG=1 to print the stack trace).\n`);
  if (process.env.APIGW_GEN_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
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

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
