// vitest globalSetup: one line per run when ../shared is absent, so skipped tests are never silent.
// Each vitest project runs the global setup again in the same process: the flag keeps it one line.
import { hasShared, SHARED_DIR } from './shared.js';

const SAID = 'APIGW_GEN_SHARED_NOTICE_SAID';

export default function sharedNotice(): void {
  if (hasShared || process.env[SAID]) return;
  process.env[SAID] = '1';
  console.log(`notice: ${SHARED_DIR} not found: tests that need the real-spec corpus are skipped`);
}
