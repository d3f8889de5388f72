// The lint baseline file: read here (the linter itself reads no files) and passed to `lint` as
// entries; `lint --baseline` writes it through src/output.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApigwError } from '../errors.js';
import { parseBaseline, type BaselineEntry } from '../lint/baseline.js';
import type { ResolvedConfig } from '../config/types.js';

/** The baseline file the config names (relative to the config file, else to `cwd`), if any. */
export function configuredBaselineFile(config: ResolvedConfig, cwd: string): string | undefined {
  const file = config.lint?.baseline;
  if (!file) return undefined;
  return resolve(config.file ? dirname(config.file) : cwd, file);
}

/** The entries of the configured baseline; none when no baseline is configured. */
export function readConfiguredBaseline(config: ResolvedConfig, cwd: string): BaselineEntry[] {
  const file = configuredBaselineFile(config, cwd);
  if (file === undefined) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ApigwError('BAD_CONFIG', `lint baseline ${file} cannot be read`);
  }
  return parseBaseline(text, file).entries;
}
