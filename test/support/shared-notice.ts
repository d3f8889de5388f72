// vitest globalSetup: one line per run when ../shared is absent, so skipped tests are never silent.
import { hasShared, SHARED_DIR } from './shared.js';

export default function sharedNotice(): void {
  if (!hasShared) console.log(`notice: ${SHARED_DIR} not found: tests that need the real-spec corpus are skipped`);
}
