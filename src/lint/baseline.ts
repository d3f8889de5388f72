// Baselines: a file listing today's problems so a team with a legacy spec can adopt the linter and
// fail only on new ones. An entry matches a diagnostic with the same rule id, pointer and message
// (stored as a short hash so the file stays small and does not churn on whitespace). Matching is
// counted: an entry suppresses one diagnostic, so a second copy of the same problem is new.
// Pure: the CLI reads the file and passes the entries to `lint`; src/output writes it.

import { createHash } from 'node:crypto';
import { ApigwError } from '../errors.js';
import type { Diagnostic } from './types.js';

export interface BaselineEntry {
  ruleId: string;
  pointer: string;
  /** sha256 of the message, first 16 hex characters. */
  messageHash?: string;
  /** Accepted instead of `messageHash` for hand-written baselines. */
  message?: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export function messageHash(message: string): string {
  return createHash('sha256').update(message.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

function keyOf(ruleId: string, pointer: string, hash: string): string {
  return `${ruleId}\u0000${pointer}\u0000${hash}`;
}

export function createBaseline(diagnostics: readonly Diagnostic[]): Baseline {
  const entries = diagnostics.map((d) => ({ ruleId: d.ruleId, pointer: d.pointer, messageHash: messageHash(d.message) }));
  entries.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.pointer.localeCompare(b.pointer) || a.messageHash.localeCompare(b.messageHash));
  return { version: 1, entries };
}

export function serializeBaseline(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(createBaseline(diagnostics), null, 2) + '\n';
}

/** Parses a baseline file's text; `file` names it in error messages. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ApigwError('BAD_CONFIG', `lint baseline ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new ApigwError('BAD_CONFIG', `lint baseline ${file} must be {"entries": [...]} or an array`);
  const entries: BaselineEntry[] = [];
  list.forEach((raw, i) => {
    const e = raw as Partial<BaselineEntry> | null;
    if (!e || typeof e.ruleId !== 'string' || typeof e.pointer !== 'string' || (typeof e.messageHash !== 'string' && typeof e.message !== 'string')) {
      throw new ApigwError('BAD_CONFIG', `lint baseline ${file}: entry ${i} needs string ruleId, pointer and messageHash (or message)`);
    }
    entries.push({ ruleId: e.ruleId, pointer: e.pointer, ...(e.messageHash !== undefined ? { messageHash: e.messageHash } : { message: e.message }) });
  });
  return { version: 1, entries };
}

/** A counted matcher: `take(d)` is true (and consumes one entry) when the baseline knows `d`. */
export function baselineMatcher(entries: readonly BaselineEntry[]): (d: Diagnostic) => boolean {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const k = keyOf(e.ruleId, e.pointer, e.messageHash ?? messageHash(e.message ?? ''));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return (d) => {
    const k = keyOf(d.ruleId, d.pointer, messageHash(d.message));
    const n = counts.get(k) ?? 0;
    if (n === 0) return false;
    counts.set(k, n - 1);
    return true;
  };
}
