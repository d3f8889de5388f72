// The project root: the folder a spec's local `$ref`s must stay inside (see FileReader).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './files.js';

/**
 * The root when none is given: the highest of the entry file's folder, the repository root (the
 * nearest folder above the entry holding `.git`, a folder or a worktree's file) and `configFolder`
 * (the config file's), each only when it holds the entry. A spec split into `api/` and `shared/`
 * beside a config or a `.git` folder thus reads both, while a `$ref` out of the project stays refused.
 */
export function projectRoot(entry: string, configFolder?: string): string {
  const entryFolder = path.dirname(path.resolve(entry));
  const candidates = [entryFolder, repositoryRoot(entryFolder), configFolder && path.resolve(configFolder)];
  let root = entryFolder;
  for (const candidate of candidates) {
    if (candidate && isInside(candidate, entryFolder) && isInside(candidate, root)) root = candidate;
  }
  return root;
}

/** The nearest folder at or above `folder` that holds `.git`, or undefined. */
function repositoryRoot(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
