// The source map of a bundled document: which file (and where in it) each subtree came from.

import type { SourceMap, SourcePosition } from './types.js';
import { parsePointer } from './pointer.js';
import { positionIn, type SourceFile } from './source-file.js';

export interface Mount {
  file: SourceFile;
  /** Pointer (escaped) inside `file` of the node placed at the mount's bundled pointer. */
  pointer: string;
}

export class BundleSourceMap implements SourceMap {
  /** Bundled pointer (escaped) → where the subtree rooted there came from. `''` is the entry file. */
  constructor(private readonly mounts: ReadonlyMap<string, Mount>) {}

  lookup(pointer: string): SourcePosition | undefined {
    let p = pointer;
    if (p.startsWith('#')) {
      try {
        p = decodeURIComponent(p.slice(1));
      } catch {
        return undefined;
      }
    }
    if (p !== '' && p[0] !== '/') return undefined;
    // A single-file document has one mount, at the root: no prefix to search for.
    if (this.mounts.size === 1) {
      const root = this.mounts.get('');
      if (root) return positionIn(root.file, parsePointer(root.pointer + p));
    }
    // The longest mounted prefix holds the node; the rest of the pointer is inside that file.
    let cut = p.length;
    for (;;) {
      const mount = this.mounts.get(p.slice(0, cut));
      if (mount) return positionIn(mount.file, parsePointer(mount.pointer + p.slice(cut)));
      if (cut === 0) return undefined;
      cut = p.lastIndexOf('/', cut - 1);
      if (cut < 0) cut = 0;
    }
  }
}
