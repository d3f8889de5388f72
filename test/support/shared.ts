// ../shared (the real-world corpus, the big specs, AWS-recorded VTL cases) sits beside the repo for
// the team and CI, but not in a clone of this repo alone. Tests that read it skip when it is absent;
// test/support/shared-notice.ts says so once per run.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const hasShared = existsSync(SHARED_DIR);

/** `describe` / `it` for tests that read ../shared: skipped when it is absent. */
export const describeShared = describe.skipIf(!hasShared);
export const itShared = it.skipIf(!hasShared);
