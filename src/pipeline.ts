// The pipeline composed: load → normalize → lint → emit → write. The CLI and the public API call
// these; each step is also exported on its own from src/index.ts.

import { load } from './load/index.js';
import { normalize } from './model/index.js';
import { lint } from './lint/index.js';
import { emit, ALL_TARGETS } from './emit/index.js';
import { write, type WriteResult } from './output/index.js';
import type { LoadedDocument } from './load/types.js';
import type { Api } from './model/types.js';
import type { Diagnostic } from './lint/types.js';
import type { Target } from './emit/types.js';
import type { ResolvedConfig } from './config/types.js';

export interface LoadedApi {
  document: LoadedDocument;
  api: Api;
}

/** Reads the spec and builds the model, honouring `apiType` and `allowRemoteRefs` from config. */
export async function loadApi(spec: string, config: ResolvedConfig = {}): Promise<LoadedApi> {
  const document = await load(spec, config.allowRemoteRefs ? { allowRemoteRefs: true } : {});
  const api = normalize(document, config.apiType ? { apiType: config.apiType } : {});
  return { document, api };
}

export interface BuildOptions {
  /** The spec's entry file. */
  spec: string;
  /** The output folder; targets go to `<out>/sdk`, `<out>/handlers`, `<out>/templates`, `<out>/gateway`. */
  out: string;
  /** The config with command-line overrides applied. `targets` picks the emitters (default all). */
  config?: ResolvedConfig;
  /** Run the linter first and stop on errors (default true). */
  lint?: boolean;
  /** Write nothing; report what would change. */
  check?: boolean;
}

export interface BuildOutcome extends LoadedApi {
  /** Every diagnostic the linter reported (empty when lint was skipped). */
  diagnostics: Diagnostic[];
  /** True when lint errors stopped the build before anything was emitted. */
  stoppedByLint: boolean;
  /** What was (or, in check mode, would be) written; absent when the build stopped. */
  written?: WriteResult;
}

export async function build(options: BuildOptions): Promise<BuildOutcome> {
  const config = options.config ?? {};
  const { document, api } = await loadApi(options.spec, config);
  const diagnostics = options.lint === false ? [] : lint(api, document, config);
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { document, api, diagnostics, stoppedByLint: true };
  }
  const targets: readonly Target[] = config.targets ?? ALL_TARGETS;
  const files = emit(api, { document, config }, targets);
  const written = write(files, options.out, { check: options.check === true });
  return { document, api, diagnostics, stoppedByLint: false, written };
}
