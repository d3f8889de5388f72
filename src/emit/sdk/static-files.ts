// The spec-independent runtime of the SDK lives as real TypeScript in `templates/sdk/` and is
// copied into every generated SDK. `templates/` sits beside both `src/` and `dist/`, at the same
// depth from this module, so the same relative path works from source and from the build.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMPLATE_DIR = new URL('../../../templates/sdk/', import.meta.url);
const STATIC_FILES = ['runtime.ts', 'sigv4.ts'] as const;

let cache: Map<string, string> | undefined;

/** `runtime.ts` and `sigv4.ts`, read once per process. */
export function staticSdkFiles(): ReadonlyMap<string, string> {
  if (!cache) {
    cache = new Map();
    for (const name of STATIC_FILES) cache.set(name, readFileSync(fileURLToPath(new URL(name, TEMPLATE_DIR)), 'utf8'));
  }
  return cache;
}
