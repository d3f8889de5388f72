// Reads the files a document refers to, under the load's rules: local files only inside the root,
// remote documents only when allowed. Each file is read and parsed once per load.

import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApigwError } from '../errors.js';
import type { SourcePosition } from './types.js';
import { parseSource } from './parse.js';
import type { SourceFile } from './source-file.js';

export class FileReader {
  private readonly cache = new Map<string, SourceFile>();
  /** Every file read, in reading order (the entry first). */
  readonly order: string[] = [];
  private readonly realRoot: string;

  constructor(
    private readonly root: string,
    private readonly allowRemote: boolean,
  ) {
    this.realRoot = safeRealpath(root) ?? root;
  }

  /** Reads the entry file. @throws FILE_NOT_FOUND, PARSE_ERROR */
  readEntry(file: string): SourceFile {
    if (!isFile(file)) throw new ApigwError('FILE_NOT_FOUND', `file not found: ${file}`);
    return this.readLocal(file);
  }

  /**
   * The document a `$ref` points at. `target` is an absolute path or an http(s) URL.
   * @param at where the `$ref` is, for error messages (computed only on error)
   * @throws REMOTE_REF, REF_OUTSIDE_ROOT, BROKEN_REF, PARSE_ERROR
   */
  async readReferenced(target: string, ref: string, at: () => SourcePosition): Promise<SourceFile> {
    const cached = this.cache.get(target);
    if (cached) return cached;
    if (/^https?:/i.test(target)) return this.readRemote(target, ref, at);
    if (!isInside(this.root, target)) {
      throw new ApigwError('REF_OUTSIDE_ROOT', `$ref "${ref}" points outside the project root ${this.root}`, at());
    }
    if (!isFile(target)) throw new ApigwError('BROKEN_REF', `$ref "${ref}": file not found: ${target}`, at());
    // A symbolic link inside the root may lead out of it.
    const real = safeRealpath(target);
    if (real && !isInside(this.realRoot, real)) {
      throw new ApigwError('REF_OUTSIDE_ROOT', `$ref "${ref}" resolves (through a symbolic link) outside the project root ${this.root}`, at());
    }
    return this.readLocal(target);
  }

  private readLocal(file: string): SourceFile {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const text = readFileSync(file, 'utf8');
    return this.remember(file, text);
  }

  private async readRemote(url: string, ref: string, at: () => SourcePosition): Promise<SourceFile> {
    if (!this.allowRemote) {
      throw new ApigwError('REMOTE_REF', `remote $ref "${ref}" refused: allow remote references to fetch ${url}`, at());
    }
    let text: string;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw new ApigwError('BROKEN_REF', `$ref "${ref}": cannot fetch ${url}: ${(error as Error).message}`, at());
    }
    return this.remember(url, text);
  }

  private remember(key: string, text: string): SourceFile {
    const parsed = parseSource(text, key);
    const file: SourceFile = { key, data: parsed.data, positions: parsed.positions, placed: new Map() };
    this.cache.set(key, file);
    this.order.push(key);
    return file;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
