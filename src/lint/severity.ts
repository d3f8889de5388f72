// Ordering and parsing of severities, shared by the runner, config handling and formatters.

import type { Severity } from './types.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info'];

export function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warn' || value === 'info';
}

/** error > warn > info. */
export function severityRank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warn' ? 1 : 0;
}
