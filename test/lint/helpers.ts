// Shared by the lint tests: run the real pipeline on a file or on YAML text.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/index.js';
import { lint, type LintOptions } from '../../src/lint/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { SHARED_DIR } from '../support/shared.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const SHARED = SHARED_DIR;

export async function lintFile(file: string, config: ResolvedConfig = {}, apiType?: 'rest' | 'http', options: LintOptions = {}) {
  const doc = await load(file);
  const api = normalize(doc, apiType ? { apiType } : {});
  return { doc, api, diagnostics: lint(api, doc, config, options) };
}

let tmp: string | undefined;
export async function lintText(yaml: string, config: ResolvedConfig = {}, apiType?: 'rest' | 'http', options: LintOptions = {}) {
  tmp ??= mkdtempSync(join(tmpdir(), 'apigw-lint-'));
  const file = join(tmp, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  return lintFile(file, config, apiType, options);
}
