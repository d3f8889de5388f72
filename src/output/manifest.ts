// The manifest: which files in the output folder apigw-gen generated, with their content hashes.
// It is how the writer knows what it may remove (only files listed here) and which files are
// write-once stubs that belong to the user.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_NAME = '.apigw-gen-manifest.json';

export interface ManifestEntry {
  sha256: string;
  writeOnce?: boolean;
}

export interface Manifest {
  generator: 'apigw-gen';
  version: 1;
  /** Output-relative POSIX path → entry. Sorted by path when written, so the file diffs well. */
  files: Map<string, ManifestEntry>;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function emptyManifest(): Manifest {
  return { generator: 'apigw-gen', version: 1, files: new Map() };
}

/**
 * Reads `<outDir>/.apigw-gen-manifest.json`. A missing or unreadable manifest counts as empty:
 * the writer then removes nothing, which is the safe side.
 */
export function readManifest(outDir: string): Manifest {
  let raw: string;
  try {
    raw = readFileSync(join(outDir, MANIFEST_NAME), 'utf8');
  } catch {
    return emptyManifest();
  }
  const manifest = emptyManifest();
  try {
    const parsed: unknown = JSON.parse(raw);
    const files = (parsed as { files?: unknown }).files;
    if (!files || typeof files !== 'object' || Array.isArray(files)) return manifest;
    for (const [path, entry] of Object.entries(files as Record<string, unknown>)) {
      if (!entry || typeof entry !== 'object') continue;
      const { sha256: hash, writeOnce } = entry as { sha256?: unknown; writeOnce?: unknown };
      if (typeof hash !== 'string') continue;
      manifest.files.set(path, writeOnce === true ? { sha256: hash, writeOnce: true } : { sha256: hash });
    }
  } catch {
    return emptyManifest();
  }
  return manifest;
}

export function serializeManifest(manifest: Manifest): string {
  // A null-prototype object: paths are data, and a path named `__proto__` must stay a key.
  const files: Record<string, ManifestEntry> = Object.create(null);
  for (const path of [...manifest.files.keys()].sort()) files[path] = manifest.files.get(path)!;
  return `${JSON.stringify({ generator: manifest.generator, version: manifest.version, files }, null, 2)}\n`;
}
