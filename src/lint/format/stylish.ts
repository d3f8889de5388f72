// Human output: diagnostics grouped by file, aligned columns, a summary line. Colors only when asked.

import type { Diagnostic, Severity } from '../types.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath, summarize, type FormatOptions } from './shared.js';
import { plural } from '../../text/plural.js';

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', bold: '\u001b[1m', underline: '\u001b[4m', reset: '\u001b[0m' };

const LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
const COLOR: Record<Severity, string> = { error: ANSI.red, warn: ANSI.yellow, info: ANSI.blue };

/** Control characters from the spec must not drive the terminal; one diagnostic, one line. */
function printable(text: string): string {
  return terminalSafe(text, { newlines: 'space' });
}

export function formatStylish(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = displayPath(d.file, options.cwd) ?? '(unknown file)';
    let list = groups.get(file);
    if (!list) groups.set(file, (list = []));
    list.push(d);
  }
  const lines: string[] = [];
  for (const [file, list] of groups) {
    lines.push(paint(ANSI.underline, printable(file)));
    const rows = list.map((d) => [`${d.line ?? 0}:${d.column ?? 0}`, LABEL[d.severity], printable(d.message), d.ruleId, d] as const);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, label, message, id, d] of rows) {
      lines.push(`  ${paint(ANSI.dim, pos.padEnd(w0))}  ${paint(COLOR[d.severity], label.padEnd(w1))}  ${message}  ${paint(ANSI.dim, id)}`);
    }
    lines.push('');
  }
  const s = summarize(diagnostics);
  const total = s.errors + s.warnings + s.infos;
  if (total === 0) {
    lines.push('No problems found.');
  } else {
    const text = `✖ ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info)`;
    lines.push(paint(ANSI.bold + (s.errors ? ANSI.red : s.warnings ? ANSI.yellow : ANSI.blue), text));
  }
  return lines.join('\n') + '\n';
}
