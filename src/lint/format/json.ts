// Machine output: {"diagnostics":[...], "summary":{"errors","warnings","infos"}}.

import type { Diagnostic } from '../types.js';
import { displayPath, summarize, type FormatOptions } from './shared.js';

export function formatJson(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const out = {
    diagnostics: diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      pointer: d.pointer,
      file: displayPath(d.file, options.cwd) ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
    })),
    summary: summarize(diagnostics),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
