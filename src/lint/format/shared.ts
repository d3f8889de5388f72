// Pieces every formatter needs: options, counting, paths relative to cwd.

import { isAbsolute, relative, sep } from 'node:path';
import type { Rule } from '../rule.js';
import type { Diagnostic } from '../types.js';

export interface FormatOptions {
  /** Rule metadata (descriptions, facts, default severities); SARIF lists them as tool rules. */
  rules: readonly Rule[];
  /** File paths are printed relative to this folder. */
  cwd: string;
  /** ANSI colors in `stylish` (the CLI passes `process.stdout.isTTY`). Default false. */
  color?: boolean;
  /** Where rule pages live; `<base><ID>.md`. Defaults to the repository's docs/rules/. */
  docsBaseUrl?: string;
}

export const DEFAULT_DOCS_BASE_URL = 'https://github.com/apigw-gen/apigw-gen/blob/main/docs/rules/';

export function ruleDocUrl(id: string, options: FormatOptions): string {
  return `${options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL}${encodeURIComponent(id)}.md`;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warn') s.warnings++;
    else s.infos++;
  }
  return s;
}

/** The last cwd displayPath saw, and its answers: thousands of diagnostics share a few files. */
let memoCwd: string | undefined;
const memo = new Map<string, string>();

/** A path relative to cwd with `/` separators (absolute paths on another drive stay absolute). */
export function displayPath(file: string | undefined, cwd: string): string | undefined {
  if (file === undefined) return undefined;
  if (cwd !== memoCwd) {
    memoCwd = cwd;
    memo.clear();
  }
  let shown = memo.get(file);
  if (shown === undefined) {
    shown = computeDisplayPath(file, cwd);
    memo.set(file, shown);
  }
  return shown;
}

function computeDisplayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  const rel = relative(cwd, file);
  return (isAbsolute(rel) ? rel : rel || file).split(sep).join('/');
}
