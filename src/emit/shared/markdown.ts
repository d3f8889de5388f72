// The one Markdown escaper every emitted README, routes.md and CHANGES.md uses for spec text
// (titles, paths, keys, descriptions, patterns). Markdown is not HTML: entity-encoding quotes
// (`&#x27;`) garbles the text, while newlines and `|` — harmless in HTML — add Markdown lines or
// table cells. So each value is put on one line and its Markdown punctuation backslash-escaped,
// which CommonMark/GFM render as the literal character (including `<`, so no raw HTML).

/** Line breaks of every kind, plus the other control characters (dropped: never meaningful text). */
 
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/g;
 
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** ASCII punctuation that can start Markdown or HTML syntax inside a line (`|` ends a table cell). */
const MARKDOWN_SPECIALS = /[\\`*_[\]<>|&#!~]/g;

/** `text` on one line: line breaks become spaces, other control characters go. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(/\t/g, ' ');
}

/**
 * Plain text for a table cell, list item or paragraph: one line, shown literally (no emphasis,
 * links, HTML or cell breaks).
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(MARKDOWN_SPECIALS, (c) => `\\${c}`);
}

/** The text of a `#` heading: as markdownText, without the surrounding spaces a heading trims anyway. */
export function headingText(text: string): string {
  return markdownText(text).trim();
}

/**
 * A code span showing `text` verbatim (backticks included): the fence is one backtick longer
 * than the longest run inside, padded with spaces when the text starts or ends with one.
 * Inside a GFM table, `|` still ends the cell even in a code span: pass `inTable` to escape it
 * (GFM removes that backslash before rendering the span).
 */
export function inlineCode(text: string, options: { inTable?: boolean } = {}): string {
  let body = oneLine(text);
  if (body === '') return '';
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
