// Errors raised while parsing or rendering a mapping template. They are ApigwErrors with code
// BAD_TEMPLATE, so the CLI prints them as `file:line:column: message` and exits 2.

import { ApigwError } from '../errors.js';

export class VtlError extends ApigwError {
  /** 1-based line inside the template text. */
  readonly line: number;
  /** 1-based column inside the template text. */
  readonly column: number;

  constructor(message: string, line: number, column: number, file = '<template>') {
    super('BAD_TEMPLATE', message, { file, line, column });
    this.name = 'VtlError';
    this.line = line;
    this.column = column;
  }

  /** The same error reported against another file name (e.g. the spec the template came from). */
  withFile(file: string): VtlError {
    return new VtlError(this.message, this.line, this.column, file);
  }
}

/** A 1-based template position. */
export interface TemplatePosition {
  line: number;
  column: number;
}

/** A render stopped by one of the engine's limits (limits.ts), at the template position that hit it. */
export class VtlLimitError extends VtlError {
  override withFile(file: string): VtlLimitError {
    const e = new VtlLimitError(this.message, this.line, this.column, file);
    return e;
  }
}
