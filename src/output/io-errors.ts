// File-system failures while writing output are the user's to fix (a file where the output folder
// should be, no permission, a full disk), so they become ApigwError('IO_ERROR') naming the path and
// the reason in words — not "internal error", which the CLI reserves for bugs in apigw-gen.

import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApigwError } from '../errors.js';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'a file of that name exists',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder of that name exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** True for errors raised by the operating system (they carry an errno code such as ENOENT). */
export function isFsError(error: unknown): boolean {
  return error instanceof Error && errnoCode(error) !== undefined;
}

/**
 * `what` describes the failed step (`cannot write file /x/y`). Errors that are not OS errors are
 * returned unchanged: they are bugs and must keep their stack.
 */
export function toIoError(what: string, error: unknown): unknown {
  if (!isFsError(error)) return error;
  const code = errnoCode(error)!;
  return new ApigwError('IO_ERROR', `${what}: ${REASONS[code] ?? (error as Error).message}`);
}

/**
 * When creating `dir` failed with ENOTDIR/EEXIST, a regular file sits where a folder must be: name
 * that file, since the OS error only names the folder we asked for.
 */
export function mkdirError(dir: string, error: unknown): unknown {
  const code = errnoCode(error);
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const blocker = fileInTheWay(dir);
    if (blocker !== undefined) {
      return new ApigwError('IO_ERROR', `cannot create folder ${dir}: ${blocker} is a file, not a folder (move it away or choose another output folder)`);
    }
  }
  return toIoError(`cannot create folder ${dir}`, error);
}

/** The nearest existing ancestor of `dir` (or `dir` itself) when it is not a folder. */
export function fileInTheWay(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    let isFolder: boolean | undefined;
    try {
      isFolder = statSync(current).isDirectory();
    } catch {
      isFolder = undefined; // missing (or unreachable through a file): look further up
    }
    if (isFolder === false) return current;
    if (isFolder === true) return undefined;
    if (dirname(current) === current) return undefined;
  }
}
