// Printing spec-derived text safely: errors that ended a command (or one rebuild of `build
// --watch`) and plain reports. Both quote the spec, so they go through terminalSafe.

import { ApigwError } from '../errors.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { CliIo } from './context.js';

/** The absolute name a spec read from standard input goes by (see STDIN_NAME in shared.ts): shown as `<stdin>`. */
const STDIN_PATH = /(?:[A-Za-z]:)?[^\s:]*[\\/]<stdin>(?=:)/g;

/** `apigw-gen: <file:line:col: message>` for a user error; `apigw-gen: internal error: …` for a bug. */
export function errorLine(error: unknown): string {
  if (error instanceof ApigwError) return `apigw-gen: ${error.format().replace(STDIN_PATH, '<stdin>')}\n`;
  const message = error instanceof Error ? error.message : String(error);
  return `apigw-gen: internal error: ${terminalSafe(message)}\n`;
}

/**
 * `io` with every printed text passed through terminalSafe (line breaks kept). For output that
 * carries no escape sequences of apigw-gen's own (no colors): build reports, JSON, tables.
 */
export function plainTextIo(io: CliIo): CliIo {
  return { ...io, out: (text) => io.out(terminalSafe(text)), err: (text) => io.err(terminalSafe(text)) };
}
