// The only ways spec text enters generated code: as a string literal or inside a JSDoc comment.
// Both are built so that no input (`*/`, backticks, `${`, quotes, newlines, U+2028/2029, lone
// surrogates) can end the literal or comment early and inject code.

/**
 * A double-quoted JS/TS string literal. JSON.stringify escapes quotes, backslashes, control
 * characters and lone surrogates; U+2028/U+2029 are escaped too so the text stays on one line in
 * every editor and in pre-ES2019 parsers. Backticks and `${` are inert inside double quotes.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

/**
 * Makes text safe inside a block comment: `*\/` can't close it (written as `*\/`), line separators
 * are normalised to `\n`, control characters dropped. Readability is kept: no other escaping.
 */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
     
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\*\//g, '*\\/');
}

export interface JsDocTag {
  tag: string;
  /** Tag text; may be empty (`@deprecated`). */
  text?: string;
}

/**
 * A JSDoc block (`/** … *\/`) at the given indent, ending with a newline; the empty string when
 * there is nothing to say. Lines starting with `@` in free text are escaped (`\@`) so a
 * description cannot smuggle in tags such as `@deprecated`.
 */
export function jsDoc(text: string | undefined, tags: readonly JsDocTag[] = [], indent = ''): string {
  const lines: string[] = [];
  if (text !== undefined && text.trim() !== '') {
    const body = commentText(text).replace(/^\s*\n|\n\s*$/g, '');
    for (const line of body.split('\n')) lines.push(line.replace(/\s+$/, '').replace(/^(\s*)@/, '$1\\@'));
  }
  for (const { tag, text: tagText } of tags) {
    const t = tagText === undefined ? '' : commentText(tagText).replace(/\s*\n\s*/g, ' ').trim();
    lines.push(t === '' ? `@${tag}` : `@${tag} ${t}`);
  }
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)).join('\n')}\n${indent} */\n`;
}
