// The pipeline composed: load → normalize → lint → emit → write. The CLI and the public API call
// these; each step is also exported on its own from src/index.ts.

import { ApigwError } from './errors.js';
import { dirname } from 'node:path';
import { brokenRefError, load, projectRoot, sortBrokenRefs } from './load/index.js';
import { normalize } from './model/index.js';
import { lint } from './lint/index.js';
import { oas002 } from './lint/rules/oas/oas-002.js';
// Emitters load only when a build runs (they bring prettier and Handlebars): `lint` and `routes`
// import this module for loadApi and should start fast. The imports below are emitter-free.
import type { EmitWarning, GatewayChange } from './emit/index.js';
import { RESOLVED_BY_GATEWAY_REWRITES, unresolvedByGateway } from './emit/gateway/resolved-rules.js';
import { write, TARGETS, type WriteResult } from './output/index.js';
import { readManifest } from './output/manifest.js';
import type { LoadCache } from './load/index.js';
import type { BrokenRef, LoadedDocument } from './load/types.js';
import type { Api } from './model/types.js';
import type { Diagnostic } from './lint/types.js';
import type { BaselineEntry } from './lint/baseline.js';
import type { Target } from './emit/types.js';
import type { ResolvedConfig } from './config/types.js';
import { plural } from './text/plural.js';

export interface LoadedApi {
  document: LoadedDocument;
  api: Api;
}

export interface LoadApiOptions {
  /** For a CloudFormation/SAM template with several APIs: the logical id of the one to load. */
  api?: string;
  /** Shared by successive loads (`build --watch`) so unchanged files are not parsed again. */
  cache?: LoadCache;
  /** The spec's text when it was read from standard input (`spec` then only names it). */
  text?: string;
}

/** CloudFormation resource types that are HTTP APIs (API Gateway v2). */
const HTTP_API_RESOURCES = new Set(['AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Api']);

/**
 * Reads the spec and builds the model, honouring `root`, `apiType` and `allowRemoteRefs` from config
 * (the root defaults to the config file's folder or the repository root, whichever is higher). A
 * definition embedded in an HTTP API resource of a template is an HTTP API unless `apiType` says
 * otherwise: the resource type is surer than inferring it from extensions.
 */
export async function loadApi(spec: string, config: ResolvedConfig = {}, options: LoadApiOptions = {}): Promise<LoadedApi> {
  const document = await load(spec, {
    root: config.root ?? projectRoot(spec, config.file !== undefined ? dirname(config.file) : undefined),
    ...(config.allowRemoteRefs ? { allowRemoteRefs: true } : {}),
    ...(options.api !== undefined ? { api: options.api } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.text !== undefined ? { entryText: options.text } : {}),
  });
  if (options.api !== undefined && !document.embedded) {
    // Ignoring it would build the one API there is while the user believes they picked another.
    throw new ApigwError('USAGE', `--api ${options.api}: ${spec} is an OpenAPI document, not a CloudFormation/SAM template; --api picks one API of a template: leave it out`);
  }
  const apiType = config.apiType ?? (document.embedded && HTTP_API_RESOURCES.has(document.embedded.resourceType) ? 'http' : undefined);
  const api = normalize(document, apiType ? { apiType } : {});
  return { document, api };
}

export interface BuildOptions {
  /** The spec's entry file. */
  spec: string;
  /** The output folder; targets go to `<out>/sdk`, `<out>/handlers`, `<out>/templates`, `<out>/gateway`. */
  out: string;
  /** The config with command-line overrides applied. `targets` picks the emitters (default all). */
  config?: ResolvedConfig;
  /** Run the linter first and stop on errors (default true). */
  lint?: boolean;
  /** Write nothing; report what would change. */
  check?: boolean;
  /** Which API of a template to load, and a parse cache for repeated builds. */
  load?: LoadApiOptions;
  /**
   * Lint problems accepted earlier (the configured baseline file's entries, read by the caller). Also
   * read with `lint: false`: a refusal of broken refs says whether lint would list them.
   */
  baseline?: readonly BaselineEntry[];
}

export interface BuildOutcome extends LoadedApi {
  /** Every diagnostic the linter reported (empty when lint was skipped). */
  diagnostics: Diagnostic[];
  /** True when lint errors stopped the build before anything was emitted. */
  stoppedByLint: boolean;
  /**
   * Set when the build refused to emit because `$ref`s point at nothing (lint skipped, or OAS-002 not
   * an error: off, a warning, ignored or baselined): the refs, by file, line and column, and the
   * error to print after the diagnostics (the CLI exits 2). `build()` does not throw for broken refs:
   * it returns with this set, `stoppedByLint: false` and `written` undefined (nothing is written).
   * With OAS-002 an error (the default) and lint on, the build stops on lint first instead
   * (`stoppedByLint: true`, this field unset).
   */
  refusedBrokenRefs?: { refs: BrokenRef[]; error: ApigwError };
  /** What was (or, in check mode, would be) written; absent when the build stopped. */
  written?: WriteResult;
  /** Every rewrite the gateway target made to the document (present when that target ran). */
  gatewayChanges?: GatewayChange[];
  /** What the emitters want the user to know (e.g. SDK method names chosen for colliding operations). */
  emitWarnings?: EmitWarning[];
  /**
   * User-owned handler implementations (handlers-relative paths) created by an earlier build that
   * no longer match any function or authorizer. The writer keeps them; they are reported.
   */
  orphanedHandlers: string[];
}

