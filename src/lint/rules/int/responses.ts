// Integration-response selection: which `responses` entry a given input would select.

import type { Integration, IntegrationResponse } from '../../../model/types.js';
import { compileJavaRegex } from './java-regex.js';

/**
 * Whether some entry selects `input` (a Lambda errorMessage, or a backend status code as text).
 * `undefined` when a pattern could not be checked (Java-only constructs) and none matched.
 */
export function selects(responses: readonly IntegrationResponse[], input: string): boolean | undefined {
  let unknown = false;
  for (const r of responses) {
    if (r.selectionPattern === 'default') return true;
    const c = compileJavaRegex(r.selectionPattern);
    if (!c.ok) continue;
    if (!c.regex) { unknown = true; continue; }
    if (c.regex.test(input)) return true;
  }
  return unknown ? undefined : false;
}

/** Status codes a mock request template produces literally (`"statusCode": 200`); undefined when dynamic. */
export function mockStatusCodes(integration: Integration): { contentType: string; codes: string[] }[] | undefined {
  const out: { contentType: string; codes: string[] }[] = [];
  for (const [contentType, text] of Object.entries(integration.requestTemplates)) {
    const mentions = [...text.matchAll(/["']?statusCode["']?\s*:\s*([^,}\s]+)/g)];
    const codes: string[] = [];
    for (const m of mentions) {
      const v = m[1]!.replace(/^["']|["']$/g, '');
      if (!/^\d{3}$/.test(v)) return undefined; // computed in VTL: cannot tell statically
      codes.push(v);
    }
    out.push({ contentType, codes });
  }
  return out;
}
