// The raw `parameters` lists that apply to a route, as written: the operation's own list, then its
// path item's. Shared by rules that check the lists themselves (duplicates, locations), which the
// normalized model has already merged.

import type { Pointer, Route } from '../../model/types.js';
import type { RuleContext } from '../rule.js';
import { child } from '../pointer.js';
import { deref, parentPointer, rawAt } from './raw.js';

export interface RawParameter {
  /** The parameter object after following internal `$ref`s. */
  node: unknown;
  /** Where that object is (the `$ref` target when the list entry is a reference). */
  pointer: Pointer;
  /** The list entry's own pointer and index. */
  at: Pointer;
  index: number;
}

/** One array per list present (operation first, then path item), entries in order. */
export function rawParameterLists(route: Route, ctx: RuleContext): RawParameter[][] {
  const root = ctx.document.document;
  const lists: RawParameter[][] = [];
  for (const owner of [route.pointer, parentPointer(route.pointer)]) {
    const list = rawAt(ctx, child(owner, 'parameters'));
    if (!Array.isArray(list)) continue;
    lists.push(list.map((raw, index) => {
      const at = child(owner, 'parameters', index);
      return { ...deref(root, raw, at), at, index };
    }));
  }
  return lists;
}
