// Files are decoded from UTF-8 one of two ways by size (files.ts readText); both must give the text
// `readFileSync(file, 'utf8')` gives, invalid bytes (replaced by U+FFFD) and a byte order mark included.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { writeTree } from './helpers.js';

/** A spec whose description holds `bytes` (raw, possibly invalid UTF-8), padded to about `size` bytes. */
function specBytes(bytes: number[], size: number): Buffer {
  const head = Buffer.from('\ufeffopenapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-raw: "');
  const middle = Buffer.from(bytes);
  const pad = Buffer.from(`"\nx-pad: |\n${'  line of padding text, ünïcödé and 💡 too\n'.repeat(Math.ceil(size / 48))}`);
  return Buffer.concat([head, middle, pad]);
}

const INVALID = [0xff, 0x61, 0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x62, 0xc3, 0x28, 0xe2, 0x82, 0xac, 0xf4, 0x90, 0x80, 0x80];

describe('decoding source files', () => {
  for (const size of [1_000, 1_500_000]) {
    it(`a ${size >= 1024 * 1024 ? 'large' : 'small'} file decodes as readFileSync(file, 'utf8') does, invalid bytes included`, async () => {
      const dir = writeTree({});
      const file = path.join(dir, 'api.yaml');
      writeFileSync(file, specBytes(INVALID, size));
      const reference = readFileSync(file, 'utf8');
      const loaded = await load(file);
      const raw = loaded.document['x-raw'] as string;
      expect(raw).toContain('\ufffd');
      expect(reference).toContain(`x-raw: "${raw}"`);
      expect(loaded.document['x-pad']).toBe(reference.slice(reference.indexOf('x-pad: |\n') + 9).replace(/^ {2}/gm, ''));
      expect(loaded.sourceMap.lookup('/x-pad')).toEqual({ file, line: 5, column: 1 });
    });
  }
});
