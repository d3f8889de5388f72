// The parse cache of watch mode: unchanged files are not parsed again, edited ones are, and results
// are the same as without a cache.

import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLoadCache, load } from '../../src/load/index.js';
import { fixturesDir, writeTree } from './helpers.js';

describe('LoadCache', () => {
  it('a cached re-load gives the same document and positions as a fresh load, in a fresh object', async () => {
    const entry = path.join(fixturesDir, 'multi-file/openapi.yaml');
    const cache = createLoadCache();
    const first = await load(entry, { cache });
    expect(cache.misses).toBe(first.files.length);
    const second = await load(entry, { cache });
    expect(cache.hits).toBe(first.files.length);
    const uncached = await load(entry);
    expect(second.document).toEqual(uncached.document);
    expect(second.files).toEqual(uncached.files);
    // bundling moves and rewrites objects: each load must own its tree
    expect(second.document).not.toBe(first.document);
    expect((second.document.components as any).schemas.Pet).not.toBe((first.document.components as any).schemas.Pet);
    for (const pointer of ['/components/schemas/NewPet/properties', '/paths/~1pets/get', '/components/schemas/category/properties/parent']) {
      expect(second.sourceMap.lookup(pointer)).toEqual(uncached.sourceMap.lookup(pointer));
    }
  });

  it('an edited file is re-read (also a same-size edit), the others are not', async () => {
    const dir = writeTree({
      'api.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "responses.yaml#/Ok"}\n',
      'responses.yaml': 'Ok:\n  description: first\n',
      'templates/t.vtl': '#set($a = 1)',
    });
    const entry = path.join(dir, 'api.yaml');
    const cache = createLoadCache();
    const before = await load(entry, { cache });
    expect((before.document.components as any).responses.Ok.description).toBe('first');

    // same size, different content: only the modification time tells
    const file = path.join(dir, 'responses.yaml');
    writeFileSync(file, 'Ok:\n  description: again\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    cache.hits = 0;
    cache.misses = 0;
    const after = await load(entry, { cache });
    expect((after.document.components as any).responses.Ok.description).toBe('again');
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(1);
    expect(after.sourceMap.lookup('/components/responses/Ok/description')).toEqual({ file, line: 2, column: 3 });
  });

  it('text files are cached and re-read on change too', async () => {
    const dir = writeTree({
      'api.yaml': 'openapi: 3.0.3\ninfo:\n  title: t\n  version: "1"\n  description: {$ref: intro.md}\npaths: {}\n',
      'intro.md': '# One',
    });
    const entry = path.join(dir, 'api.yaml');
    const cache = createLoadCache();
    expect(((await load(entry, { cache })).document.info as any).description).toBe('# One');
    writeFileSync(path.join(dir, 'intro.md'), '# Two, longer');
    expect(((await load(entry, { cache })).document.info as any).description).toBe('# Two, longer');
  });
});
