// The limits that keep an untrusted spec from driving memory or time without bound. Every later
// stage walks the loaded document (bundler, lint rules, emitters, the gateway writer), many of them
// recursively; they are safe because load refuses, with the file, line and column, any document
// that is nested deeper than MAX_NESTING_DEPTH or whose YAML aliases expand beyond the alias budget.
// README.md "Limits" lists them with the real specs that justify each.

import { EVENT_ID, type Event } from 'js-yaml';
import { ApigwError } from '../errors.js';
import { formatPointer } from './pointer.js';
import type { FilePositions } from './positions.js';

/**
 * The deepest nesting of collections (mappings, arrays) a document may have, the root counting as
 * one, also where YAML aliases and bundled files put one node inside another. The deepest real spec
 * we know (Stripe's) nests 25 collections; 100 is what the YAML reader already allowed, and leaves
 * every recursive walk downstream far from the stack's end.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * YAML aliases (`*name`) per file. js-yaml shares the anchored object, but every walk downstream
 * visits it once per alias; real specs use a handful (the most in our corpus: 3).
 */
export const MAX_ALIASES = 10_000;

/**
 * Nodes that aliases may add to a file once expanded (each alias counts the whole subtree it names).
 * Ten anchors of nine aliases each name 9^10 nodes in 1.3 KB of text (a "billion laughs"); real
 * specs add a few (3 in our corpus). 100,000 is more than half of Stripe's whole spec (174,000
 * nodes), so an aliased file at the budget costs the later stages no more than a large real spec.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

const LIMITS_HINT = 'see "Limits" in the README';

export function nestingError(file: string, at: { line: number; column: number }): ApigwError {
  return new ApigwError('TOO_LARGE', `nested deeper than ${MAX_NESTING_DEPTH} levels, the limit (${LIMITS_HINT})`, { file, ...at });
}

/**
 * Checks a YAML event stream against the alias limits and the nesting limit as the aliases expand
 * it (an alias of a 90-deep anchor placed 20 deep is 110 deep). An alias naming a node that is still
 * open (`a: &x {b: *x}`) would make the data circular, and every walk endless: refused too.
 * Linear in the number of events: each anchor's expanded size and height are computed once.
 * @throws ApigwError TOO_LARGE at the alias that crosses a limit
 */
export function checkYamlExpansion(events: readonly Event[], text: string, file: string, positions: FilePositions): void {
  interface Open { size: number; height: number; anchor: string | undefined }
  const done = new Map<string, { size: number; height: number }>();
  const opened = new Set<string>();
  const open: Open[] = [];
  let aliases = 0;
  let added = 0;
  const at = (offset: number) => ({ file, ...positions.offsetToLineColumn(offset) });
  const close = (size: number, height: number, anchor: string | undefined) => {
    if (anchor !== undefined) {
      done.set(anchor, { size, height });
      opened.delete(anchor);
    }
    const parent = open[open.length - 1];
    if (parent) {
      parent.size += size;
      if (height + 1 > parent.height) parent.height = height + 1;
    }
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const anchor = ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined;
        if (anchor !== undefined) opened.add(anchor);
        open.push({ size: 1, height: 1, anchor });
        break;
      }
      case EVENT_ID.SCALAR:
        close(1, 0, ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined);
        break;
      case EVENT_ID.ALIAS: {
        const name = text.slice(ev.anchorStart, ev.anchorEnd);
        const where = ev.anchorStart - 1; // the `*`
        if (opened.has(name)) {
          throw new ApigwError('TOO_LARGE', `alias *${name} is inside the node it names, which would make the document endless`, at(where));
        }
        const target = done.get(name) ?? { size: 1, height: 0 };
        aliases++;
        added += target.size - 1;
        if (aliases > MAX_ALIASES) {
          throw new ApigwError('TOO_LARGE', `more than ${MAX_ALIASES} YAML aliases, the limit (${LIMITS_HINT})`, at(where));
        }
        if (added > MAX_ALIAS_EXPANSION) {
          throw new ApigwError(
            'TOO_LARGE',
            `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} extra nodes, the limit (this alias of *${name} adds ${target.size - 1}; ${LIMITS_HINT})`,
            at(where),
          );
        }
        if (open.length + target.height > MAX_NESTING_DEPTH) {
          throw new ApigwError('TOO_LARGE', `alias *${name} puts its node ${open.length + target.height} levels deep, deeper than the limit of ${MAX_NESTING_DEPTH} (${LIMITS_HINT})`, at(where));
        }
        close(target.size, target.height, undefined);
        break;
      }
      case EVENT_ID.POP: {
        // DOCUMENT events are pushed by nothing here, so a POP with nothing open closes the document.
        const top = open.pop();
        if (top) close(top.size, top.height, top.anchor);
        break;
      }
    }
  }
}

/**
 * The offset of the first `{` or `[` of a JSON text that opens a collection deeper than
 * MAX_NESTING_DEPTH, or -1. JSON.parse itself accepts any depth; every walk after it would not.
 * Only for text JSON.parse accepted (strings are skipped by their quotes).
 */
export function tooDeepJsonOffset(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = closingQuote(text, i);
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** The offset of the quote closing the JSON string opened at `open` (one not escaped by a backslash). */
function closingQuote(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let slashes = 0;
    while (text.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

/**
 * The JSON pointer of the first collection of a bundled document nested deeper than
 * MAX_NESTING_DEPTH, or undefined. Each file passed the limit on its own, but bundling puts one
 * file's node inside another's (a path item's callback holding the next file's path item). Walks
 * with its own stack, so any depth can be measured.
 */
export function tooDeepPointer(root: unknown): string | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  // Parent links instead of a pointer per node: the pointer is spelled only for the one refused.
  interface Entry { node: object; depth: number; parent: Entry | undefined; key: string }
  const stack: Entry[] = [{ node: root, depth: 1, parent: undefined, key: '' }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > MAX_NESTING_DEPTH) {
      const tokens: string[] = [];
      for (let e: Entry | undefined = top; e?.parent !== undefined; e = e.parent) tokens.push(e.key);
      return formatPointer(tokens.reverse());
    }
    const node = top.node as Record<string, unknown>;
    for (const key in node) {
      const child = node[key];
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: top.depth + 1, parent: top, key });
    }
  }
  return undefined;
}
