// Prints what the gateway target rewrote, so the user sees how the deployed definition differs
// from the spec without opening gateway/CHANGES.md. One line a change, with its pointer in the
// emitted document; past a screenful, one line a kind (count and first example) instead.

import type { GatewayChange } from '../emit/index.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { plural } from '../text/plural.js';

/** Up to this many changes are listed one by one. */
export const LIST_LIMIT = 12;

export function formatGatewayChanges(changes: readonly GatewayChange[], outFolder: string): string {
  const where = `${outFolder}/gateway/CHANGES.md`;
  const head = `apigw-gen: the gateway definition differs from the spec in ${plural(changes.length, 'place')} (all listed in ${where}):\n`;
  if (changes.length <= LIST_LIMIT) return head + changes.map((c) => `  ${oneLine(pointerText(c.pointer))}: ${oneLine(c.message)}\n`).join('');
  const byKind = new Map<string, GatewayChange[]>();
  for (const c of changes) {
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  const lines = [...byKind].map(([kind, list]) => {
    const first = list[0]!;
    const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
    return `  ${String(list.length).padStart(5)} ${kind}: e.g. ${oneLine(pointerText(first.pointer))}: ${oneLine(first.message)}${more}\n`;
  });
  return head + lines.join('');
}

function pointerText(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}

/** Messages quote spec text (names, values): keep each change on its own line, controls escaped. */
function oneLine(text: string): string {
  return terminalSafe(text.replace(/\r\n/g, '\n'), { newlines: 'space' });
}
