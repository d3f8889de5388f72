// Whether a word can occur in the strings or keys of a loaded document, answered from the source texts
// in a few milliseconds instead of a walk over every node (Stripe's 4 MB spec: ~100,000 nodes).
//
// Soundness: every string and key of the bundled document is one of
//   1. a value or key decoded from the text of a file read (each such text is searched), by JSON.parse
//      or js-yaml. Decoding only spells text the source does not spell literally through
//      - escapes: a backslash in a JSON string or a YAML double-quoted scalar (`\x41`, `\u0041`, a `\`
//        line join). Plain, single-quoted and block scalars have no escapes: their folding and `''`
//        add spaces, line breaks and quotes, never letters, between two pieces of text. So a JSON text
//        holding a backslash answers "maybe"; in a YAML text, the double-quoted scalars holding one
//        are decoded and searched;
//      - tags: `!Sub x` becomes the key `Fn::Sub`, and tag handles (`%TAG`) and %-escapes build tag
//        names: a YAML text where some node has a tag (its position index knows) answers "maybe";
//      - keys that are not strings in YAML (`~: x`, `.inf: x`, `1e3: x`) become `null`, `Infinity`,
//        `1000`: a word spelled inside one of those answers "maybe" (digits are not letters);
//   2. the content of a file read as text (its text, searched);
//   3. a name or reference the bundler made up (component names from pointer tokens, which may be
//      percent-decoded, or from file names; `#/…` references; built-in models): the bundler lists
//      each one it writes, and they are searched.
// Only words of ASCII letters are answered; anything else answers "maybe".

import type { SourceFile } from './source-file.js';

/** How YAML keys that are not strings (null, booleans, numbers) read as strings, letters-wise. */
const NON_STRING_KEYS = ['null', 'true', 'false', 'Infinity', 'NaN', '1e+21'];

/**
 * False only when `word` cannot occur in any string or key of the document bundled from `files`
 * with the bundler's `madeUp` strings (see above); true when it may.
 */
export function mayContain(word: string, files: Iterable<SourceFile>, madeUp: readonly string[]): boolean {
  if (!/^[A-Za-z]+$/.test(word)) return true;
  if (NON_STRING_KEYS.some((spelled) => spelled.includes(word))) return true;
  if (madeUp.some((text) => text.includes(word))) return true;
  for (const file of files) {
    const text = file.text;
    if (text.includes(word)) return true;
    if (file.format === 'json' && text.includes('\\')) return true;
    if (file.format === 'yaml') {
      if (file.positions.hasTags()) return true;
      if (file.positions.escapedScalarValues().some((value) => value.includes(word))) return true;
    }
  }
  return false;
}
