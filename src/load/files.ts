// Reads the files a document refers to, under the load's rules: local files only inside the root,
// remote documents only when allowed. Each file is read and parsed once per load (and, with a
// LoadCache, once per change across loads). Files that are not YAML/JSON by name (a `.vtl` mapping
// template, a `.md` description) are read as text: their content is the referenced value.

import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ApigwError } from '../errors.js';
import type { SourcePosition } from './types.js';
import { cloneData, type LoadCache } from './cache.js';
import { parseSource, type ParsedSource } from './parse.js';
import { FilePositions } from './positions.js';
import type { SourceFile } from './source-file.js';

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Said with every refusal of a file outside the root: how to allow it. */
const HOW_TO_WIDEN =
  ' (the root is the config file\'s folder or the repository root, whichever is higher, else the spec\'s folder): to allow it, pass --root <folder> or set "root" in apigw-gen.config';

/**
 * Whether a `$ref` target is read as text rather than parsed: it has an extension, and not one of
 * .yaml/.yml/.json. Files without an extension are parsed (decided by content), as before.
 */
export function isTextTarget(target: string): boolean {
  const name = /^https?:/i.test(target) ? new URL(target).pathname : target;
  const ext = path.extname(name).toLowerCase();
  return ext !== '' && !DATA_EXTENSIONS.has(ext);
}

export class FileReader {
  private readonly cache = new Map<string, SourceFile>();
  /** Every file read, in reading order (the entry first). */
  readonly order: string[] = [];
  private readonly realRoot: string;
  /** Real paths of the folders referenced files sit in (undefined: unresolvable). */
  private readonly realFolders = new Map<string, string | undefined>();

  constructor(
    private readonly root: string,
    private readonly allowRemote: boolean,
    private readonly parseCache?: LoadCache,
  ) {
    this.realRoot = safeRealpath(root) ?? root;
  }

  /**
   * Reads the entry file, or parses `text` as it when the caller read it (standard input).
   * @throws FILE_NOT_FOUND, PARSE_ERROR
   */
  readEntry(file: string, text?: string): SourceFile {
    if (text !== undefined) return this.add(file, parseSource(text, file));
    const stats = statFile(file);
    if (!stats) {
      let folder = false;
      try {
        folder = statSync(file).isDirectory();
      } catch {
        // missing: said below
      }
      throw new ApigwError('FILE_NOT_FOUND', folder ? `${file} is a folder, not a spec file: pass the spec's entry file` : `file not found: ${file}`);
    }
    return this.readLocal(file, stats, false);
  }

  /**
   * The document a `$ref` points at. `target` is an absolute path or an http(s) URL.
   * @param at where the `$ref` is, for error messages (computed only on error)
   * @throws MissingTargetError (a BROKEN_REF) when the local file does not exist; REMOTE_REF,
   *   REF_OUTSIDE_ROOT, BROKEN_REF (cannot fetch, not a file, cannot stat), PARSE_ERROR otherwise
   */
  async readReferenced(target: string, ref: string, at: () => SourcePosition): Promise<SourceFile> {
    const cached = this.cache.get(target);
    if (cached) return cached;
    if (/^https?:/i.test(target)) return this.readRemote(target, ref, at);
    if (!isInside(this.root, target)) {
      throw new ApigwError('REF_OUTSIDE_ROOT', `$ref "${ref}" points outside the project root ${this.root}${HOW_TO_WIDEN}`, at());
    }
    const stats = statReferenced(target, ref, at);
    // A symbolic link inside the root may lead out of it.
    const real = this.realpathOf(target);
    if (real && !isInside(this.realRoot, real)) {
      throw new ApigwError('REF_OUTSIDE_ROOT', `$ref "${ref}" resolves (through a symbolic link) outside the project root ${this.root}${HOW_TO_WIDEN}`, at());
    }
    return this.readLocal(target, stats, isTextTarget(target));
  }

  /**
   * What realpath(3) gives for `file`, with one lstat instead of one per path component: a file
   * that is not itself a symbolic link resolves to its folder's real path (cached: a multi-file spec
   * has thousands of files in a few folders) plus its name. Saves ~60 ms on DigitalOcean's spec.
   */
  private realpathOf(file: string): string | undefined {
    let link: boolean;
    try {
      link = lstatSync(file).isSymbolicLink();
    } catch {
      return undefined;
    }
    if (link) return safeRealpath(file);
    const folder = path.dirname(file);
    let real = this.realFolders.get(folder);
    if (real === undefined && !this.realFolders.has(folder)) {
      real = safeRealpath(folder);
      this.realFolders.set(folder, real);
    }
    return real === undefined ? undefined : path.join(real, path.basename(file));
  }

