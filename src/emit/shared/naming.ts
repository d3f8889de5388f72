// Identifiers for generated TypeScript, derived from names a spec may contain: dashes, dots,
// spaces, leading digits, reserved words, unicode, `__proto__`. Every function here is pure and
// deterministic, so the same spec always yields the same names (stable output across runs).

import { stringLiteral } from './escape.js';

/** Words that cannot be used as a variable, function, parameter or type name in strict-mode ES modules / TypeScript. */
const RESERVED_WORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'undefined', 'NaN', 'Infinity',
  // TypeScript type-position keywords: not allowed as type alias names.
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'type', 'as', 'is',
  'keyof', 'readonly', 'infer', 'declare', 'namespace', 'module', 'asserts', 'satisfies', 'abstract', 'accessor',
  'constructor', 'get', 'set', 'of', 'from', 'global', 'require', 'out', 'override', 'async', 'intrinsic', 'unique',
]);

/**
 * Global names that generated code itself relies on (built-in types and runtime globals). A spec
 * type named `Date` or `Blob` would shadow them inside the generated module, so type names avoid them.
 */
const GLOBAL_TYPE_NAMES = new Set([
  'Array', 'ArrayBuffer', 'Blob', 'Boolean', 'Date', 'Error', 'File', 'FormData', 'Function', 'Headers', 'Map',
  'Number', 'Object', 'Omit', 'Partial', 'Pick', 'Promise', 'PromiseLike', 'ReadableStream', 'Readonly', 'Record',
  'RegExp', 'Request', 'RequestInit', 'Required', 'Response', 'Set', 'String', 'Symbol', 'URL', 'URLSearchParams',
  'Uint8Array', 'AbortSignal', 'AbortController', 'Exclude', 'Extract', 'NonNullable', 'ReturnType', 'Awaited',
  'BodyInit', 'HeadersInit', 'TextEncoder', 'TextDecoder', 'Crypto', 'CryptoKey', 'JSON', 'Math', 'Reflect', 'Proxy',
  'WeakMap', 'WeakSet', 'Iterable', 'Iterator', 'Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize', 'NoInfer',
  'Parameters', 'InstanceType', 'ThisType', 'BigInt', 'Int8Array', 'DataView', 'globalThis', 'Console', 'Event',
]);

const ID_START = /[\p{ID_Start}$_]/u;
const ID_CONTINUE = /[\p{ID_Continue}$\u200c\u200d]/u;
const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** True when `name` may appear unquoted as a property name (reserved words are fine there). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER_NAME.test(name);
}

/** True when `name` may be used as a binding or type name as is. */
export function isSafeIdentifier(name: string): boolean {
  return isIdentifierName(name) && !RESERVED_WORDS.has(name);
}

/**
 * A safe TypeScript identifier for any string, keeping it as recognisable as possible: characters
 * that cannot appear in identifiers become `_`, a leading digit gets a `_` prefix, reserved words
 * get a `_` suffix, the empty string becomes `_`.
 */
export function toIdentifier(name: string): string {
  let out = '';
  for (const ch of name) out += ID_CONTINUE.test(ch) ? ch : '_';
  if (out === '') return '_';
  const first = String.fromCodePoint(out.codePointAt(0)!);
  if (!ID_START.test(first)) out = `_${out}`;
  return RESERVED_WORDS.has(out) ? `${out}_` : out;
}

/**
 * Splits a name into words: on every non letter/digit character and on lower→upper and
 * acronym→word boundaries (`getHTTPResponse` → get, HTTP, Response).
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  for (const chunk of name.split(/[^\p{L}\p{N}]+/u)) {
    if (chunk === '') continue;
    const parts = chunk.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{Lo}\p{Lm}\p{Mn}]+|\p{Lu}+|\p{N}+|[^\p{Lu}\p{Ll}\p{N}]+/gu);
    if (parts) words.push(...parts);
  }
  return words;
}

function capitalize(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first.toUpperCase() + word.slice(first.length);
}

/** PascalCase type name, safe to declare (`pet-store.v2` → `PetStoreV2`, `2fa` → `_2fa`). */
export function toTypeName(name: string): string {
  const words = splitWords(name);
  let out = words.map(capitalize).join('');
  if (out === '') out = 'Type';
  out = toIdentifier(out);
  return GLOBAL_TYPE_NAMES.has(out) ? `${out}_` : out;
}

