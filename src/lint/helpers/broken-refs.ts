// Where the document holds a broken `$ref` (LoadedDocument.brokenRefs) instead of what the user meant
// to put there. OAS-002 reports each one at the ref; what other rules would find there (an
// integration with no `type`, a map whose only key is `$ref`, the placeholder an unresolvable
// external ref becomes, quoted) is a consequence of the same mistake, not a second one.

import type { BrokenRef, LoadedDocument } from '../../load/types.js';
import { isWithin } from '../pointer.js';

/** The places holding a broken ref: where it is written, and where a YAML alias repeats it. */
function holdersOf(broken: readonly BrokenRef[]): string[] {
  const out: string[] = [];
  for (const b of broken) {
    out.push(b.pointer);
    if (b.alsoAt) out.push(...b.alsoAt);
  }
  return out;
}

/** What a document's broken refs hold, computed once per document (rules ask per route or requirement). */
export interface BrokenRefPlaces {
  /** `pointer` is a holder (the object a broken `$ref` sits in) or lies below one. */
  atOrBelow(pointer: string): boolean;
  /** `pointer` lies strictly below a holder. */
  below(pointer: string): boolean;
  /** `pointer` is a holder itself. */
  at(pointer: string): boolean;
  /**
   * The list or map at `container` is a broken ref, or one of its entries is: what it declares is
   * not fully known, so "X is not declared there" cannot be said (a parameter list, a responses map).
   */
  holdsEntryOf(container: string): boolean;
}

// Keyed by the list itself, not the document: a copy of the document with other refs (`{ ...doc,
// brokenRefs }`) gets its own answer, and a list is not edited once `load` returns it.
const cache = new WeakMap<readonly BrokenRef[], BrokenRefPlaces>();

/** The broken refs' places in `document`, or undefined when it has none. Memoized per document. */
export function brokenRefPlaces(document: LoadedDocument): BrokenRefPlaces | undefined {
  const broken = document.brokenRefs;
  if (broken === undefined || broken.length === 0) return undefined;
  let places = cache.get(broken);
  if (places === undefined) {
    const holders = holdersOf(broken);
    const exact = new Set(holders);
    places = {
      atOrBelow: (pointer) => holders.some((holder) => isWithin(pointer, holder)),
      below: (pointer) => holders.some((holder) => pointer !== holder && isWithin(pointer, holder)),
      at: (pointer) => exact.has(pointer),
      holdsEntryOf: (container) => holders.some((h) => h === container || (h.startsWith(`${container}/`) && !h.includes('/', container.length + 1))),
    };
    cache.set(broken, places);
  }
  return places;
}

/**
 * Whether `pointer` is at or below a broken ref's holder (the holder itself included: the object
 * holding the `$ref` is the placeholder). Rules use it to not report a name as undefined when what
 * defines it is a broken ref.
 */
export function isBehindBrokenRef(document: LoadedDocument, pointer: string): boolean {
  return brokenRefPlaces(document)?.atOrBelow(pointer) ?? false;
}

/**
 * A parameter of the operation at `operationPointer` (or of its path item), or either list, is a
 * broken ref: a parameter the operation seems to lack may be that one. Rules saying "X is not
 * declared" stay silent then; OAS-002 reports the ref.
 */
export function hasBrokenParameter(document: LoadedDocument, operationPointer: string): boolean {
  const places = brokenRefPlaces(document);
  if (places === undefined) return false;
  const pathItem = operationPointer.slice(0, operationPointer.lastIndexOf('/'));
  return places.holdsEntryOf(`${operationPointer}/parameters`) || places.holdsEntryOf(`${pathItem}/parameters`);
}
