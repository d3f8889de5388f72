// One `apigw-gen serve` run: load the spec and config, lint, resolve the functions, start the
// gateway and the Lambda runtime; on a change, load again and swap what changed without
// dropping a request. The CLI prints what this returns.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadApi, type LoadApiOptions } from '../pipeline.js';
import { lint } from '../lint/index.js';
import type { Diagnostic } from '../lint/types.js';
import { parseSource } from '../load/parse.js';
import type { LoadedDocument } from '../load/types.js';
import type { Api } from '../model/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { accessLogFields } from '../emit/gateway/access-log.js';
import { routeRows, type RouteRow } from '../report/routes.js';
import { createLambdaRuntime, type FunctionSpec, type LambdaRuntime } from './lambda/index.js';
import { resolveFunctions } from './lambda/resolve.js';
import { chooseStage } from './settings.js';
import { startGateway, type RunningGateway } from './index.js';

export interface SessionInput {
  spec: string;
  /** Re-read on every reload (the config file may have changed). */
  loadConfig: () => ResolvedConfig;
  cwd: string;
  outDir: (config: ResolvedConfig) => string;
  load?: LoadApiOptions;
  flags: { host?: string; port?: number; stage?: string };
  /** Integration errors, function output, reload notes: one line each (stderr in the CLI). */
  log: (line: string) => void;
}

export interface Loaded {
  api: Api;
  document: LoadedDocument;
  config: ResolvedConfig;
  functions: FunctionSpec[];
  missing: { name: string; reason: string }[];
}

export interface Session {
  gateway: RunningGateway;
  loaded: Loaded;
  /** Load again and swap in the new API and functions; returns what was loaded. Throws ApigwError on a bad spec (the old API keeps serving). */
  reload(): Promise<Loaded>;
  /**
   * Lint errors of what is served: what may not work as on AWS. Run after the server is up (on a
   * large spec linting takes longer than everything else at startup).
   */
  lintErrors(): Diagnostic[];
  /** Every file whose change should reload: the spec's files, the config, the handler modules. */
  watchedFiles(): string[];
  close(): Promise<void>;
}

async function loadAll(input: SessionInput): Promise<Loaded> {
  const config = input.loadConfig();
  const { api, document } = await loadApi(input.spec, config, input.load);
  const configDir = config.file ? dirname(config.file) : input.cwd;
  const { functions, missing } = resolveFunctions(api, { config, configDir, outDir: input.outDir(config), ...(document.embedded ? { template: templateOf(document) } : {}) });
  return { api, document, config, functions, missing };
}

const SOURCE_FILE = /\.(?:[cm]?[jt]s|json)$/;

/** Each handler module and the source files beside it (what it imports, such as its generated types). */
function handlerSources(functions: readonly FunctionSpec[]): string[] {
  const files = new Set<string>();
  for (const folder of new Set(functions.map((f) => dirname(f.module)))) {
    try {
      for (const name of readdirSync(folder)) if (SOURCE_FILE.test(name)) files.add(join(folder, name));
    } catch {
      // the folder went away; the reload that follows reports the missing module
    }
  }
  for (const f of functions) files.add(f.module);
  return [...files];
}

/** The CloudFormation/SAM template the spec came from (its functions' Environment, Timeout, MemorySize). */
function templateOf(document: LoadedDocument): unknown {
  try {
    return parseSource(readFileSync(document.entry, 'utf8'), document.entry).data;
  } catch {
    return undefined;
  }
}

export async function openSession(input: SessionInput): Promise<Session> {
  let loaded = await loadAll(input);
  const runtime: LambdaRuntime = createLambdaRuntime(loaded.functions, { log: input.log });
  const accessLogs = (l: Loaded) => {
    const stage = chooseStage(l.api, l.config, input.flags.stage);
    return l.config.stages?.[stage]?.logging?.accessLogs === true ? accessLogFields(l.api.kind) : undefined;
  };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      api: loaded.api,
      config: loaded.config,
      runtime,
      functions: loaded.functions.map((f) => f.name),
      ...input.flags,
      ...(accessLogs(loaded) ? { accessLogFields: accessLogs(loaded)! } : {}),
      log: input.log,
    });
  } catch (e) {
    await runtime.close();
    throw e;
  }
  return {
    gateway,
    get loaded() {
      return loaded;
    },
    async reload() {
      const next = await loadAll(input);
      await runtime.reload(next.functions);
      gateway.reload({ api: next.api, config: next.config, functions: next.functions.map((f) => f.name) });
      loaded = next;
      return next;
    },
    lintErrors: () => lint(loaded.api, loaded.document, loaded.config).filter((d) => d.severity === 'error'),
    watchedFiles: () => [...loaded.document.files, ...(loaded.config.file ? [loaded.config.file] : []), ...handlerSources(loaded.functions)],
    async close() {
      await gateway.close();
      await runtime.close();
    },
  };
}

/** The routes table rows with each route's local URL in place of its path. */
export function localRouteRows(api: Api, stageUrl: string): RouteRow[] {
  return routeRows(api).map((row) => ({ ...row, path: row.path === '$default' ? `${stageUrl}/* ($default)` : stageUrl + row.path }));
}
