// The raw `parameters` lists that apply to a route, as written: the operation's own list, then its
// path item's. Shared by rules that check the lists themselves (duplicates, locations), which the
// normalized model has already merged.

import type { Pointer, Route } from '../../model/types.js';
import type { RuleContext } from '../rule.js';
import { child } from '../pointer.js';
import { deref, oncePerRun, parentPointer, rawAt } from './raw.js';

export interface RawParameter {
  /** The parameter object after following internal `$ref`s. */
  node: unknown;
  /** Where that object is (the `$ref` target when the list entry is a reference). */
  pointer: Pointer;
  /** The list entry's own pointer and index. */
  at: Pointer;
  index: number;
}

const LISTS = {};

/**
 * One array per list present (operation first, then path item), entries in order. Computed once per
 * route and lint run (OAS-005 and APIGW-PARAM-003 both read them): callers must not modify them.
 */
export function rawParameterLists(route: Route, ctx: RuleContext): readonly (readonly RawParameter[])[] {
  return oncePerRun(ctx.document.document, LISTS, route, () => listsOf(route, ctx));
}

function listsOf(route: Route, ctx: RuleContext): RawParameter[][] {
  const root = ctx.document.document;
  const lists: RawParameter[][] = [];
  for (const owner of [route.pointer, parentPointer(route.pointer)]) {
    const list = rawAt(ctx, child(owner, 'parameters'));
    if (!Array.isArray(list)) continue;
    lists.push(list.map((raw, index) => {
      const at = child(owner, 'parameters', index);
      const target = deref(root, raw, at);
      return { node: target.node, pointer: target.pointer, at, index };
    }));
  }
  return lists;
}
