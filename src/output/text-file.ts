// Single files apigw-gen writes outside the generated folders, e.g. the lint baseline
// (`apigw-gen lint --baseline`). Like generated files they are written atomically (a temp file
// beside the target, then a rename), so a reader never sees half a file; a file-system failure is
// the user's to fix and becomes ApigwError('IO_ERROR') naming the file.

import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toIoError } from './io-errors.js';
import { TEMP_PREFIX } from './paths.js';

let counter = 0;

/** Writes `text` to the absolute path `file`, replacing it atomically. The folder must exist. */
export function writeTextFile(file: string, text: string): void {
  // The writer's temp-file prefix: .gitignore covers leftovers of a run that was killed mid-write.
  const temp = join(dirname(file), `${TEMP_PREFIX}${basename(file)}-${process.pid}-${counter++}`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw toIoError(`cannot write ${file}`, error);
  }
}
