// One file (or remote document) read during a load, with its parsed data and lazy positions.

import type { SourcePosition } from './types.js';
import type { FilePositions } from './positions.js';
import { parsePointer } from './pointer.js';

export interface SourceFile {
  /** Absolute path, or URL for a remote document. Used as `file` in positions. */
  readonly key: string;
  readonly data: unknown;
  readonly positions: FilePositions;
  /**
   * Pointers (escaped, as in `/a/b`) of objects of this file that were placed somewhere in the
   * bundled document, with the pointer of that place. The entry file's own nodes are implicitly
   * placed where they are.
   */
  readonly placed: Map<string, string>;
  /** The file's text as read (see may-contain.ts). */
  readonly text: string;
  /** How it was read; 'text' (not YAML/JSON): `data` is the file's content as a string. */
  readonly format: 'json' | 'yaml' | 'text';
}

/** Position of the node at `tokens` of `file` (or of its nearest ancestor present in the text). */
export function positionIn(file: SourceFile, tokens: readonly string[]): SourcePosition {
  return { file: file.key, ...file.positions.locate(tokens) };
}

export function positionAtPointer(file: SourceFile, pointer: string): SourcePosition {
  return positionIn(file, parsePointer(pointer));
}
