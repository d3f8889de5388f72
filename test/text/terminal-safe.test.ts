import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/text/terminal-safe.js';

describe('terminalSafe', () => {
  it('escapes C0 (but line feeds), DEL, C1 and bidi overrides as visible \\uXXXX', () => {
    expect(terminalSafe('a\u001b[31mb\u0007c\u007fd\u009be\rf\tg\u202eh')).toBe('a\\u001b[31mb\\u0007c\\u007fd\\u009be\\u000df\\u0009g\\u202eh');
  });

  it('keeps, flattens or escapes line feeds as asked', () => {
    expect(terminalSafe('a\nb')).toBe('a\nb');
    expect(terminalSafe('a\nb', { newlines: 'space' })).toBe('a b');
    expect(terminalSafe('a\nb', { newlines: 'escape' })).toBe('a\\nb');
  });

  it('leaves printable text, including non-ASCII, alone', () => {
    expect(terminalSafe('Pets — ✖ ünïcode 🐶 | `x`')).toBe('Pets — ✖ ünïcode 🐶 | `x`');
  });
});
