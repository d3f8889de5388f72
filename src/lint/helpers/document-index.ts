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

export function documentIndex(document: LoadedDocument): DocumentIndex {
  let index = cache.get(document);
  if (index) return index;
  const idx: DocumentIndex = { externalRefs: [], awsVariableStrings: [] };
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
  visit(document.document, false);
  cache.set(document, idx);
  return idx;
}
