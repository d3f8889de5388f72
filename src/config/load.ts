// Finding, reading and validating apigw-gen.config.{json,yaml,yml}. A bad config is a user error
// with the file:line:column of the offending value, like a bad spec.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, Node } from 'yaml';
import { ApigwError } from '../errors.js';
import { packageFile } from '../package-files.js';
import type { SourcePosition } from '../load/types.js';
import { parsePointer } from '../load/pointer.js';
import type { Config, ResolvedConfig } from './types.js';

export const CONFIG_FILE_NAMES = ['apigw-gen.config.json', 'apigw-gen.config.yaml', 'apigw-gen.config.yml'] as const;

// yaml and ajv take ~40 ms to load and are needed only when there is a config file: loaded on first use.
const requireLazily = createRequire(import.meta.url);
const yamlLibrary = (): typeof import('yaml') => requireLazily('yaml') as typeof import('yaml');

const SCHEMA_URL = packageFile('schemas/config.schema.json');

/** The nearest config file in `startDir` or a folder above it, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ResolveConfigOptions {
  /** `--config`: an explicit file (relative to cwd). It must exist. */
  configFile?: string;
  /** Where the upward search starts. */
  cwd: string;
}

/** The config from `--config`, else the nearest one upward from cwd, else an empty config. */
export function resolveConfig(options: ResolveConfigOptions): ResolvedConfig {
  if (options.configFile !== undefined) {
    const file = resolve(options.cwd, options.configFile);
    if (!existsSync(file)) throw new ApigwError('FILE_NOT_FOUND', `config file ${file} does not exist`);
    return loadConfigFile(file);
  }
  const found = findConfigFile(options.cwd);
  return found ? loadConfigFile(found) : {};
}

/** Reads, validates and resolves one config file. Paths in it become absolute (relative to the file). */
export function loadConfigFile(file: string): ResolvedConfig {
  const absolute = resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ApigwError('FILE_NOT_FOUND', `cannot read config file ${absolute}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseConfig(text, absolute);
}

/** Parses and validates config text that came from `file` (absolute). */
export function parseConfig(text: string, file: string): ResolvedConfig {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  // JSON is YAML 1.2, so one parser serves both and gives positions for either.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    throw new ApigwError('BAD_CONFIG', `invalid config file: ${firstLine(syntaxError.message)}`, position(syntaxError.pos[0]));
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};

  const validate = compiledSchema();
  if (!validate(data)) {
    const error = mostUseful(validate.errors ?? []);
    const node = nodeAt(doc, error);
    const offset = node?.range?.[0] ?? 0;
    throw new ApigwError('BAD_CONFIG', `invalid config: ${describe(error)}`, position(offset));
  }
  return resolvePaths(data as Config & { $schema?: string }, file);
}

function resolvePaths(config: Config & { $schema?: string }, file: string): ResolvedConfig {
  const { $schema: _schema, ...rest } = config;
  const base = dirname(file);
  const resolved: ResolvedConfig = { ...rest, file };
  if (rest.input !== undefined) resolved.input = resolve(base, rest.input);
  if (rest.out !== undefined) resolved.out = resolve(base, rest.out);
  if (rest.root !== undefined) resolved.root = resolve(base, rest.root);
  if (rest.lint?.baseline !== undefined) resolved.lint = { ...rest.lint, baseline: resolve(base, rest.lint.baseline) };
  return resolved;
}

let validator: ValidateFunction | undefined;

function compiledSchema(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(fileURLToPath(SCHEMA_URL), 'utf8')) as object;
    const { Ajv } = requireLazily('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true }).compile(schema);
  }
  return validator;
}

/** The deepest error is the one nearest to what the user typed wrong. */
function mostUseful(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => depth(b) - depth(a))[0]!;
}

function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length + (error.keyword === 'additionalProperties' || error.keyword === 'propertyNames' ? 1 : 0);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property ${JSON.stringify(params.additionalProperty)}`;
    case 'propertyNames':
      return `${where}: invalid name ${JSON.stringify(params.propertyName)}`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/** The YAML node the error is about: the offending key for unknown/invalid names, else the value. */
function nodeAt(doc: Document, error: ErrorObject): Node | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const segments = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const keyName = error.keyword === 'additionalProperties' ? params.additionalProperty : error.keyword === 'propertyNames' ? params.propertyName : undefined;
  if (typeof keyName === 'string') segments.push(keyName);
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const [i, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return node as Node;
      if (i === segments.length - 1 && keyName !== undefined) keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return node as Node;
      node = item;
    } else {
      break;
    }
  }
  return keyNode ?? (node as Node | undefined);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