/** Appended to a lint error that the gateway target rewrites away, demoted to a warning in `build`. */
export const REWRITTEN_NOTE = '(rewritten in gateway output)';

/** The emitters, imported on first use (see above). */
export function loadEmitters(): Promise<typeof import('./emit/index.js')> {
  return import('./emit/index.js');
}

export async function build(options: BuildOptions): Promise<BuildOutcome> {
  const config = options.config ?? {};
  const { document, api } = await loadApi(options.spec, config, options.load);
  const targets: readonly Target[] = config.targets ?? TARGETS;
  const linted = options.lint === false ? [] : lint(api, document, config, options.baseline ? { baseline: options.baseline } : {});
  // Errors the gateway output rewrites away do not stop a build that emits it; `lint` still
  // reports them as errors, since it judges the source as AWS would import it.
  const demotable = new Set(targets.includes('gateway') ? RESOLVED_BY_GATEWAY_REWRITES : []);
  let diagnostics = demoteResolved(linted, demotable);
  const stopped = (): BuildOutcome => ({ document, api, diagnostics, stoppedByLint: true, orphanedHandlers: [] });
  if (diagnostics.some((d) => d.severity === 'error')) return stopped();
  // Lint skipped (--no-lint), or OAS-002 not an error (off, warn, ignored, baselined): still nothing
  // is emitted from a document whose refs point at nothing. The outcome still carries the document
  // and diagnostics, so the caller prints the warnings and `build --watch` keeps watching its files.
  const broken = document.brokenRefs ?? [];
  if (broken.length > 0) {
    const listed = options.lint === false
      ? lint(api, document, config, { rules: [oas002], ...(options.baseline ? { baseline: options.baseline } : {}) }).length
      : linted.filter((d) => d.ruleId === oas002.id).length;
    const refs = sortBrokenRefs(broken);
    const error = brokenRefRefusal(refs, listed, options.lint !== false);
    return { document, api, diagnostics, stoppedByLint: false, refusedBrokenRefs: { refs, error }, orphanedHandlers: [] };
  }

  const { emitWithReport, orphanedImplementations } = await loadEmitters();
  const { files, gatewayChanges, warnings } = emitWithReport(api, { document, config }, targets);
  const declined = new Set(unresolvedByGateway(gatewayChanges ?? []));
  if (declined.size > 0 && linted.some((d) => d.severity === 'error' && declined.has(d.ruleId))) {
    // This build's rewrite could not fix every case of the rule: those errors stand.
    diagnostics = demoteResolved(linted, new Set([...demotable].filter((id) => !declined.has(id))));
    return stopped();
  }
  const orphanedHandlers = targets.includes('handlers') ? orphanedImplementations(api, previousHandlerStubs(options.out)) : [];
  const written = write(files, options.out, { check: options.check === true });
  return { document, api, diagnostics, stoppedByLint: false, written, orphanedHandlers, ...(gatewayChanges ? { gatewayChanges } : {}), ...(warnings.length > 0 ? { emitWarnings: warnings } : {}) };
}

/**
 * The error a build refusing broken refs prints: at the first one (by file, line, column), what is
 * missing, how many there are and where to see them all — said as it is: `lint` lists only what
 * OAS-002 reports (`listed`), which is none when the rule is off, ignored or baselined.
 */
function brokenRefRefusal(refs: readonly BrokenRef[], listed: number, lintRan: boolean): ApigwError {
  const n = refs.length;
  const count = plural(n, 'broken $ref');
  let where: string;
  if (listed < n) where = `; \`apigw-gen lint\` lists ${listed === 0 ? 'none' : `only ${listed}`} of them: ${oas002.id} is off, ignored or baselined`;
  else if (lintRan) where = `, listed above as ${oas002.id}`;
  else where = n === 1 ? '' : '; `apigw-gen lint` lists them all';
  return brokenRefError(refs[0] as BrokenRef, ` (build refused: ${count}${where}). Nothing is generated from a spec with broken $refs, not even with --no-lint: fix them`);
}

function demoteResolved(diagnostics: Diagnostic[], ruleIds: ReadonlySet<string>): Diagnostic[] {
  if (ruleIds.size === 0) return diagnostics;
  return diagnostics.map((d) =>
    d.severity === 'error' && ruleIds.has(d.ruleId) ? { ...d, severity: 'warn', message: `${d.message} ${REWRITTEN_NOTE}` } : d,
  );
}

/** The last build's write-once files under `handlers/`, relative to that folder. */
function previousHandlerStubs(out: string): string[] {
  const stubs: string[] = [];
  for (const [path, entry] of readManifest(out).files) {
    if (entry.writeOnce && path.startsWith('handlers/')) stubs.push(path.slice('handlers/'.length));
  }
  return stubs;
}
