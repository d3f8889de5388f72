// The output of the load stage: one bundled document plus where each of its nodes came from.

import type { LoadCache } from './cache.js';

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

/** A place in an original source file. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Maps a JSON pointer into the bundled document (e.g. `/paths/~1pets/get`) to the position of
 * that node in the file it was read from — also for nodes that came from other files via `$ref`.
 * Lookups may be computed lazily: a lookup is only needed when a diagnostic is reported.
 */
export interface SourceMap {
  /** The position of the node at `pointer`, or of its nearest ancestor that has one. */
  lookup(pointer: string): SourcePosition | undefined;
}

export interface LoadOptions {
  /**
   * The entry's text, when the caller read it (the CLI's `-`, standard input): `entry` then only
   * names it (positions, and the folder its relative `$ref`s are resolved against).
   */
  entryText?: string;
  /** Allow `http:`/`https:` `$ref`s (refused by default). */
  allowRemoteRefs?: boolean;
  /**
   * `$ref`s to files outside this folder (also through symbolic links) are refused. Default: the
   * entry file's folder, or the repository root above it (nearest folder with `.git`); see projectRoot.
   */
  root?: string;
  /**
   * When the entry is a CloudFormation/SAM template defining several APIs: the logical id of the one
   * to load (the CLI's `--api <LogicalId>`). Not needed when the template defines one.
   */
  api?: string;
  /**
   * A parse cache from `createLoadCache()`, shared by successive loads (watch mode): files whose
   * modification time and size are unchanged are not read or parsed again. Results are the same.
   */
  cache?: LoadCache;
}

/**
 * A `$ref` whose target is missing: no node at its pointer (in the entry or in a referenced file), or
 * a referenced local file that does not exist. `load` records every one and goes on; the `$ref`
 * object stays where it is (see Bundler.recordExternalBroken for what an external one becomes).
 * Refs that cannot be followed for other reasons (refused, unreadable, malformed) still throw.
 */
export interface BrokenRef {
  /** JSON pointer, in the bundled document, of the object holding the `$ref`. */
  pointer: string;
  /**
   * Other places in the bundled document that hold the same `$ref` object (a YAML alias of it): the
   * ref is one mistake, reported once at `pointer`, but what sits at these places is its placeholder
   * too. Absent when it is met only once.
   */
  alsoAt?: string[];
  /** The ref as written in its file. */
  ref: string;
  /**
   * What is missing, e.g. `$ref "#/components/schemas/Pet": the document has no node at /components/schemas/Pet`.
   * Names files only as the ref does (relative to the file it is written in), never by absolute path:
   * lint baselines match diagnostics by message, and must keep matching in a copy of the project.
   */
  message: string;
  /** No file at the path the ref names, or no node at its pointer in the file (or document) it names. */
  reason: 'missing-file' | 'missing-node';
  /** The file the ref names: absolute path (or URL); the file the ref is written in when it names no file (`#/…`). */
  targetFile: string;
  /** The JSON pointer the ref names in `targetFile` (unescaped tokens joined by `/`); '' for the whole file. */
  targetPointer: string;
  /** Where the `$ref` is written: its original file (also a referenced file of a multi-file spec), line, column. */
  position: SourcePosition;
}

/** Where the loaded definition sits in a CloudFormation/SAM template given as the entry. */
export interface EmbeddedApiInfo {
  /** The API resource's logical id (`MyApi`). */
  logicalId: string;
  /** `AWS::Serverless::Api`, `AWS::Serverless::HttpApi`, `AWS::ApiGateway::RestApi` or `AWS::ApiGatewayV2::Api`. */
  resourceType: string;
  /**
   * Pointer in the template of the property holding the definition: the inline body
   * (`/Resources/MyApi/Properties/DefinitionBody`) or the local file's location (`…/DefinitionUri`).
   * Pointers into `document` stay relative to the definition itself.
   */
  pointer: string;
}

/**
 * A loaded OpenAPI document. `document` is plain JSON data (objects, arrays, strings, numbers,
 * booleans, null): every external `$ref` is bundled in, internal `$ref`s (`#/...`) are kept as
 * they are (they may be circular). CloudFormation intrinsics are kept in their long form:
 * `!Sub x` becomes `{ "Fn::Sub": "x" }`, `!Ref X` becomes `{ "Ref": "X" }`,
 * `!GetAtt A.B` becomes `{ "Fn::GetAtt": ["A", "B"] }`.
 * Keys such as `__proto__` are ordinary data (objects are created so that they are).
 */
export interface LoadedDocument {
  /** Absolute path of the entry file. */
  entry: string;
  /** Every file that was read, entry first. */
  files: string[];
  version: OpenApiVersion;
  document: Record<string, unknown>;
  sourceMap: SourceMap;
  /** Set when the entry is a CloudFormation/SAM template: which API resource was loaded from it. */
  embedded?: EmbeddedApiInfo;
  /**
   * False only when `word` (ASCII letters) occurs in no string and no key of `document`, decided from
   * the source texts without walking the document (see load/may-contain.ts); true when it may.
   * Absent on documents not made by `load` (callers then walk).
   */
  mayContain?: (word: string) => boolean;
  /**
   * Every `$ref` whose target is missing, in the order met (see BrokenRef); empty when all resolve.
   * Always set by `load`; absent on documents built in code (read as none).
   */
  brokenRefs?: BrokenRef[];
}
