// The shared Markdown escaper, and the READMEs that use it: spec text with newlines, `|`,
// backticks, HTML and quotes must stay inside its cell, heading or code span, shown literally,
// with no HTML entities (Markdown is not HTML: `&#x27;` would show up as is in some viewers).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emit } from '../../../src/emit/index.js';
import { headingText, inlineCode, markdownText } from '../../../src/emit/shared/markdown.js';

describe('markdown escaping', () => {
  it('markdownText: one line, Markdown and HTML punctuation backslash-escaped, quotes untouched', () => {
    expect(markdownText('a | b\n# c\r\n<i>d</i> `e` *f* _g_ [h](i) & \'j\' "k"')).toBe('a \\| b \\# c \\<i\\>d\\</i\\> \\`e\\` \\*f\\* \\_g\\_ \\[h\\](i) \\& \'j\' "k"');
    expect(markdownText('tab\there\u0007bell\u2028sep')).toBe('tab herebell sep');
  });

  it('headingText trims', () => {
    expect(headingText('  Pets #1\n')).toBe('Pets \\#1');
  });

  it('inlineCode: a fence longer than any backtick run, padded when the text touches a backtick', () => {
    expect(inlineCode('GET /pets')).toBe('`GET /pets`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('a ``` b\nc')).toBe('````a ``` b c````');
    expect(inlineCode('a|b')).toBe('`a|b`');
    expect(inlineCode('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(inlineCode('')).toBe('');
  });
});

const HOSTILE = resolve(import.meta.dirname, 'fixtures/hostile-markdown.yaml');

/** Lines outside fenced code blocks (inside a fence everything is literal). */
function proseLines(markdown: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}```/.test(line)) fenced = !fenced;
    else if (!fenced) out.push(line);
  }
  return out;
}

/** Cell separators of a GFM table row: `|` not escaped by a backslash (code spans included, as GFM does). */
function pipes(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') n++;
  }
  return n;
}

/** The line without its code spans (`` `x` ``, ``` ``x`y`` ```), whose content is literal. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
}

describe('emitted Markdown keeps hostile spec text inert', async () => {
  const document = await load(HOSTILE);
  const api = normalize(document);
  const out = emit(api, { document, config: {} }, ['handlers', 'templates', 'gateway']);
  const files = {
    'handlers/README.md': out.handlers!.get('README.md')!.content,
    'templates/README.md': out.templates!.get('README.md')!.content,
    'gateway/routes.md': out.gateway!.get('routes.md')!.content,
  };

  it.each(Object.keys(files))('%s', (name) => {
    const md = files[name as keyof typeof files];
    const lines = proseLines(md);
    // The title reached the file, quotes as written, no entity of any kind.
    expect(md).toContain('Evil \\| title');
    expect(md).toContain(`alert('x')`);
    expect(md).toContain('"dq"');
    expect(md).not.toMatch(/&(#x?[0-9a-f]+|[a-z]+);/i);
    // Newlines in the spec added no heading, list item or table row of their own.
    for (const line of lines) expect(line, line).not.toMatch(/^\W{0,4}INJECTED|^\| x \| y \|/);
    // Every row of a table has the header's number of cells.
    let header: number | undefined;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      header ??= pipes(line);
      expect(pipes(line), line).toBe(header);
    }
    // No raw HTML: outside code spans every `<` is escaped.
    for (const line of lines) expect(withoutCodeSpans(line).replace(/\\./g, ''), line).not.toContain('<');
  });

  it('route keys with `|` and backticks stay one code span in the handlers table', () => {
    expect(files['handlers/README.md']).toContain('| ``GET /a\\|b`c<script>`` |');
  });
});
