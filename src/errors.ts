// Errors a user can act on. The CLI prints them as `file:line:column: message` and exits 2;
// anything that is not an ApigwError is a bug in apigw-gen.

import type { SourcePosition } from './load/types.js';

export type ApigwErrorCode =
  | 'FILE_NOT_FOUND'
  | 'PARSE_ERROR'
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

  /** `file:line:column: message`, or just the message when there is no position. */
  format(): string {
    const p = this.position;
    return p ? `${p.file}:${p.line}:${p.column}: ${this.message}` : this.message;
  }
}
