// nodeAt inside a lint run (remembered lookups) must answer exactly as getAt does.

import { describe, it, expect } from 'vitest';
import { nodeAt, oncePerRun, withNodeCache } from '../../../src/lint/helpers/raw.js';
import { getAt } from '../../../src/lint/pointer.js';

const doc = {
  '': { a: 'empty key', '': 'empty in empty' },
  paths: { '/v1/a~b': { get: { parameters: [{ name: 'x' }, { $ref: '#/p' }] } } },
  list: ['zero', 'one'],
  nul: null,
  str: 'text',
};

const POINTERS = [
  '', '/', '//a', '//', '/paths', '/paths/~1v1~1a~0b/get', '/paths/~1v1~1a~0b/get/parameters/1/$ref',
  '/paths/~1v1~1a~0b/get/parameters/2', '/paths/~1v1~1a~0b/get/parameters/01', '/list/length', '/list/1',
  '/list/-', '/missing/deeper/still', '/nul/x', '/str/length', '/str/0', '/paths/', '/toString', '/__proto__', 'paths',
];

describe('nodeAt', () => {
  it('gives getAt\'s answer for every pointer, outside and inside a run (asked twice, in any order)', () => {
    for (const p of POINTERS) expect(nodeAt(doc, p), p).toBe(getAt(doc, p));
    withNodeCache(doc, () => {
      for (const p of [...POINTERS, ...[...POINTERS].reverse()]) expect(nodeAt(doc, p), p).toBe(getAt(doc, p));
    });
  });

  it('remembers only within the run and only for its document', () => {
    const data = { a: { b: 1 } };
    withNodeCache(doc, () => {
      expect(nodeAt(data, '/a/b')).toBe(1); // another root: not remembered
      data.a.b = 2;
      expect(nodeAt(data, '/a/b')).toBe(2);
    });
    const mutable = { a: { b: 1 } };
    withNodeCache(mutable, () => expect(nodeAt(mutable, '/a/b')).toBe(1));
    mutable.a.b = 3;
    withNodeCache(mutable, () => expect(nodeAt(mutable, '/a/b')).toBe(3));
  });
});

describe('oncePerRun', () => {
  it('computes once per key inside a run, every time outside', () => {
    const table = {};
    const key = {};
    let calls = 0;
    const compute = () => ++calls;
    expect(oncePerRun(doc, table, key, compute)).toBe(1);
    expect(oncePerRun(doc, table, key, compute)).toBe(2);
    withNodeCache(doc, () => {
      expect(oncePerRun(doc, table, key, compute)).toBe(3);
      expect(oncePerRun(doc, table, key, compute)).toBe(3);
      expect(oncePerRun(doc, {}, key, compute)).toBe(4); // another table
    });
  });
});
