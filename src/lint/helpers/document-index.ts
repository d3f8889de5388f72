// One walk over the raw bundled document, shared by the rules that need every node of a kind
// (`$ref`s, `${AWS::…}` strings). Computed lazily once per loaded document.

import type { LoadedDocument } from '../../load/types.js';
import type { Pointer } from '../../model/types.js';
import { escapeToken } from '../pointer.js';

export interface DocumentIndex {
  /**
   * Every `$ref` that is not internal (`#…`): where it is (the pointer of the object holding it) and
   * its value. Internal ones are not listed: Stripe has thousands, and no rule needs their pointers.
   */
  externalRefs: { pointer: Pointer; ref: string }[];
  /** Every string value containing `${AWS::`, outside CloudFormation `Fn::Sub` (which CloudFormation resolves). */
  awsVariableStrings: { pointer: Pointer; value: string }[];
}

const cache = new WeakMap<LoadedDocument, DocumentIndex>();

/**
 * Limits of the quick pre-pass (see mayHaveEntries). Real specs nest a few dozen levels at most and
 * hold around 100,000 values (the bundled Stripe spec: 35,518 objects and arrays, 98,966 values in
 * all, 25 levels deep); a walk past either limit meets a cycle or heavily shared subtrees (YAML
 * aliases), where only the full walk's visited set is safe.
 */
const QUICK_MAX_DEPTH = 512;
const QUICK_MAX_VISITS = 4_000_000;

class TooBig extends Error {}

/**
 * Whether the data below `node` holds anything the index lists: an object whose `$ref` is a string
 * not starting with `#`, or a string containing `${AWS::`. It checks the parsed values, not the
 * source text, so escapes and quoting cannot hide a match. No visited set and no path: a node
 * reached twice is merely checked twice, which cannot change a yes/no answer. It looks at a
 * superset of what the full walk reports (it ignores the Fn::Sub exception and visits shared
 * subtrees under every path), so `false` proves the index empty. Throws TooBig past the limits.
 */
function mayHaveEntries(node: unknown, depth: number, budget: { visits: number }): boolean {
  if (typeof node === 'string') return node.includes('${AWS::');
  if (node === null || typeof node !== 'object') return false;
  if (depth > QUICK_MAX_DEPTH || --budget.visits < 0) throw new TooBig();
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (mayHaveEntries(node[i], depth + 1, budget)) return true;
    return false;
  }
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string' && !obj.$ref.startsWith('#')) return true;
  for (const key in obj) {
    if (Object.prototype.hasOwnProperty.call(obj, key) && mayHaveEntries(obj[key], depth + 1, budget)) return true;
  }
  return false;
}

/** False only when the document certainly has nothing to index (see mayHaveEntries). */
function worthIndexing(root: unknown): boolean {
  try {
    return mayHaveEntries(root, 0, { visits: QUICK_MAX_VISITS });
  } catch (e) {
    if (e instanceof TooBig) return true;
    throw e;
  }
}

export function documentIndex(document: LoadedDocument): DocumentIndex {
  const index = cache.get(document);
  if (index) return index;
  const idx: DocumentIndex = { externalRefs: [], awsVariableStrings: [] };
  // Most documents (Stripe, DigitalOcean) have neither an external `$ref` nor `${AWS::`: a quick
  // pass proves it without the visited set and path the full walk needs (~3x cheaper on Stripe).
  if (worthIndexing(document.document)) fullWalk(document.document, idx);
  cache.set(document, idx);
  return idx;
}

function fullWalk(root: unknown, idx: DocumentIndex): void {
  // Tokens of the current path; a pointer string is built only for the few nodes reported, not for
  // every node of a multi-megabyte spec. The bundled document may share subtrees (YAML anchors),
  // so a visited set keeps the walk linear. Depth is bounded by the document's nesting.
  const path: string[] = [];
  const seen = new Set<object>();
  const pointer = () => (path.length === 0 ? '' : '/' + path.map(escapeToken).join('/'));
  const visit = (node: unknown, inSub: boolean): void => {
    if (typeof node === 'string') {
      if (!inSub && node.includes('${AWS::')) idx.awsVariableStrings.push({ pointer: pointer(), value: node });
      return;
    }
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(String(i));
        visit(node[i], inSub);
        path.pop();
      }
      return;
    }
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string' && !obj.$ref.startsWith('#')) idx.externalRefs.push({ pointer: pointer(), ref: obj.$ref });
    for (const key in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      path.push(key);
      visit(obj[key], inSub || key === 'Fn::Sub');
      path.pop();
    }
  };
  visit(root, false);
}