  private readLocal(file: string, stats: Stats, asText: boolean): SourceFile {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const hit = this.parseCache?.get(file, stats.mtimeMs, stats.size, asText);
    if (hit) return this.add(file, { ...hit, data: asText ? hit.data : cloneData(hit.data) });
    const parsed = readAndParse(file, stats.size, asText);
    // Stat again after reading: a file edited meanwhile must not be cached under its old stat.
    const after = this.parseCache ? statFile(file) : undefined;
    if (this.parseCache && after && after.mtimeMs === stats.mtimeMs && after.size === stats.size) {
      this.parseCache.set(file, stats.mtimeMs, stats.size, asText, asText ? parsed : { ...parsed, data: cloneData(parsed.data) });
    }
    return this.add(file, parsed);
  }

  private async readRemote(url: string, ref: string, at: () => SourcePosition): Promise<SourceFile> {
    if (!this.allowRemote) {
      throw new ApigwError(
        'REMOTE_REF',
        `remote $ref "${ref}" refused: apigw-gen does not fetch ${url} unless allowed — pass --allow-remote-refs, or set "allowRemoteRefs": true in apigw-gen.config`,
        at(),
      );
    }
    let text: string;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw new ApigwError('BROKEN_REF', `$ref "${ref}": cannot fetch ${url}: ${(error as Error).message}`, at());
    }
    const asText = isTextTarget(url);
    return this.add(url, asText ? textSource(text) : parseSource(text, url));
  }

  /** Every file read so far (each once), the entry first. */
  files(): IterableIterator<SourceFile> {
    return this.cache.values();
  }

  private add(key: string, parsed: ParsedSource): SourceFile {
    const file: SourceFile = { key, data: parsed.data, positions: parsed.positions, placed: new Map(), text: parsed.text, format: parsed.format };
    this.cache.set(key, file);
    this.order.push(key);
    return file;
  }
}

function readAndParse(file: string, size: number, asText: boolean): ParsedSource {
  const text = readText(file, size);
  return asText ? textSource(text) : parseSource(text, file);
}

/**
 * The file's text. Both ways decode UTF-8 with V8's decoder (the same text, invalid bytes included);
 * `readFileSync(file, 'utf8')` is quicker on small files, a Buffer decoded at once on files of a
 * megabyte or more (Stripe's 4 MB spec: ~11.7 instead of ~14.7 ms).
 */
function readText(file: string, size: number): string {
  return size >= 1024 * 1024 ? readFileSync(file).toString('utf8') : readFileSync(file, 'utf8');
}

/** A text file's content is its value, byte for byte (no BOM stripping, no newline changes). */
function textSource(text: string): ParsedSource {
  return { data: text, format: 'text', positions: new FilePositions(''), text };
}

/**
 * A `$ref`'s target file does not exist. Thrown as a BROKEN_REF like the others, so callers that
 * cannot go on without the file (a template's DefinitionUri) need not tell it apart; the bundler
 * catches this one and records the ref instead (see LoadedDocument.brokenRefs).
 */
export class MissingTargetError extends ApigwError {
  constructor(message: string, position?: SourcePosition) {
    super('BROKEN_REF', message, position);
  }
}

/**
 * The stats of a referenced local file. Only "no such file" (ENOENT, or ENOTDIR when a folder on the
 * way is a file) is a missing target; a folder, a permission error or any other failure means the
 * spec cannot be read as it stands, so it stays fatal.
 */
function statReferenced(target: string, ref: string, at: () => SourcePosition): Stats {
  let stats: Stats;
  try {
    stats = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new MissingTargetError(`$ref "${ref}": file not found: ${target}`, at());
    throw new ApigwError('BROKEN_REF', `$ref "${ref}": cannot read ${target}: ${code ?? (error as Error).message}`, at());
  }
  if (!stats.isFile()) throw new ApigwError('BROKEN_REF', `$ref "${ref}": ${target} is not a file`, at());
  return stats;
}

function statFile(file: string): Stats | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
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
