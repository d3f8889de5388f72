// The two large real specs load (timings live in bench/load.mjs, not here).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { expectSelfContained, sharedDir } from './helpers.js';
import { describeShared } from '../support/shared.js';

describeShared('large specs', () => {
  it('DigitalOcean (about 2,000 files) bundles into one self-contained document with positions in every file', async () => {
    const root = path.join(sharedDir, 'specs/digitalocean');
    const entry = path.join(root, 'DigitalOcean-public.v2.yaml');
    const loaded = await load(entry);
    expect(loaded.version).toBe('3.0');
    expect(loaded.files.length).toBeGreaterThan(1500);
    expectSelfContained(loaded.document);
    const apps = (loaded.document.paths as any)['/v2/apps'].get;
    expect(apps.operationId).toBe('apps_list');
    expect(apps.parameters[0]).toEqual({ $ref: '#/components/parameters/page' });
    expect(loaded.sourceMap.lookup('/paths/~1v2~1apps/get/summary')).toEqual({ file: path.join(root, 'resources/apps/apps_list.yml'), line: 3, column: 1 });
    expect(loaded.sourceMap.lookup('/paths/~1v2~1apps/get/tags/0')).toEqual({ file: path.join(root, 'resources/apps/apps_list.yml'), line: 9, column: 3 });
    expect(loaded.sourceMap.lookup('/components/parameters/page')?.file).toBe(path.join(root, 'shared/parameters.yml'));
    expect(typeof (loaded.document.info as any).description).toBe('string');
  });

  it('Stripe (4 MB, one file) loads with positions', async () => {
    const entry = path.join(sharedDir, 'specs/stripe/openapi.yaml');
    const loaded = await load(entry);
    expect(loaded.version).toBe('3.0');
    expect(loaded.files).toEqual([entry]);
    expect(Object.keys(loaded.document.paths as object)).toHaveLength(grepPathCount(entry));
    expect(loaded.sourceMap.lookup('/paths/~1v1~1accounts/get')).toEqual({ file: entry, line: 40201, column: 5 });
    expect(loaded.sourceMap.lookup('/components/schemas/account/properties/business_profile')).toEqual({ file: entry, line: 26, column: 9 });
  });
});

/** Path items counted straight from the text: keys indented two spaces under `paths:` that start with `/`. */
function grepPathCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\npaths:\n');
  const end = text.slice(start + 1).search(/\n[^\s#]/);
  const block = text.slice(start, start + 1 + end);
  return (block.match(/^ {2}['"]?\//gm) ?? []).length;
}
