// PLACEHOLDER until the linter lands: reports nothing. Replaced by its owner.
import type { Api } from '../model/types.js';
import type { LoadedDocument } from '../load/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from './types.js';

export function lint(_api: Api, _document: LoadedDocument, _config: ResolvedConfig = {}): Diagnostic[] {
  return [];
}
