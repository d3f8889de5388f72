// Every stage variable the document references, wherever it is: integration URIs, credentials,
// connection ids, parameter mappings, VTL templates, authorizer identity sources, descriptions.
// One walk over the whole document; a pointer is built only for strings that mention one.

import { escapeToken } from './pointer.js';
import type { StageVariableRef } from './types.js';

// `stageVariables.x`, `${stageVariables.x}`, `$stageVariables.x`, and VTL's
// `$stageVariables.get('x')` / `$stageVariables['x']`.
const REFERENCE = /stageVariables(?:\.get\(\s*['"]([A-Za-z0-9_]+)['"]\s*\)|\[\s*['"]([A-Za-z0-9_]+)['"]\s*\]|\.([A-Za-z0-9_]+))/g;
const MARKER = 'stageVariables';

export function findStageVariableRefs(document: unknown): StageVariableRef[] {
  const out: StageVariableRef[] = [];
  const path: string[] = [];
  const onStack = new Set<object>();

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

  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      scan(node);
      return;
    }
    if (typeof node !== 'object' || node === null || onStack.has(node)) return;
    onStack.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(String(i));
        walk(node[i]);
        path.pop();
      }
    } else {
      const obj = node as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        // A mapping key can name one too (rare, but `anywhere` means anywhere).
        scan(key, key);
        path.push(key);
        walk(obj[key]);
        path.pop();
      }
    }
    onStack.delete(node);
  };

  walk(document);
  return out;
}
