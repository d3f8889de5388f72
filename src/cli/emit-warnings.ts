// Prints what an emitter wants the user to know (e.g. the SDK method names it chose for operations
// that map to one name), one line each, at the spec position of the warning's pointer.

import { relative } from 'node:path';
import type { EmitWarning } from '../emit/index.js';
import type { LoadedDocument } from '../load/types.js';
import { terminalSafe } from '../text/terminal-safe.js';

export function formatEmitWarning(warning: EmitWarning, document: LoadedDocument, cwd: string): string {
  const at = document.sourceMap.lookup(warning.pointer);
  const where = at ? `${relative(cwd, at.file) || at.file}:${at.line}:${at.column}` : warning.pointer || '/';
  // Messages quote spec text (operationIds, paths): one line, controls escaped.
  return `${terminalSafe(`apigw-gen: warning: ${where}: ${warning.target}: ${warning.message}`.replace(/\r\n/g, '\n'), { newlines: 'space' })}\n`;
}
