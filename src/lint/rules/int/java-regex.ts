// Checks Java regular expressions (selection patterns, identityValidationExpression) with the
// JavaScript engine: Java-only syntax is rewritten to an equivalent JS form first, and JS is run in
// `u` mode, whose stricter grammar matches Java's on the mistakes that matter (a lone `{`, a bad
// escape such as `\y`, unbalanced parentheses or brackets).

export type JavaRegexResult = { ok: true; regex: RegExp | undefined } | { ok: false; error: string };

const JAVA_LETTER_ESCAPES: Record<string, string> = {
  t: '\\t', n: '\\n', r: '\\r', f: '\\f', a: '\\x07', e: '\\x1b',
  d: '\\d', D: '\\D', s: '\\s', S: '\\S', w: '\\w', W: '\\W',
  b: '\\b', B: '\\B', v: '\\v',
  // Java-only classes and anchors, approximated: the check is about syntax, not exact semantics.
  h: '[\\t \\xa0]', H: '[^\\t \\xa0]', V: '[^\\n]', R: '(?:\\r\\n|[\\n\\r])', X: '.',
  A: '^', Z: '$', z: '$', G: '',
};
const IN_CLASS_OK: Record<string, string> = { h: ' ', H: 'h', V: 'v', R: 'r', X: 'x' };

/**
 * Translates a Java regex to JS source, or returns an error message for syntax Java rejects.
 * Returns `{ source: undefined }` for constructs that cannot be checked here (nested character
 * classes, intersections) — those are accepted rather than risking a false alarm.
 */
function translate(p: string): { source?: string; error?: string; unchecked?: boolean } {
  let out = '';
  let inClass = false;
  let classStart = false;
  // Whether the last thing emitted was a quantifier, so a following `+` is Java's possessive mark.
  let afterQuantifier = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const wasQuantifier = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return { error: 'the pattern ends with a lone backslash' };
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const lit = p.slice(i + 2, end === -1 ? p.length : end);
        out += lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end === -1 ? p.length : end + 1;
        continue;
      }
      if (n === 'E') { i++; continue; }
      if (n === 'p' || n === 'P') {
        // \p{Lower}, \p{javaLowerCase}, \pL: Java property names differ from JS ones.
        if (p[i + 2] === '{') {
          const end = p.indexOf('}', i + 3);
          if (end === -1) return { error: 'unclosed `\\p{` property' };
          i = end;
        } else i += 2;
        out += inClass ? 'a' : '\\w';
        continue;
      }
      if (/[0-9]/.test(n) || n === 'x' || n === 'u' || n === 'c' || n === 'k' || n === 'N') {
        out += c + n;
        i++;
        continue;
      }
      if (/[A-Za-z]/.test(n)) {
        if (inClass && IN_CLASS_OK[n] !== undefined) out += IN_CLASS_OK[n];
        else if (JAVA_LETTER_ESCAPES[n] !== undefined) out += inClass && /[AZzGbB]/.test(n) ? (n === 'b' ? '\\x08' : 'a') : JAVA_LETTER_ESCAPES[n];
        else return { error: `\`\\${n}\` is not a valid escape in a Java regex` };
        i++;
        continue;
      }
      // Java: a backslash before any non-letter is that character literally.
      out += `\\u{${n.codePointAt(0)!.toString(16)}}`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' ) return { unchecked: true }; // nested class / union: Java-only
      if (c === '&' && p[i + 1] === '&') return { unchecked: true }; // intersection
      if (c === ']' && !classStart) inClass = false;
      classStart = false;
      out += c === ']' && classStart ? '\\]' : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (p[i + 1] === '^') { out += '^'; i++; }
      // Java allows `]` right after `[` or `[^` as a literal.
      if (p[i + 1] === ']') { out += '\\]'; i++; }
      classStart = false;
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      // Inline flags `(?i)`, `(?i:…)`, `(?-i)`; atomic `(?>…)`.
      const flags = /^\(\?([idmsuxU-]+)([:)])/.exec(p.slice(i));
      if (flags) {
        out += flags[2] === ':' ? '(?:' : '';
        i += flags[0].length - 1;
        continue;
      }
      if (p[i + 2] === '>') { out += '(?:'; i += 2; continue; }
    }
    // Possessive quantifier `a*+`, `a++`, `a?+`, `a{2}+`: drop the possessive mark.
    if (c === '+' && wasQuantifier) continue;
    if (c === ']') { out += '\\]'; continue; }
    if (c === '}') {
      if (!/\{\d+(,\d*)?$/.test(p.slice(0, i))) { out += '\\}'; continue; }
      afterQuantifier = true;
    }
    if (c === '*' || c === '+' || c === '?') afterQuantifier = !(c === '?' && out.endsWith('('));
    out += c;
  }
  if (inClass) return { error: 'a character class `[` is not closed' };
  return { source: out };
}

export function compileJavaRegex(pattern: string): JavaRegexResult {
  const t = translate(pattern);
  if (t.error) return { ok: false, error: t.error };
  if (t.unchecked || t.source === undefined) return { ok: true, regex: undefined };
  try {
    return { ok: true, regex: new RegExp(`^(?:${t.source})$`, 'su') };
  } catch (e) {
    return { ok: false, error: (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') };
  }
}
