// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<id>::message`.
// Escaping follows actions/toolkit (command.ts): data escapes % \r \n; properties also : and ,.

import type { Diagnostic, Severity } from '../types.js';
import { displayPath, type FormatOptions } from './shared.js';

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  return diagnostics
    .map((d) => {
      const props: string[] = [];
      const file = displayPath(d.file, options.cwd);
      if (file !== undefined) props.push(`file=${escapeProperty(file)}`);
      if (d.line !== undefined) props.push(`line=${d.line}`);
      if (d.column !== undefined) props.push(`col=${d.column}`);
      props.push(`title=${escapeProperty(d.ruleId)}`);
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.message} (${d.ruleId} at ${d.pointer || '/'})`)}\n`;
    })
    .join('');
}
