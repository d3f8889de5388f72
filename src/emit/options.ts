// What every emitter receives besides the model.
import type { LoadedDocument } from '../load/types.js';
import type { ResolvedConfig } from '../config/types.js';

export interface EmitOptions {
  /** The loaded document: only the gateway target reads it (to emit an import-ready copy). */
  document: LoadedDocument;
  config: ResolvedConfig;
}
