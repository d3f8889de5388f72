// Finding, reading and validating apigw-gen.config.{json,yaml,yml}. A bad config is a user error
// with the file:line:column of every offending value, like a bad spec.

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
import { closestMatch } from 'leven';
import { allRules, ruleById } from '../lint/rules/index.js';
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

/** One thing wrong with a config file, where it is. */
interface ConfigProblem {
  message: string;
  offset: number;
}

/**
 * Parses and validates config text that came from `file` (absolute).
 * @throws ApigwError BAD_CONFIG listing every problem, one `file:line:column: message` a line
 *   (the error's position is the first one's), in the order they appear in the file
 */
export function parseConfig(text: string, file: string): ResolvedConfig {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  // JSON is YAML 1.2, so one parser serves both and gives positions for either.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const fail = (problems: ConfigProblem[], prefix: string): never => {
    // One problem a place: ajv may say two things about one key, the rule-id check a third.
    const byOffset = new Map<number, ConfigProblem>();
    for (const p of problems) if (!byOffset.has(p.offset)) byOffset.set(p.offset, p);
    const [first, ...rest] = [...byOffset.values()].sort((a, b) => a.offset - b.offset);
    const line = (p: ConfigProblem) => `${prefix}${p.message}`;
    const more = rest.map((p) => {
      const at = position(p.offset);
      return `\n${at.file}:${at.line}:${at.column}: ${line(p)}`;
    });
    throw new ApigwError('BAD_CONFIG', line(first!) + more.join(''), position(first!.offset));
  };
  if (doc.errors.length > 0) {
    fail(doc.errors.map((e) => ({ message: firstLine(e.message), offset: e.pos[0] })), 'invalid config file: ');
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};

  const validate = compiledSchema();
  const problems: ConfigProblem[] = unknownRuleIds(doc, data);
  if (!validate(data)) {
    // A bad name gives two errors, the `propertyNames` one and the failed check inside it (which
    // carries `propertyName`): the first says it.
    const errors = (validate.errors ?? []).filter((e) => e.keyword === 'propertyNames' || e.propertyName === undefined);
    for (const error of byDepth(errors)) {
      problems.push({ message: describe(error), offset: nodeAt(doc, error)?.range?.[0] ?? 0 });
    }
  }
  if (problems.length > 0) fail(problems, 'invalid config: ');
  return resolvePaths(data as Config & { $schema?: string }, file);
}

/**
 * `lint.rules` keys and `lint.ignore[].rule` values that name no rule: a misspelt id would otherwise
 * turn nothing off, silently. Each with the nearest id when one is close.
 */
function unknownRuleIds(doc: Document, data: unknown): ConfigProblem[] {
  const lintSection = (data as { lint?: unknown } | null)?.lint;
  if (lintSection === null || typeof lintSection !== 'object') return [];
  const { rules, ignore } = lintSection as { rules?: unknown; ignore?: unknown };
  const problems: ConfigProblem[] = [];
  const check = (id: unknown, segments: string[], asKey: boolean) => {
    if (typeof id !== 'string' || id === '*' || ruleById(id) !== undefined) return;
    const message = `${pointerOf(segments)}: unknown rule ${JSON.stringify(id)}${didYouMean(id, RULE_IDS, (s) => s.toUpperCase())}`;
    problems.push({ message, offset: nodeAtPath(doc, segments, asKey)?.range?.[0] ?? 0 });
  };
  if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const id of Object.keys(rules)) check(id, ['lint', 'rules', id], true);
  }
  if (Array.isArray(ignore)) {
    ignore.forEach((entry: unknown, i) => check((entry as { rule?: unknown } | null)?.rule, ['lint', 'ignore', String(i), 'rule'], false));
  }
  return problems;
}

const RULE_IDS: readonly string[] = allRules.map((r) => r.id);

/** ` (did you mean X?)` when one of `candidates` is a few edits from `name` (as `normalize` spells it), else ''. */
function didYouMean(name: string, candidates: readonly string[], normalize: (s: string) => string = (s) => s): string {
  const guess = closestMatch(normalize(name), candidates, { maxDistance: 3 });
  return guess !== undefined && guess !== name ? ` (did you mean ${guess}?)` : '';
}

function pointerOf(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
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
    validator = new Ajv({ allErrors: true, verbose: true }).compile(schema);
  }
  return validator;
}

/** Deepest first: of two errors at one place, the deeper one is nearer to what the user typed wrong. */
function byDepth(errors: ErrorObject[]): ErrorObject[] {
  return [...errors].sort((a, b) => depth(b) - depth(a));
}

function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length + (error.keyword === 'additionalProperties' || error.keyword === 'propertyNames' ? 1 : 0);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      // ajv's verbose mode gives the schema the object failed: its properties are what was meant.
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `${where}: unknown property ${JSON.stringify(params.additionalProperty)}${didYouMean(String(params.additionalProperty), known)}`;
    }
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
  const segments = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const keyName = error.keyword === 'additionalProperties' ? params.additionalProperty : error.keyword === 'propertyNames' ? params.propertyName : undefined;
  if (typeof keyName === 'string') segments.push(keyName);
  return nodeAtPath(doc, segments, keyName !== undefined);
}

/** The node at `segments` (its key node when `asKey`), or the nearest ancestor that exists. */
function nodeAtPath(doc: Document, segments: readonly string[], asKey: boolean): Node | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const [i, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return node as Node;
      if (i === segments.length - 1 && asKey) keyNode = pair.key as Node;
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
