// A parse cache shared by successive loads (watch mode): a file whose modification time and size are
// unchanged is not read or parsed again. It holds each file's pristine parsed tree and its position
// index; every load gets its own copy of the tree, because bundling moves and rewrites objects.

import type { ParsedSource } from './parse.js';

interface CachedFile {
  mtimeMs: number;
  size: number;
  /** Read as text (a `$ref` to a .vtl, .txt, … file) rather than parsed. */
  asText: boolean;
  parsed: ParsedSource;
}

/** Opaque to callers: create it with `createLoadCache()` and pass it as `LoadOptions.cache` to every load. */
export class LoadCache {
  private readonly files = new Map<string, CachedFile>();
  /** Reads served from the cache, and files (re-)parsed, since creation. */
  hits = 0;
  misses = 0;

  /** The parse of `file` when its stat still matches; undefined when it changed or was never read. */
  get(file: string, mtimeMs: number, size: number, asText: boolean): ParsedSource | undefined {
    const hit = this.files.get(file);
    if (!hit || hit.mtimeMs !== mtimeMs || hit.size !== size || hit.asText !== asText) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return hit.parsed;
  }

  set(file: string, mtimeMs: number, size: number, asText: boolean, parsed: ParsedSource): void {
    this.files.set(file, { mtimeMs, size, asText, parsed });
  }

  /** Number of files held (for tests and diagnostics). */
  get size(): number {
    return this.files.size;
  }
}

/** A cache to pass as `LoadOptions.cache` to successive loads of the same project. */
export function createLoadCache(): LoadCache {
  return new LoadCache();
}

const own = Object.prototype.hasOwnProperty;

/**
 * A deep copy of parsed data. Objects shared through YAML aliases stay shared in the copy (the
 * bundler relies on meeting such an object once), and keys such as `__proto__` stay own data.
 */
export function cloneData(data: unknown): unknown {
  const seen = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      seen.set(value, out);
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    const source = value as Record<string, unknown>;
    for (const key in source) {
      if (!own.call(source, key)) continue;
      if (key === '__proto__') Object.defineProperty(out, key, { value: copy(source[key]), enumerable: true, writable: true, configurable: true });
      else out[key] = copy(source[key]);
    }
    return out;
  };
  return copy(data);
}
