// The load stage: entry file → one bundled OpenAPI document + a source map. See types.ts.

import path from 'node:path';
import { ApigwError } from '../errors.js';
import type { EmbeddedApiInfo, LoadedDocument, LoadOptions } from './types.js';
import { Bundler } from './bundle.js';
import { isCloudFormationTemplate, selectEmbeddedApi } from './cfn-template.js';
import { FileReader, isInside } from './files.js';
import { nestingError, tooDeepPointer } from './limits.js';
import { projectRoot } from './root.js';
import { mayContain } from './may-contain.js';
import { parsePointer } from './pointer.js';
import { positionIn, type SourceFile } from './source-file.js';
import { BundleSourceMap } from './source-map.js';
import { detectVersion } from './version.js';

export type { BrokenRef, LoadedDocument, LoadOptions, SourceMap, SourcePosition, OpenApiVersion, EmbeddedApiInfo } from './types.js';
export { createLoadCache, type LoadCache } from './cache.js';
export { brokenRefError, missingFiles, sortBrokenRefs } from './broken-refs.js';
export { projectRoot } from './root.js';

/**
 * Reads an OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; YAML or JSON; one file or many, or
 * embedded in a CloudFormation/SAM template), bundles its external `$ref`s in and records where
 * every node came from. A `$ref` whose target is missing does not stop it: each is recorded in
 * `brokenRefs` (see BrokenRef).
 * @throws ApigwError FILE_NOT_FOUND, PARSE_ERROR, NOT_OPENAPI, BROKEN_REF, REMOTE_REF, REF_OUTSIDE_ROOT —
 *   each with the file, line and column to fix
 */
export async function load(entry: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const entryPath = path.resolve(entry);
  const root = path.resolve(options.root ?? projectRoot(entryPath));
  if (!isInside(root, entryPath)) {
    throw new ApigwError('REF_OUTSIDE_ROOT', `the spec ${entryPath} is outside the project root ${root}: give a root that holds it (--root, or "root" in apigw-gen.config)`);
  }
  const reader = new FileReader(root, options.allowRemoteRefs === true, options.cache);
  const entryFile = reader.readEntry(entryPath, options.entryText);

  let source = entryFile;
  let embedded: EmbeddedApiInfo | undefined;
  if (isCloudFormationTemplate(entryFile.data)) {
    const api = selectEmbeddedApi(entryFile, options.api);
    embedded = { logicalId: api.logicalId, resourceType: api.resourceType, pointer: api.pointer };
    source = await definitionSource(entryFile, api, reader);
  }

  const version = detectVersion(source.data, source.key, source.positions);
  const document = source.data as Record<string, unknown>;

  const bundler = new Bundler(source, document, version, reader);
  try {
    await bundler.run();
  } catch (error) {
    if (error instanceof ApigwError) throw error;
    // A stack overflow on absurdly deep documents is the one non-ApigwError we can foresee.
    if (error instanceof RangeError) throw new ApigwError('PARSE_ERROR', `document nested too deeply: ${error.message}`, { file: entryPath, line: 1, column: 1 });
    throw error;
  }

  const sourceMap = new BundleSourceMap(bundler.mounts);
  const tooDeep = tooDeepPointer(document);
  if (tooDeep !== undefined) {
    const at = sourceMap.lookup(tooDeep) ?? { file: entryPath, line: 1, column: 1 };
    throw nestingError(at.file, at);
  }

  // Only what the answer needs, not the reader or bundler
  const files = [...reader.files()];
  const madeUp = bundler.madeUp;
  const loaded: LoadedDocument = {
    entry: entryPath,
    files: [...reader.order],
    version,
    document,
    sourceMap,
    mayContain: (word) => mayContain(word, files, madeUp),
    brokenRefs: bundler.broken,
  };
  if (embedded) loaded.embedded = embedded;
  return loaded;
}

/**
 * The definition of an API resource of a template, as a source file of its own: an inline body is a
 * view of the template whose pointers are relative to the body (so every later stage sees a plain
 * OpenAPI document) and whose positions are those in the template; a local file is read under the
 * same rules as a `$ref` to it.
 */
async function definitionSource(template: SourceFile, api: ReturnType<typeof selectEmbeddedApi>, reader: FileReader): Promise<SourceFile> {
  if (api.bodyTokens) {
    const tokens = api.bodyTokens;
    return { key: template.key, data: tokenValue(template.data, tokens), positions: template.positions.within(tokens), placed: new Map(), text: template.text, format: template.format };
  }
  const written = api.file as string;
  const at = () => positionIn(template, parsePointer(api.pointer));
  let file: SourceFile;
  try {
    file = await reader.readReferenced(path.resolve(path.dirname(template.key), written), written, at);
  } catch (error) {
    // The reader speaks of `$ref`s; here the path was written as the resource's definition location.
    if (error instanceof ApigwError) throw new ApigwError(error.code, error.message.replace(/^\$ref "/, `${api.logicalId} definition "`), error.position);
    throw error;
  }
  if (file.format === 'text') throw new ApigwError('NOT_OPENAPI', `${api.logicalId}: ${written} is not a YAML or JSON file`, at());
  return file;
}

function tokenValue(data: unknown, tokens: readonly string[]): unknown {
  let cur = data;
  for (const t of tokens) cur = (cur as Record<string, unknown>)[t];
  return cur;
}
