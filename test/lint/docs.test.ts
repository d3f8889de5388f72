// Every rule page is executable: its failing example must produce exactly the documented
// diagnostics of that rule, its passing example none of that rule. Pages and rules must match 1:1.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/index.js';
import { lint, allRules } from '../../src/lint/index.js';
import { docPages, type DocExample, type DocPage } from './doc-pages.js';

const pages = docPages();
let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apigw-lint-docs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(page: DocPage, ex: DocExample) {
  const folder = join(dir, `${page.id}-${n++}`);
  mkdirSync(folder);
  const entry = join(folder, 'openapi.yaml');
  let text = ex.yaml;
  if (ex.padding > 0) {
    const line = '#' + 'x'.repeat(99) + '\n';
    text += line.repeat(Math.ceil(ex.padding / line.length));
  }
  writeFileSync(entry, text);
  for (const [name, body] of Object.entries(ex.files)) writeFileSync(join(folder, name), body);
  const doc = await load(entry);
  const api = normalize(doc, page.apiType ? { apiType: page.apiType } : {});
  return lint(api, doc, ex.config).filter((d) => d.ruleId === page.id);
}

describe('rule documentation pages', () => {
  it('there is one page per registered rule and one rule per page', () => {
    const ruleIds = allRules.map((r) => r.id).sort();
    const pageIds = pages.map((p) => p.id).sort();
    expect(pageIds.filter((id) => !ruleIds.includes(id))).toEqual([]);
    expect(ruleIds.filter((id) => !pageIds.includes(id))).toEqual([]);
  });

  for (const page of pages) {
    describe(page.id, () => {
      it('failing example reports the rule exactly at the documented pointers', async () => {
        const found = await run(page, page.failing);
        expect(found.map((d) => d.pointer).sort()).toEqual([...page.expected].sort());
        for (const d of found) {
          expect(d.message.length).toBeGreaterThan(20);
          expect(d.line, `${page.id} has a position`).toBeGreaterThan(0);
        }
      });
      it('passing example does not report the rule', async () => {
        const found = await run(page, page.passing);
        expect(found.map((d) => `${d.pointer}: ${d.message}`)).toEqual([]);
      });
    });
  }
});
