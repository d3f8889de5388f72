// Command-line flags override the config file. Flags that name paths are resolved against the
// working directory by the CLI before they get here; config paths were resolved against the
// config file's folder when it was loaded.

import { dirname, resolve } from 'node:path';
import type { Config, ResolvedConfig } from './types.js';

export type ConfigOverrides = Pick<Config, 'input' | 'out' | 'root' | 'apiType' | 'targets' | 'allowRemoteRefs'>;

/** `config` with every defined override applied; undefined flags leave the config value alone. */
export function withOverrides(config: ResolvedConfig, overrides: ConfigOverrides): ResolvedConfig {
  const merged: ResolvedConfig = { ...config };
  for (const [key, value] of Object.entries(overrides) as [keyof ConfigOverrides, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** The output folder: `out` when set, else `generated` beside the config file, else in cwd. */
export function outputFolder(config: ResolvedConfig, cwd: string): string {
  if (config.out !== undefined) return resolve(cwd, config.out);
  return resolve(config.file ? dirname(config.file) : cwd, 'generated');
}
