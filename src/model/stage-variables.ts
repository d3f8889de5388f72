// Every stage variable the document references, wherever it is: integration URIs, credentials,
// connection ids, parameter mappings, VTL templates, authorizer identity sources, descriptions.
// One walk over the whole document; a pointer is built only for strings that mention one.

import { escapeToken } from './pointer.js';
import type { StageVariableRef } from './types.js';

// `stageVariables.x`, `${stageVariables.x}`, `$stageVariables.x`, and VTL's
// `$stageVariables.get('x')` / `$stageVariables['x']`.
const REFERENCE = /stageVariables(?:\.get\(\s*['"]([A-Za-z0-9_]+)['"]\s*\)|\[\s*['"]([A-Za-z0-9_]+)['"]\s*\]|\.([A-Za-z0-9_]+))/g;
const MARKER = 'stageVariables';
const MAX_DEPTH = 512;

/**
 * @param mayContain the loaded document's `mayContain` (load/may-contain.ts): when it rules the marker
 *   out (no source text spells it, nor an escape, tag or made-up name that could), nothing can match
 *   and the walk is skipped; Stripe's 4 MB spec has no stage variable and ~100,000 nodes to walk.
 */
export function findStageVariableRefs(document: unknown, mayContain?: (word: string) => boolean): StageVariableRef[] {
  if (mayContain !== undefined && !mayContain(MARKER)) return [];
  const out: StageVariableRef[] = [];
  const path: string[] = [];

  const scan = (text: string, pointerSuffix?: string) => {
    if (text.indexOf(MARKER) === -1) return;
    const seen = new Set<string>();
    REFERENCE.lastIndex = 0;
    for (let m = REFERENCE.exec(text); m !== null; m = REFERENCE.exec(text)) {
      const name = m[1] ?? m[2] ?? m[3]!;
      if (seen.has(name)) continue;
      seen.add(name);
      const tokens = pointerSuffix === undefined ? path : [...path, pointerSuffix];
      out.push({ name, pointer: tokens.length === 0 ? '' : `/${tokens.map(escapeToken).join('/')}` });
    }
  };

  // Depth-limited rather than cycle-tracked: loaded documents are trees (refs stay `$ref` strings),
  // and a Set of visited nodes would double the cost of this walk on a 4 MB spec.
  const walk = (node: unknown, depth: number) => {
    if (typeof node === 'string') {
      if (node.indexOf(MARKER) !== -1) scan(node);
      return;
    }
    if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === 'object' ? item === null : typeof item !== 'string') continue;
        path.push(String(i));
        walk(item, depth + 1);
        path.pop();
      }
      return;
    }
    const obj = node as Record<string, unknown>;
    // for…in: no key array per object (loaded documents inherit nothing enumerable).
    for (const key in obj) {
      // A mapping key can name one too (rare, but `anywhere` means anywhere).
      if (key.indexOf(MARKER) !== -1) scan(key, key);
      const value = obj[key];
      if (typeof value === 'object' ? value === null : typeof value !== 'string') continue;
      path.push(key);
      walk(value, depth + 1);
      path.pop();
    }
  };

  walk(document, 0);
  return out;
}
