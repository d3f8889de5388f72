// The spec-independent runtime of the SDK lives as real TypeScript in `templates/sdk/` and is
// copied into every generated SDK.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../../package-files.js';

const TEMPLATE_DIR = packageFile('templates/sdk/');
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
