// The linter's data: what a rule reports.

import type { Pointer } from '../model/types.js';

export type Severity = 'error' | 'warn' | 'info';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** What is wrong and how to fix it. */
  message: string;
  pointer: Pointer;
  /** Resolved through the source map; absent only when the node has no known position. */
  file?: string;
  line?: number;
  column?: number;
}
