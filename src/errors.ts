// Errors a user can act on. The CLI prints them as `file:line:column: message` and exits 2;
// anything that is not an ApigwError is a bug in apigw-gen.

import type { SourcePosition } from './load/types.js';
import { terminalSafe } from './text/terminal-safe.js';

export type ApigwErrorCode =
  | 'FILE_NOT_FOUND'
  | 'PARSE_ERROR'
  | 'TOO_LARGE'
  | 'NOT_OPENAPI'
  | 'BROKEN_REF'
  | 'REMOTE_REF'
  | 'REF_OUTSIDE_ROOT'
  | 'BAD_CONFIG'
  | 'BAD_TEMPLATE'
  | 'UNSAFE_PATH'
  | 'OUTPUT_CONFLICT'
  | 'IO_ERROR'
  | 'USAGE';

export class ApigwError extends Error {
  readonly code: ApigwErrorCode;
  readonly position: SourcePosition | undefined;

  constructor(code: ApigwErrorCode, message: string, position?: SourcePosition) {
    super(message);
    this.name = 'ApigwError';
    this.code = code;
    this.position = position;
  }

  /**
   * `file:line:column: message`, or just the message when there is no position. Ready to print:
   * the file name and message may quote the spec (a `$ref` target, a key), so control characters
   * are shown escaped rather than sent to the terminal.
   */
  format(): string {
    const p = this.position;
    return terminalSafe(p ? `${p.file}:${p.line}:${p.column}: ${this.message}` : this.message);
  }
}
