import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/text/display-text.js';

describe('displayText', () => {
  it.each([
    ['a string', 'id', 'id'],
    ['a number', 42, '42'],
    ['a boolean', false, 'false'],
    ['null', null, 'null'],
    ['an array, as String() joins it', ['a', 1, null], 'a,1,'],
    ['a plain object, as JSON', { n: [1] }, '{"n":[1]}'],
    ['an object without a prototype (String() throws on it)', Object.assign(Object.create(null) as object, { __proto__x: 1 }), '{"__proto__x":1}'],
    ['an array of prototype-less objects', [Object.assign(Object.create(null) as object, { a: 'b' })], '{"a":"b"}'],
  ])('%s', (_name, value, text) => {
    expect(displayText(value)).toBe(text);
  });
});
