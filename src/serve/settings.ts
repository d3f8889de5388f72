// What one gateway is built from: the model, the stage, the backends. Rebuilt whole on a reload
// (`--watch`); a request keeps the settings it started with, so a reload never changes a request
// half-way through.

import { createHash } from 'node:crypto';
import type { Api } from '../model/types.js';
import type { Config } from '../config/types.js';
import type { LambdaRuntime } from './lambda/index.js';
import { Router } from './router.js';

export interface GatewaySettings {
  api: Api;
  stage: string;
  /** `/<stage>` for REST and named HTTP API stages; empty for HTTP API `$default`. */
  stagePrefix: string;
  stageVariables: Record<string, string>;
  router: Router;
  runtime: LambdaRuntime;
  /** Function names the runtime has code for; others answer as a missing function. */
  functions: ReadonlySet<string>;
  awsEndpoint: string | undefined;
  vpcLinks: Record<string, string>;
  /** Serve routes with authorizers, IAM or API keys as if open (serve cannot verify those yet). */
  openGuardedRoutes: boolean;
  host: string;
  port: number;
  apiId: string;
  accountId: string;
  deploymentId: string;
  resourceId: (path: string) => string;
  /** Access-log fields (`$context` variables by name) when the stage has access logging on; else the compact line. */
  accessLogFields: readonly [string, string][] | undefined;
  /** One line to the local log (stderr in the CLI). */
  log: (line: string) => void;
}

export interface SettingsInput {
  api: Api;
  config?: Config;
  runtime: LambdaRuntime;
  /** Names of the functions the runtime has code for. */
  functions: Iterable<string>;
  host?: string;
  port?: number;
  stage?: string;
  /** Integration errors and other notes, one line each. */
  log?: (line: string) => void;
  accessLogFields?: readonly [string, string][];
}

/** The stage to serve: flag or config, else the only/first configured stage, else AWS's default names. */
export function chooseStage(api: Api, config: Config = {}, flag?: string): string {
  return flag ?? config.serve?.stage ?? Object.keys(config.stages ?? {})[0] ?? (api.kind === 'http' ? '$default' : 'local');
}

export function buildSettings(input: SettingsInput): GatewaySettings {
  const { api, config = {} } = input;
  const stage = chooseStage(api, config, input.stage);
  const id = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);
  return {
    api,
    stage,
    stagePrefix: api.kind === 'http' && stage === '$default' ? '' : `/${stage}`,
    stageVariables: { ...(config.stages?.[stage]?.variables ?? {}) },
    router: new Router(api.routes),
    runtime: input.runtime,
    functions: new Set(input.functions),
    awsEndpoint: config.serve?.awsEndpoint,
    vpcLinks: { ...(config.serve?.vpcLinks ?? {}) },
    openGuardedRoutes: config.serve?.openGuardedRoutes === true,
    host: input.host ?? config.serve?.host ?? '127.0.0.1',
    port: input.port ?? config.serve?.port ?? 3000,
    // Stable across restarts, so logs and events compare run to run.
    apiId: id(api.info.title, 10),
    accountId: '123456789012',
    deploymentId: id(`${api.info.title}:${api.info.version}`, 6),
    resourceId: (path) => id(path, 6),
    accessLogFields: input.accessLogFields,
    log: input.log ?? (() => undefined),
  };
}
