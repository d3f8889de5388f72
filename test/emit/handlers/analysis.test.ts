// Unit tests for the two static analyses behind non-proxy handlers: selectionPattern → error
// message template, and request mapping template → event shape.

import { describe, expect, it } from 'vitest';
import { matchesWhole, messageTemplate, renderMessage } from '../../../src/emit/handlers/selection-pattern.js';
import { analyzeRequestTemplate } from '../../../src/emit/handlers/request-template.js';

/** Java `String.matches`: the whole message must match (JS regex, anchored, no dotAll). */
function javaMatches(pattern: string, message: string): boolean {
  const flags = /^\(\?i\)/.test(pattern) ? 'i' : '';
  const body = pattern.replace(/^\(\?i\)/, '').replace(/\\Q(.*?)\\E/g, (_, t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:${body})$`, flags).test(message);
}

describe('selectionPattern message templates', () => {
  const REAL_PATTERNS = [
    '.*\\[NotFound\\].*', '^\\[BadRequest\\].*', 'Bad Request: .*', '4\\d{2}', '.*"statusCode":400.*', '(?i).*error.*',
    'Invalid.+', '.+', 'Not Found|Missing', '[A-Z]+Exception: .*', '(\\n|.)*not found(\\n|.)*', '.*Task timed out.*',
    '^404:.*', '.*(Unauthorized|Forbidden).*', '\\QConflict(1)\\E.*', 'Error: [0-9]{3} .*',
  ];

  it.each(REAL_PATTERNS)('%s: every message the template renders matches in full', (pattern) => {
    const template = messageTemplate(pattern);
    expect(template, pattern).toBeDefined();
    for (const detail of ['', 'x', 'Item 42 not found', 'two\nlines', '*/ `${x}` "q"']) {
      expect(javaMatches(pattern, renderMessage(template!, detail)), `${pattern} / ${JSON.stringify(detail)}`).toBe(true);
    }
  });

  it('places the detail after the fixed text, with a readable separator', () => {
    expect(renderMessage(messageTemplate('.*\\[NotFound\\].*')!, 'pet 7')).toBe('[NotFound] pet 7');
    expect(renderMessage(messageTemplate('Bad Request: .*')!, 'name')).toBe('Bad Request: name');
    expect(renderMessage(messageTemplate('.*Task timed out.*')!, 'after 3s')).toBe('Task timed out: after 3s');
    expect(renderMessage(messageTemplate('4\\d{2}')!, 'ignored')).toBe('400');
    expect(messageTemplate('4\\d{2}')!.slot).toBe('none');
    expect(renderMessage(messageTemplate('Invalid.+')!, '')).toMatch(/^Invalid.+/);
  });

  it('refuses patterns it cannot satisfy or verify, rather than guessing', () => {
    expect(messageTemplate('.*(?=x).*')).toBeUndefined(); // lookahead
    expect(messageTemplate('(a)\\1')).toBeUndefined(); // back-reference
    expect(messageTemplate('[^\\s\\S]')).toBeUndefined(); // matches nothing
    expect(messageTemplate('(unclosed')).toBeUndefined();
  });

  it('matchesWhole anchors like Java String.matches', () => {
    expect(matchesWhole('abc', 'xabcx')).toBe(false);
    expect(matchesWhole('.*abc.*', 'xabcx')).toBe(true);
    expect(matchesWhole('.*abc.*', 'x\nabc')).toBe(false); // `.` does not match line breaks
    expect(matchesWhole('(?i)abc', 'ABC')).toBe(true);
  });
});

describe('request mapping template → event shape', () => {
  it('reads a JSON object of $input/$context references', () => {
    const shape = analyzeRequestTemplate(`## the order
{
  "body": $input.json('$'),
  "name": $input.json('$.customer.name'),
  "first": $input.path('$.items[0]'),
  "id": "$input.params('id')",
  "method": "$context.httpMethod",
  "path": "$context.resourcePath",
  "epoch": $context.requestTimeEpoch,
  "fixed": "v1",
  "n": 3,
  "nested": { "stage": "$context.stage", "raw": $input.body }
}`);
    expect(shape).toEqual({
      value: {
        kind: 'object',
        fields: [
          ['body', { kind: 'body', path: [] }],
          ['name', { kind: 'body', path: ['customer', 'name'] }],
          ['first', { kind: 'body', path: ['items', 0] }],
          ['id', { kind: 'string' }],
          ['method', { kind: 'string' }],
          ['path', { kind: 'string' }],
          ['epoch', { kind: 'number' }],
          ['fixed', { kind: 'literal', value: 'v1' }],
          ['n', { kind: 'literal', value: 3 }],
          ['nested', { kind: 'object', fields: [['stage', { kind: 'string' }], ['raw', { kind: 'body', path: [] }]] }],
        ],
      },
      methodField: 'method',
      resourceField: 'path',
    });
  });

  it('gives up on directives and on text that is not JSON', () => {
    expect(analyzeRequestTemplate('#set($b = $input.path(\'$\'))\n{ "x": "$b" }')).toBeUndefined();
    expect(analyzeRequestTemplate('#foreach($k in $input.params().keySet())"$k"#end')).toBeUndefined();
    expect(analyzeRequestTemplate('Action=SendMessage&MessageBody=$input.body')).toBeUndefined();
  });

  it('keeps spec keys such as __proto__ as data', () => {
    const shape = analyzeRequestTemplate('{ "__proto__": "$context.stage", "constructor": 1 }');
    expect(shape?.value).toEqual({ kind: 'object', fields: [['__proto__', { kind: 'string' }], ['constructor', { kind: 'literal', value: 1 }]] });
  });
});