/** camelCase value name (methods, variables), safe to declare (`list-pets` → `listPets`, `delete` → `delete_`). */
export function toCamelCase(name: string): string {
  const words = splitWords(name);
  if (words.length === 0) return '_';
  const [first, ...rest] = words;
  // A leading all-caps acronym is lowered whole (`HTTPGet` → `httpGet`), otherwise only its first letter.
  const head = first!.toUpperCase() === first ? first!.toLowerCase() : String.fromCodePoint(first!.codePointAt(0)!).toLowerCase() + first!.slice(String.fromCodePoint(first!.codePointAt(0)!).length);
  return toIdentifier(head + rest.map(capitalize).join(''));
}

/** Method name for an operation: camelCase of the operationId. */
export const toMethodName = toCamelCase;

/**
 * Resolves collisions deterministically: the first occurrence keeps its name, later ones get `2`,
 * `3`, … (skipping anything already taken). `taken` reserves names (e.g. helper names in the
 * same scope). Comparison is exact (case-sensitive) unless `caseInsensitive` is set, which file
 * names on case-insensitive file systems need. Returns the names in input order.
 */
export function uniqueNames(names: readonly string[], options: { taken?: Iterable<string>; caseInsensitive?: boolean } = {}): string[] {
  const fold = options.caseInsensitive ? (s: string) => s.toLowerCase() : (s: string) => s;
  const used = new Set<string>();
  for (const t of options.taken ?? []) used.add(fold(t));
  // Names that occur as given are reserved first, so a later `Foo2` in the input keeps its name
  // rather than being displaced by the second `Foo`.
  const firstOwner = new Map<string, number>();
  names.forEach((n, i) => {
    const key = fold(n);
    if (!used.has(key) && !firstOwner.has(key)) firstOwner.set(key, i);
  });
  for (const key of firstOwner.keys()) used.add(key);
  return names.map((name, i) => {
    const key = fold(name);
    if (firstOwner.get(key) === i) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name}${n}`;
      if (!used.has(fold(candidate))) {
        used.add(fold(candidate));
        return candidate;
      }
    }
  });
}

/** A property key for an object type or literal: bare when it is an identifier name, else a string literal. */
export function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/**
 * A key for an object literal VALUE (not a type): like propertyKey, but `__proto__` becomes the
 * computed `["__proto__"]`, the only spelling that defines an own property instead of setting the
 * prototype.
 */
export function valueKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/** Property access: `.name` or `["na-me"]`. */
export function propertyAccess(name: string): string {
  return isIdentifierName(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/**
 * Member names that change how JavaScript treats the object carrying them, so generated methods
 * and properties never take them: `then` makes an object a thenable (`await` on it, or on an async
 * function returning it, never yields the object), `toJSON` replaces it in JSON.stringify,
 * `valueOf`/`toString`/`toLocaleString` drive coercion, `constructor`/`__proto__`/`prototype` and
 * Object.prototype's own members are what code probes the object with, `caller`/`callee`/`arguments`
 * are poison pills on functions, `inspect` is Node's legacy custom-inspection hook, and the names
 * of the well-known symbols that name a protocol (`iterator`, `toPrimitive`, …) are reserved too,
 * so that a spec cannot make a generated object look as if it implements one. (`search`, `match`,
 * `replace` and `split` stay usable: their symbols are only reached through `Symbol.*`, and they are
 * common operation names.)
 */
export const OBJECT_PROTOCOL_NAMES: ReadonlySet<string> = new Set([
  'then', 'toJSON', 'constructor', 'prototype', '__proto__', 'valueOf', 'toString', 'toLocaleString',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', '__defineSetter__',
  '__lookupGetter__', '__lookupSetter__', 'caller', 'callee', 'arguments', 'inspect',
  'asyncIterator', 'hasInstance', 'isConcatSpreadable', 'iterator', 'toPrimitive', 'toStringTag', 'unscopables',
]);

/**
 * A generated member name (method or property of a generated object) from a camelCase name: a
 * name in OBJECT_PROTOCOL_NAMES or in `reserved` (the object's own members) gets a `_` suffix,
 * deterministically (`then` → `then_`), never a number that depends on what else is declared.
 */
export function toMemberName(name: string, reserved: Iterable<string> = []): string {
  const taken = new Set(reserved);
  let out = name;
  while (OBJECT_PROTOCOL_NAMES.has(out) || taken.has(out)) out = `${out}_`;
  return out;
}
