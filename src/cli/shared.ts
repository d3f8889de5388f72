// Options and steps several commands share: the spec argument, --config, --api-type,
// --allow-remote-refs, --root, --api, and turning them into an absolute spec path plus a config.

import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { ApigwError } from '../errors.js';
import { folderContents, resolveConfig, withOverrides } from '../config/index.js';
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
    .positional('spec', { type: 'string', describe: 'OpenAPI entry file (YAML or JSON), a folder holding one, or - for standard input; default: `input` from the config file' })
    .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: apigw-gen.config.{json,yaml,yml} found upward from the working directory)' })
    .option('api-type', { choices: ['rest', 'http'] as const, describe: 'REST API (v1) or HTTP API (v2); default: inferred from the spec' })
    .option('allow-remote-refs', { type: 'boolean', describe: 'Allow http:/https: $refs (refused by default)' })
    .option('root', { type: 'string', describe: 'Folder local $refs must stay inside (default: `root` from the config, else the config file\'s folder or the repository root, whichever is higher)' })
    .option('api', { type: 'string', describe: 'For a CloudFormation/SAM template that defines several APIs: the logical id of the one to use' }) as unknown as Argv<T & SpecArgs>;
}

export interface SpecAndConfig {
  spec: string;
  config: ResolvedConfig;
  /** The spec's text when it came from standard input (`-`); `spec` is then `<cwd>/<stdin>`. */
  text?: string;
}

/** The name the spec read from standard input goes by: positions read `<stdin>:line:col`. */
export const STDIN_NAME = '<stdin>';

/**
 * Loads the config, applies the flags over it, and finds the spec (argument, else config `input`).
 * A folder in place of the spec is looked into: its config file (with `input`) or its one spec is
 * used; with several, the error lists them.
 */
export function resolveSpecAndConfig(args: SpecArgs, io: CliIo, extra: Partial<ResolvedConfig> = {}): SpecAndConfig {
  // `apigw-gen lint api/` with api/apigw-gen.config.json naming the spec: as if run in api/.
  const folder = args.config === undefined ? folderConfig(args.spec, io) : undefined;
  const fileConfig = folder ?? resolveConfig({ cwd: io.cwd, ...(args.config !== undefined ? { configFile: args.config } : {}) });
  const spec = folder ? undefined : args.spec;
  const config = withOverrides(fileConfig, {
    apiType: args.apiType,
    allowRemoteRefs: args.allowRemoteRefs,
    root: args.root !== undefined ? resolve(io.cwd, args.root) : undefined,
    input: spec !== undefined ? resolve(io.cwd, spec) : undefined,
    ...extra,
  });
  if (config.input === undefined) {
    throw new ApigwError('USAGE', 'no spec given: pass the OpenAPI file (e.g. `apigw-gen build openapi.yaml`) or set `input` in apigw-gen.config.json');
  }
  if (args.spec === '-' && config.input === resolve(io.cwd, '-')) {
    // Its relative $refs are resolved against the working directory, as if it were a file there.
    if (!io.readStdin) throw new ApigwError('USAGE', 'the spec `-` (standard input) cannot be read here');
    return { spec: resolve(io.cwd, STDIN_NAME), config: { ...config, input: resolve(io.cwd, STDIN_NAME) }, text: io.readStdin() };
  }
  return { spec: specFile(config.input, io), config };
}

/** The config of a folder given as the spec, when it has one that names the spec (`input`). */
function folderConfig(spec: string | undefined, io: CliIo): ResolvedConfig | undefined {
  if (spec === undefined || !isFolder(resolve(io.cwd, spec))) return undefined;
  const { config: file } = folderContents(resolve(io.cwd, spec));
  if (file === undefined) return undefined;
  const config = resolveConfig({ cwd: io.cwd, configFile: file });
  if (config.input === undefined) return undefined;
  io.err(`apigw-gen: ${spec} is a folder: using its config file ${relative(io.cwd, file)}\n`);
  return config;
}

/** `path` when it is not a folder; a folder's one spec file; else a usage error saying what is there. */
function specFile(path: string, io: CliIo): string {
  if (!isFolder(path)) return path;
  const shown = relative(io.cwd, path) || '.';
  const { specs } = folderContents(path);
  const only = specs[0];
  if (specs.length === 1 && only !== undefined) {
    io.err(`apigw-gen: ${shown} is a folder: using ${relative(io.cwd, only)}, the one spec in it\n`);
    return only;
  }
  if (specs.length === 0) {
    throw new ApigwError('USAGE', `${shown} is a folder, not a spec file, and holds no OpenAPI document or API template (YAML or JSON): pass the spec file`);
  }
  const listed = specs.map((s) => relative(io.cwd, s)).join(', ');
  throw new ApigwError('USAGE', `${shown} is a folder, not a spec file; the specs in it are ${listed}: pass one of them (or set \`input\` in its apigw-gen.config.json)`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
