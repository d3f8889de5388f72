// Path safety for generated files: every path an emitter produces is relative, POSIX, and stays
// inside the output folder. Paths derive from spec content (operation ids, tags, model names), so a
// hostile spec must not be able to write `../../.bashrc`.

import { ApigwError } from '../errors.js';
import { fileNameProblem } from '../text/file-names.js';

/** Prefix of the temporary files the writer creates beside their targets. */
export const TEMP_PREFIX = '.apigw-gen-tmp-';

/** Throws ApigwError('UNSAFE_PATH') unless `path` is a plain relative POSIX path without `.`/`..` segments. */
export function assertSafeRelativePath(path: string): void {
  const reason = unsafeReason(path);
  if (reason) throw new ApigwError('UNSAFE_PATH', `refusing to write generated file ${JSON.stringify(path)}: ${reason}`);
}

function unsafeReason(path: string): string | undefined {
  if (path.length === 0) return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (path.includes('\\')) return 'the path contains a backslash (use / separators)';
  if (path.startsWith('/')) return 'the path is absolute';
  if (/^[A-Za-z]:/.test(path)) return 'the path starts with a drive letter';
  for (const segment of path.split('/')) {
    if (segment === '') return 'the path has an empty segment';
    if (segment === '.' || segment === '..') return `the path has a "${segment}" segment`;
    if (segment.startsWith(TEMP_PREFIX)) return `the name collides with the writer's temporary files (${TEMP_PREFIX}*)`;
  }
  return undefined;
}

/** The longest absolute path Linux accepts (PATH_MAX, 4096 bytes with the terminating NUL). */
export const MAX_PATH_BYTES = 4095;

/**
 * Why a safe relative path still cannot be written everywhere the output may be checked out
 * (Windows, macOS, Linux): a segment that is a Windows device name, ends in a dot or a space, holds
 * a character one of them refuses, or is longer than 255 UTF-8 bytes. Undefined when it can.
 */
export function unwritableReason(path: string): string | undefined {
  for (const segment of path.split('/')) {
    const problem = fileNameProblem(segment);
    if (problem !== undefined) return segment === path ? problem : `${JSON.stringify(segment)}: ${problem}`;
  }
  return undefined;
}

/** The key under which case-insensitive, normalization-insensitive file systems (macOS, Windows) see a path. */
export function foldedPath(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
