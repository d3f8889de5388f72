// One entry for every output format the CLI offers.

import type { Diagnostic } from '../types.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import type { FormatOptions } from './shared.js';

export type { FormatOptions, Summary } from './shared.js';
export { summarize } from './shared.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = (typeof FORMATS)[number];

export function formatDiagnostics(format: LintFormat, diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  switch (format) {
    case 'stylish':
      return formatStylish(diagnostics, options);
    case 'json':
      return formatJson(diagnostics, options);
    case 'sarif':
      return formatSarif(diagnostics, options);
    case 'github':
      return formatGithub(diagnostics, options);
    case 'junit':
      return formatJunit(diagnostics, options);
  }
}
