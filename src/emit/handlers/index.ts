// PLACEHOLDER until the handlers target lands: returns no files. Replaced by its owner.
import type { Api } from '../../model/types.js';
import type { FileSet } from '../types.js';
import type { EmitOptions } from '../options.js';

export function emitHandlers(_api: Api, _options: EmitOptions): FileSet {
  return new Map();
}
