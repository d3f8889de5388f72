// The load stage: entry file → one bundled OpenAPI document + a source map. See types.ts.

import path from 'node:path';
import { ApigwError } from '../errors.js';
import type { LoadedDocument, LoadOptions } from './types.js';
import { Bundler } from './bundle.js';
import { FileReader } from './files.js';
import { BundleSourceMap } from './source-map.js';
import { detectVersion } from './version.js';

export type { LoadedDocument, LoadOptions, SourceMap, SourcePosition, OpenApiVersion } from './types.js';

/**
 * Reads an OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; YAML or JSON; one file or many),
 * bundles its external `$ref`s in and records where every node came from.
 * @throws ApigwError FILE_NOT_FOUND, PARSE_ERROR, NOT_OPENAPI, BROKEN_REF, REMOTE_REF, REF_OUTSIDE_ROOT —
 *   each with the file, line and column to fix
 */
export async function load(entry: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const entryPath = path.resolve(entry);
  const root = path.resolve(options.root ?? path.dirname(entryPath));
  const reader = new FileReader(root, options.allowRemoteRefs === true);
  const entryFile = reader.readEntry(entryPath);
  const version = detectVersion(entryFile.data, entryPath, entryFile.positions);
  const document = entryFile.data as Record<string, unknown>;

  const bundler = new Bundler(entryFile, document, version, reader);
  try {
    await bundler.run();
  } catch (error) {
    if (error instanceof ApigwError) throw error;
    // A stack overflow on absurdly deep documents is the one non-ApigwError we can foresee.
    if (error instanceof RangeError) throw new ApigwError('PARSE_ERROR', `document nested too deeply: ${error.message}`, { file: entryPath, line: 1, column: 1 });
    throw error;
  }

  return {
    entry: entryPath,
    files: [...reader.order],
    version,
    document,
    sourceMap: new BundleSourceMap(bundler.mounts),
  };
}
