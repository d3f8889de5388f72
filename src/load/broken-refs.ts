// Helpers for LoadedDocument.brokenRefs used by every command that stops or warns on them (build,
// routes, vtl render), so they name the same ref the same way.

import { ApigwError } from '../errors.js';
import type { BrokenRef } from './types.js';

/** The broken refs by file, line and column (code-unit order: the same on every machine). */
export function sortBrokenRefs(refs: readonly BrokenRef[]): BrokenRef[] {
  return [...refs].sort((a, b) => {
    const fa = a.position.file;
    const fb = b.position.file;
    return (fa < fb ? -1 : fa > fb ? 1 : 0) || a.position.line - b.position.line || a.position.column - b.position.column;
  });
}

/** The BROKEN_REF error for one broken ref, at the `$ref`; `note` (e.g. how many more) follows the message. */
export function brokenRefError(ref: BrokenRef, note = ''): ApigwError {
  return new ApigwError('BROKEN_REF', `${ref.message}${note}`, ref.position);
}

/**
 * The local files broken refs name that do not exist (absolute paths, each once): creating one
 * changes what loads, so `build --watch` watches for them.
 */
export function missingFiles(refs: readonly BrokenRef[]): string[] {
  const files = refs.filter((r) => r.reason === 'missing-file' && !/^https?:/i.test(r.targetFile)).map((r) => r.targetFile);
  return [...new Set(files)];
}
