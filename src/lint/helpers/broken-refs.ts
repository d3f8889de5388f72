// Where the document holds a broken `$ref` (LoadedDocument.brokenRefs) instead of what the user meant
// to put there. OAS-002 reports each one at the ref; what other rules would find there (an
// integration with no `type`, a map whose only key is `$ref`, the placeholder an unresolvable
// external ref becomes, quoted) is a consequence of the same mistake, not a second one.

import type { LoadedDocument } from '../../load/types.js';
import { isWithin } from '../pointer.js';

/**
 * A test for "at or below the holder of a broken ref" (the holder itself included: the object
 * holding the `$ref` is the placeholder), or undefined when the document has no broken ref.
 */
export function brokenRefTest(document: LoadedDocument): ((pointer: string) => boolean) | undefined {
  const holders = (document.brokenRefs ?? []).map((b) => b.pointer);
  if (holders.length === 0) return undefined;
  return (pointer) => holders.some((holder) => isWithin(pointer, holder));
}

/** Whether `pointer` is at or below a broken ref (see brokenRefTest). */
export function isBehindBrokenRef(document: LoadedDocument, pointer: string): boolean {
  return brokenRefTest(document)?.(pointer) ?? false;
}
