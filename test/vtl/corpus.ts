// Shared helpers for the AWS-recorded corpus in ../shared/corpus/vtl (see its README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../support/shared.js';

export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus/vtl');

export function readCorpus<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(CORPUS_DIR, file), 'utf8')) as T;
}

/** Deep equality where a `"<...>"` string in `expected` matches any string (json-with-placeholders). */
export function matchesWithPlaceholders(actual: unknown, expected: unknown, ignoreKeys: readonly string[] = []): boolean {
  if (typeof expected === 'string' && /^<.*>$/.test(expected)) return typeof actual === 'string';
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesWithPlaceholders(actual[i], e, ignoreKeys));
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)].filter((k) => !ignoreKeys.includes(k)));
    return [...keys].every((k) => k in a && k in e && matchesWithPlaceholders(a[k], e[k], ignoreKeys));
  }
  return actual === expected;
}
