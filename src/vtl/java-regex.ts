// Java regular expressions (java.util.regex) translated to JavaScript RegExp, for String.replaceAll,
// replaceFirst, matches and split. The common syntax is shared; this rewrites what differs:
// `\Q…\E` quoting, leading inline flags `(?i)`/`(?s)`/`(?m)`, `\A` `\z` `\Z`, POSIX classes
// `\p{Alpha}` …, possessive quantifiers (treated as greedy) and atomic groups (treated as
// non-capturing). Java's replacement syntax (`$1`, `\$`) is handled by javaReplacement().

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  L: 'a-zA-Z\\u00C0-\\u024F',
  IsAlphabetic: 'a-zA-Z\\u00C0-\\u024F',
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
};

const cache = new Map<string, RegExp>();

export class JavaRegexError extends Error {}

/** Compile a Java regex to a JS RegExp (global flag set; callers reset lastIndex). */
export function javaRegex(source: string): RegExp {
  let re = cache.get(source);
  if (re) return re;
  let flags = 'g';
  let body = source;
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline) {
    for (const f of inline[1]!) if (f !== 'x' && !flags.includes(f)) flags += f;
    body = body.slice(inline[0].length);
  }
  let out = '';
  let inClass = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const n = body[i + 1];
      if (n === undefined) throw new JavaRegexError(`unexpected internal error: trailing backslash in /${source}/`);
      if (n === 'Q') {
        const end = body.indexOf('\\E', i + 2);
        const quoted = end === -1 ? body.slice(i + 2) : body.slice(i + 2, end);
        out += quoted.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end === -1 ? body.length : end + 1;
        continue;
      }
      if (n === 'A' && !inClass) { out += '^'; i++; continue; }
      if ((n === 'z' || n === 'Z') && !inClass) { out += n === 'Z' ? '(?=\\n?$)' : '$'; i++; continue; }
      if ((n === 'p' || n === 'P') && body[i + 2] === '{') {
        const end = body.indexOf('}', i + 3);
        const name = body.slice(i + 3, end).replace(/^Is/, (m) => (POSIX[body.slice(i + 3, end)] ? m : ''));
        const cls = POSIX[name] ?? POSIX[body.slice(i + 3, end)];
        if (cls === undefined || end === -1) throw new JavaRegexError(`unsupported character class \\${n}{${body.slice(i + 3, end)}}`);
        out += inClass ? cls : n === 'p' ? `[${cls}]` : `[^${cls}]`;
        i = end;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (c === '[') inClass++;
    else if (c === ']' && inClass) inClass--;
    if (!inClass) {
      if (c === '(' && body.startsWith('(?>', i)) { out += '(?:'; i += 2; continue; }
      // Possessive quantifiers: `*+`, `++`, `?+`, `}+` → greedy.
      if (c === '+' && i > 0 && /[*+?}]/.test(body[i - 1]!) && body[i - 2] !== '\\') continue;
    }
    out += c;
  }
  try {
    re = new RegExp(out, flags);
  } catch (e) {
    throw new JavaRegexError(`invalid regular expression /${source}/: ${(e as Error).message}`);
  }
  cache.set(source, re);
  return re;
}

/** Java `Matcher.appendReplacement` semantics: `$n` is a group, `\x` is a literal x. */
export function javaReplacement(replacement: string): (match: string, ...rest: unknown[]) => string {
  return (match: string, ...rest: unknown[]) => {
    const groups = rest.slice(0, rest.findIndex((r) => typeof r === 'number'));
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i]!;
      if (c === '\\') {
        i++;
        if (i >= replacement.length) throw new JavaRegexError('character to be escaped is missing');
        out += replacement[i];
      } else if (c === '$') {
        const m = /^\d+/.exec(replacement.slice(i + 1));
        if (!m) throw new JavaRegexError('Illegal group reference');
        let digits = m[0];
        // Java takes the longest group number that exists.
        while (digits.length > 1 && Number(digits) > groups.length) digits = digits.slice(0, -1);
        const n = Number(digits);
        if (n > groups.length) throw new JavaRegexError(`No group ${n}`);
        out += n === 0 ? match : ((groups[n - 1] as string | undefined) ?? '');
        i += digits.length;
      } else out += c;
    }
    return out;
  };
}

/** Java `String.split(regex, limit)`: trailing empty strings removed when limit is 0. */
export function javaSplit(s: string, regex: string, limit = 0): string[] {
  const re = javaRegex(regex);
  re.lastIndex = 0;
  const parts: string[] = [];
  let start = 0;
  let m: RegExpExecArray | null;
  while ((limit <= 0 || parts.length < limit - 1) && (m = re.exec(s)) !== null) {
    if (m[0].length === 0) {
      if (m.index >= s.length) break;
      if (m.index === 0) { re.lastIndex++; continue; }
      parts.push(s.slice(start, m.index));
      start = m.index;
      re.lastIndex++;
      continue;
    }
    if (m.index === 0 && start === 0 && m[0].length > 0) {
      parts.push('');
    } else parts.push(s.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(s.slice(start));
  if (limit === 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (limit === 0 && parts.length === 1 && parts[0] === '' && s.length > 0) return [];
  return parts;
}
