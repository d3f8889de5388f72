// What a command handler needs from the outside world, passed in (not read from globals) so
// commands can be run in-process by tests and by `main` alike. yargs merges the context object
// given to parseAsync into every handler's argv, including nested subcommands (`vtl render`).

export interface CliIo {
  /** Writes to standard output (text includes its own newlines). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  cwd: string;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** Whether to color output: a terminal, and NO_COLOR (https://no-color.org) not set. */
  color: boolean;
  /** All of standard input, as text (the spec `-`). */
  readStdin?(): string;
}

export interface CliContext {
  io: CliIo;
  /** The exit code a handler asks for; `main` returns it. 0 unless set. */
  exitCode: number;
  /** Resolves when a long-running command (`build --watch`) should stop. */
  stopSignal: PromiseLike<void>;
}

export const CONTEXT_KEY = 'apigwGenContext';

/** The context `main` put into argv. Handlers call this to print and to set their exit code. */
export function contextOf(argv: Record<string, unknown>): CliContext {
  const ctx = argv[CONTEXT_KEY] as CliContext | undefined;
  if (!ctx) throw new Error('apigw-gen command run outside main(): no CLI context');
  return ctx;
}
