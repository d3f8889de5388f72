// One walk over the raw bundled document, shared by the rules that need every node of a kind
// (`$ref`s, `${AWS::…}` strings). Computed lazily once per loaded document.

import type { LoadedDocument } from '../../load/types.js';
import type { Pointer } from '../../model/types.js';
import { escapeToken } from '../pointer.js';

export interface DocumentIndex {
  /** Every `$ref` string: where it is (the pointer of the object holding it) and its value. */
  refs: { pointer: Pointer; ref: string }[];
  /** Every string value containing `${AWS::`, outside CloudFormation `Fn::Sub` (which CloudFormation resolves). */
  awsVariableStrings: { pointer: Pointer; value: string }[];
}

const cache = new WeakMap<LoadedDocument, DocumentIndex>();

export function documentIndex(document: LoadedDocument): DocumentIndex {
  let index = cache.get(document);
  if (index) return index;
  index = { refs: [], awsVariableStrings: [] };
  const idx = index;
  // Iterative DFS: real specs nest deeply enough to make recursion a risk, and the bundled
  // document may share (not copy) subtrees, so a visited set keeps the walk linear.
  const seen = new Set<object>();
  const stack: [unknown, Pointer, boolean][] = [[document.document, '', false]];
  while (stack.length) {
    const [node, pointer, inSub] = stack.pop()!;
    if (typeof node === 'string') {
      if (!inSub && node.includes('${AWS::')) idx.awsVariableStrings.push({ pointer, value: node });
      continue;
    }
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${pointer}/${i}`, inSub]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === 'string') idx.refs.push({ pointer, ref });
    for (const key of Object.keys(obj)) {
      stack.push([obj[key], `${pointer}/${escapeToken(key)}`, inSub || key === 'Fn::Sub']);
    }
  }
  cache.set(document, index);
  return index;
}
