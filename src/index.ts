// The public programmatic API: the pipeline's stages, so other tools can embed apigw-gen.
export type { LoadedDocument, LoadOptions, SourceMap, SourcePosition, OpenApiVersion } from './load/types.js';
export type * from './model/types.js';
export type { Diagnostic, Severity } from './lint/types.js';
export type { FileSet, GeneratedFile, Target } from './emit/types.js';
export type { Config, ResolvedConfig, StageConfig } from './config/types.js';
export { ApigwError } from './errors.js';
