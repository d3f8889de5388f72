// The public programmatic API: the pipeline's stages, so other tools can embed apigw-gen.
//
//   const document = await load('openapi.yaml');      // read + bundle + source map
//   const api = normalize(document);                   // the typed model
//   const diagnostics = lint(api, document, config);   // API Gateway rules
//   const files = emit(api, { document, config });     // every target's FileSet
//   const result = write(files, 'generated');          // atomic, manifest-tracked output
//
// `build` runs all of it the way the CLI does.
export type { LoadedDocument, LoadOptions, SourceMap, SourcePosition, OpenApiVersion, EmbeddedApiInfo, BrokenRef } from './load/types.js';
export type * from './model/types.js';
export type { Diagnostic, Severity } from './lint/types.js';
export type { FileSet, GeneratedFile, Target } from './emit/types.js';
export type { EmitOptions } from './emit/options.js';
export type { Config, ResolvedConfig, StageConfig } from './config/types.js';
export { ApigwError } from './errors.js';
export type { ApigwErrorCode } from './errors.js';

export { load, createLoadCache } from './load/index.js';
export type { LoadCache } from './load/index.js';
export { normalize } from './model/index.js';
export { lint, formatDiagnostics, FORMATS as LINT_FORMATS } from './lint/index.js';
export type { LintFormat } from './lint/index.js';
export { emit, emitWithReport, EMITTERS, ALL_TARGETS, RESOLVED_BY_GATEWAY_REWRITES, orphanedImplementations } from './emit/index.js';
export type { EmitReport, GatewayChange } from './emit/index.js';
export { write, MANIFEST_NAME } from './output/index.js';
export type { TargetFiles, WriteOptions, WriteResult } from './output/index.js';
export { resolveConfig, loadConfigFile, findConfigFile, withOverrides } from './config/index.js';
export { loadApi, build, REWRITTEN_NOTE } from './pipeline.js';
export type { BuildOptions, BuildOutcome, LoadedApi, LoadApiOptions } from './pipeline.js';
export { routeRows, formatRoutesTable } from './report/routes.js';
export type { RouteRow } from './report/routes.js';
