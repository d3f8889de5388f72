// Every option value of every command is checked before a command runs: yargs itself reads
// `--max-warnings abc` as NaN (and `--max-warnings` alone as no option at all), `--out` alone as ''
// (the current folder) and `--check=maybe` as false, each silently. Checked on the raw argv, so the
// message quotes what the user typed.

import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { ApigwError } from '../errors.js';

/** What an option's value must be. Options not listed in OPTION_VALUES take any non-empty text. */
export type ValueKind =
  /** A whole number, 0 or more. */
  | 'count'
  /** A TCP port: a whole number from 0 (any free port) to 65535. */
  | 'port'
  /** An existing file to read. */
  | 'input-file'
  /** A file to write: not a folder. */
  | 'output-file'
  /** A file to write, or nothing (the default file): `--baseline` alone. */
  | 'optional-output-file'
  /** A folder to write into: not an existing file. */
  | 'output-folder'
  /** An existing folder. */
  | 'folder'
  /** A CloudFormation logical id: letters and digits. */
  | 'logical-id'
  /** `name=value`. */
  | 'assignment'
  | 'text';

/** The value kind of each option that takes more than any text, by its long name. */
export const OPTION_VALUES: Readonly<Record<string, ValueKind>> = {
  config: 'input-file',
  out: 'output-folder',
  root: 'folder',
  'max-warnings': 'count',
  port: 'port',
  baseline: 'optional-output-file',
  api: 'logical-id',
  event: 'input-file',
  context: 'input-file',
  'stage-vars': 'assignment',
};

const EXPECTED: Record<ValueKind, string> = {
  count: 'a whole number, 0 or more',
  port: 'a port number from 0 to 65535',
  'input-file': 'a file',
  'output-file': 'a file to write',
  'optional-output-file': 'a file to write',
  'output-folder': 'a folder',
  folder: 'a folder',
  'logical-id': 'the logical id of a resource (letters and digits)',
  assignment: 'name=value',
  text: '',
};

/** What yargs' getOptions() says about the declared options (the parts read here). */
export interface DeclaredOptions {
  key?: Record<string, unknown>;
  boolean?: string[];
  array?: string[];
  alias?: Record<string, string[]>;
  choices?: Record<string, readonly unknown[]>;
}

/**
 * The problem with one option value, or undefined when it is fine: `expected` names what the option
 * takes. `cwd` resolves paths, which are checked for what they are (a folder given as a file…).
 */
export function optionValueProblem(kind: ValueKind, value: string, cwd: string): string | undefined {
  switch (kind) {
    case 'count':
      return /^[0-9]{1,15}$/.test(value) ? undefined : `expected ${EXPECTED.count}`;
    case 'port':
      return /^[0-9]{1,5}$/.test(value) && Number(value) <= 65535 ? undefined : `expected ${EXPECTED.port}`;
    case 'logical-id':
      return /^[A-Za-z0-9]+$/.test(value) ? undefined : `expected ${EXPECTED['logical-id']}`;
    case 'assignment':
      return value.indexOf('=') > 0 ? undefined : `expected ${EXPECTED.assignment}`;
    case 'input-file': {
      const stats = statOf(resolve(cwd, value));
      if (!stats) return 'no such file';
      return stats.isFile() ? undefined : 'is a folder, not a file';
    }
    case 'output-file':
    case 'optional-output-file':
      return statOf(resolve(cwd, value))?.isDirectory() ? 'is a folder, not a file' : undefined;
    case 'output-folder': {
      const stats = statOf(resolve(cwd, value));
      return stats && !stats.isDirectory() ? 'is a file, not a folder' : undefined;
    }
    case 'folder': {
      const stats = statOf(resolve(cwd, value));
      if (!stats) return 'no such folder';
      return stats.isDirectory() ? undefined : 'is a file, not a folder';
    }
    case 'text':
      return undefined;
  }
}

/**
 * Checks every option in `argv` that `options` declares (undeclared ones are yargs' to report):
 * a value-taking option has a value (`--out` alone, `--out=` and `--out --check` have none) of its
 * kind or among its choices; a boolean flag is given no value but `=true`/`=false`.
 * @throws ApigwError USAGE naming the option and the value
 */
export function checkOptionValues(argv: readonly string[], options: DeclaredOptions, cwd: string): void {
  const declared = declaredNames(options);
  const booleans = new Set(options.boolean ?? []);
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') return;
    if (!token.startsWith('-') || token === '-' || isNumber(token)) continue;
    const eq = token.startsWith('--') || /^-[A-Za-z]=/.test(token) ? token.indexOf('=') : -1;
    const written = eq === -1 ? token : token.slice(0, eq);
    let name = declared.get(written.replace(/^--?/, ''));
    if (name === undefined && written.startsWith('--no-')) {
      name = declared.get(written.slice(5));
      if (name !== undefined && booleans.has(name) && eq !== -1) throw usage(`${written} takes no value, got ${JSON.stringify(token.slice(eq + 1))}`);
      continue;
    }
    if (name === undefined) continue;
    if (booleans.has(name)) {
      const value = eq === -1 ? undefined : token.slice(eq + 1);
      if (value !== undefined && value !== 'true' && value !== 'false') {
        throw usage(`${written} takes no value (or =true / =false), got ${JSON.stringify(value)}`);
      }
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && (!next.startsWith('-') || next === '-' || isNumber(next))) {
        value = next;
        i++;
      }
    }
    const kind = OPTION_VALUES[name] ?? 'text';
    const choices = options.choices?.[name];
    if (value === undefined || value === '') {
      if (kind === 'optional-output-file' && value === undefined) continue;
      const what = choices ? `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}` : EXPECTED[kind];
      throw usage(`${written} needs a value${what ? `: ${what}` : ''}`);
    }
    if (choices) {
      if (!choices.includes(value)) throw usage(`${written} ${JSON.stringify(value)}: expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
      continue;
    }
    const problem = optionValueProblem(kind, value, cwd);
    if (problem) throw usage(`${written} ${JSON.stringify(value)}: ${problem}`);
  }
}

/** Every spelling of every declared option (`out`, `o`, `max-warnings`, `maxWarnings`) → its long name. */
function declaredNames(options: DeclaredOptions): Map<string, string> {
  const names = new Map<string, string>();
  const aliases = options.alias ?? {};
  for (const key of Object.keys(options.key ?? {})) {
    // yargs lists camelCase twins and aliases as keys too: map each to the kebab-case long name.
    if (names.has(key)) continue;
    const long = [key, ...(aliases[key] ?? [])].filter((k) => k.length > 1 && !/[A-Z]/.test(k))[0] ?? key;
    for (const spelling of [key, ...(aliases[key] ?? []), camel(long)]) names.set(spelling, long);
  }
  return names;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function isNumber(token: string): boolean {
  return /^-[0-9]/.test(token);
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function usage(message: string): ApigwError {
  return new ApigwError('USAGE', message);
}
