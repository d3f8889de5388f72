// Options and steps several commands share: the spec argument, --config, --api-type,
// --allow-remote-refs, --root, --api, and turning them into an absolute spec path plus a config.

import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { ApigwError } from '../errors.js';
import { resolveConfig, withOverrides } from '../config/index.js';
import type { ResolvedConfig } from '../config/types.js';
import type { ApiKind } from '../model/types.js';
import type { CliIo } from './context.js';

export interface SpecArgs {
  spec?: string;
  config?: string;
  apiType?: ApiKind;
  allowRemoteRefs?: boolean;
  /** The folder local `$ref`s must stay inside. */
  root?: string;
  /** Which API of a CloudFormation/SAM template with several (its logical id). */
  api?: string;
}

export function specOptions<T>(yargs: Argv<T>): Argv<T & SpecArgs> {
  return yargs
    .positional('spec', { type: 'string', describe: 'OpenAPI entry file (YAML or JSON); default: `input` from the config file' })
    .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: apigw-gen.config.{json,yaml,yml} found upward from the working directory)' })
    .option('api-type', { choices: ['rest', 'http'] as const, describe: 'REST API (v1) or HTTP API (v2); default: inferred from the spec' })
    .option('allow-remote-refs', { type: 'boolean', describe: 'Allow http:/https: $refs (refused by default)' })
    .option('root', { type: 'string', describe: 'Folder local $refs must stay inside (default: `root` from the config, else the config file\'s folder or the repository root, whichever is higher)' })
    .option('api', { type: 'string', describe: 'For a CloudFormation/SAM template that defines several APIs: the logical id of the one to use' }) as unknown as Argv<T & SpecArgs>;
}

export interface SpecAndConfig {
  spec: string;
  config: ResolvedConfig;
}

/** Loads the config, applies the flags over it, and finds the spec (argument, else config `input`). */
export function resolveSpecAndConfig(args: SpecArgs, io: CliIo, extra: Partial<ResolvedConfig> = {}): SpecAndConfig {
  const fileConfig = resolveConfig({ cwd: io.cwd, ...(args.config !== undefined ? { configFile: args.config } : {}) });
  const config = withOverrides(fileConfig, {
    apiType: args.apiType,
    allowRemoteRefs: args.allowRemoteRefs,
    root: args.root !== undefined ? resolve(io.cwd, args.root) : undefined,
    input: args.spec !== undefined ? resolve(io.cwd, args.spec) : undefined,
    ...extra,
  });
  if (config.input === undefined) {
    throw new ApigwError('USAGE', 'no spec given: pass the OpenAPI file (e.g. `apigw-gen build openapi.yaml`) or set `input` in apigw-gen.config.json');
  }
  return { spec: config.input, config };
}
