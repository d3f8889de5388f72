// YAML text of plain JSON data, byte-identical to `yaml`'s `stringify(value, TEMPLATE_YAML_OPTIONS)`,
// with the text of unchanged parts reused from the previous call.
//
// Why: `build --watch` regenerates template.yaml (the whole API definition inlined, 4–5 MB for
// Stripe) on every save, and the yaml package spends most of a rebuild rendering it although a
// one-operation edit changes one path item. Rendering is done pair by pair instead: every nested
// mapping is opened with its key line and its pairs are rendered one by one, down to a fixed depth;
// below that, each pair is rendered by the yaml package on its own and indented. A block-style
// pair's text does not depend on where it sits (lineWidth 0 turns off folding, aliases are off),
// except for the indentation, which is added to every non-empty line exactly as the package indents
// nested content (blank lines inside block scalars carry no indentation). Rendered pairs are kept,
// keyed by their exact JSON, for the next call; entries not used by the latest call are dropped, so
// the memory held is one document's worth.
//
// Only plain JSON data takes this path (plain or null-prototype objects, arrays, strings, finite numbers, booleans,
// null). Anything else anywhere in the value (a Date, NaN, -0, a hole or undefined in an array, a
// class instance) makes the whole call fall back to one plain `stringify`: JSON would not tell such
// values apart from plain ones, so they must not be keyed by it.

import { Schema, stringify, type ScalarTag, type ToStringOptions, type CreateNodeOptions, type SchemaOptions, type DocumentOptions } from 'yaml';

/**
 * Every string that would read as something else in YAML 1.1 is written quoted, and every number
 * is written so that YAML 1.1 reads it as that number. CloudFormation, SAM CLI, cfn-lint and
 * `aws cloudformation package` read templates as YAML 1.1, where plain `NO`, `off`, `y`, `0777`,
 * `1:20`, `2001-12-14`, `1_000`, `0b1`, `=` and `<<` are not strings and `1e-7` is not a number;
 * other tools read YAML 1.2. The yaml package quotes what its `compat` schema would read as a
 * non-string; its YAML 1.1 schema lacks two entries of the 1.1 type repository, added here.
 */
const YAML_1_1_GAPS: ScalarTag[] = [
  // The value key type: PyYAML (behind cfn-lint and the AWS CLI) refuses a plain `=` outright.
  { tag: 'tag:yaml.org,2002:value', default: true, test: /^=$/, resolve: (text) => text },
  // The 1.1 float allows any digits and dots after the point: `1.2.3` is a float there.
  { tag: 'tag:yaml.org,2002:float', default: true, test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/, resolve: Number },
];

/** Numbers as YAML 1.1 and 1.2 both read them: an exponent only after a fraction (`1.0e-7`, not `1e-7`). */
const NUMBER_TAG: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (value) => typeof value === 'number',
  test: /(?!)/, // for writing only: parsing keeps the schema's own number tags
  resolve: Number,
  stringify: ({ value }) => numberText(value as number),
};

function numberText(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  if (Object.is(n, -0)) return '-0';
  const text = String(n);
  const e = text.indexOf('e');
  return e < 0 || text.slice(0, e).includes('.') ? text : `${text.slice(0, e)}.0${text.slice(e)}`;
}

/** How template.yaml is written: no folding, no aliases, YAML 1.1-safe scalars. */
export const TEMPLATE_YAML_OPTIONS: DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions = {
  lineWidth: 0,
  aliasDuplicateObjects: false,
  compat: [...new Schema({ schema: 'yaml-1.1' }).tags, ...YAML_1_1_GAPS],
  customTags: (tags) => [NUMBER_TAG, ...tags],
};
const OPTIONS = TEMPLATE_YAML_OPTIONS;
/** Mappings this deep (0 = the document's own pairs) are rendered whole; shallower ones pair by pair. */
const OPEN_DEPTH = 6;
const own = Object.prototype.hasOwnProperty;

export interface YamlTextStats {
  /** Pairs rendered by the yaml package in the last call. */
  rendered: number;
  /** Pairs whose text came from the previous call. */
  reused: number;
  /** True when the last call fell back to one plain `stringify` (not plain JSON data). */
  fellBack: boolean;
}

export class YamlTextMemo {
  private pairs = new Map<string, string>();
  private heads = new Map<string, string | null>();
  readonly stats: YamlTextStats = { rendered: 0, reused: 0, fellBack: false };

  /** Same text as `stringify(value, TEMPLATE_YAML_OPTIONS)`. */
  text(value: unknown): string {
    this.stats.rendered = 0;
    this.stats.reused = 0;
    this.stats.fellBack = false;
    if (!isOpenableMap(value)) return this.fallBack(value);
    const used = new Map<string, string>();
    const out: string[] = [];
    if (!this.renderPairs(value, 0, out, used)) return this.fallBack(value);
    this.pairs = used;
    return out.join('');
  }

  private fallBack(value: unknown): string {
    this.stats.fellBack = true;
    this.pairs = new Map();
    return stringify(value, OPTIONS);
  }

  /** Appends the pairs of `map` at `depth`; false when something in it is not plain JSON data. */
  private renderPairs(map: Record<string, unknown>, depth: number, out: string[], used: Map<string, string>): boolean {
    const indent = '  '.repeat(depth);
    for (const key of Object.keys(map)) {
      const value = map[key];
      if (value === undefined) continue; // the yaml package omits such pairs too
      if (depth < OPEN_DEPTH && isOpenableMap(value)) {
        const head = this.head(key);
        if (head !== null) {
          out.push(indent, head, '\n');
          if (!this.renderPairs(value, depth + 1, out, used)) return false;
          continue;
        }
      }
      const json = exactJson(key, value);
      if (json === undefined) return false;
      let text = used.get(json) ?? this.pairs.get(json);
      if (text === undefined) {
        text = stringify(singlePair(key, value), OPTIONS);
        this.stats.rendered++;
      } else this.stats.reused++;
      used.set(json, text);
      out.push(indentLines(text, indent));
    }
    return true;
  }

  /** `key:` as the yaml package writes it before a nested block mapping; null when it uses another form. */
  private head(key: string): string | null {
    let head = this.heads.get(key);
    if (head === undefined) {
      const probe = stringify(singlePair(key, {}), OPTIONS);
      // `key: {}\n` on one line; a long or complex key (`? key`) is rendered whole instead.
      head = probe.endsWith(' {}\n') && !probe.slice(0, -4).includes('\n') ? `${probe.slice(0, -4)}` : null;
      if (head !== null && !head.endsWith(':')) head = null;
      this.heads.set(key, head);
    }
    return head;
  }
}

/** A non-empty plain object: rendered as a block mapping that can be opened pair by pair. */
function isOpenableMap(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (!isPlainPrototype(value)) return false;
  for (const key in value) if (own.call(value, key)) return true;
  return false;
}

/** A plain object or a null-prototype one (the loader and emitters build those from spec keys). */
function isPlainPrototype(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `{ [key]: value }` with `key` as data even when it is `__proto__`. */
function singlePair(key: string, value: unknown): Record<string, unknown> {
  const pair: Record<string, unknown> = {};
  Object.defineProperty(pair, key, { value, enumerable: true, writable: true, configurable: true });
  return pair;
}

/** The JSON of `[key, value]`, or undefined when the value holds anything JSON would not keep exactly. */
function exactJson(key: string, value: unknown): string | undefined {
  let plain = true;
  const json = JSON.stringify([key, value], function (this: unknown, k: string, v: unknown) {
    if (!plain) return undefined;
    // `this[k]` is the value before any toJSON (a Date would already be a string in `v`).
    const original = (this as Record<string, unknown>)[k];
    switch (typeof original) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (!Number.isFinite(original) || Object.is(original, -0)) plain = false;
        return v;
      case 'object':
        if (original === null || Array.isArray(original)) {
          if (Array.isArray(original) && hasHoleOrUndefined(original)) plain = false;
          return v;
        }
        if (!isPlainPrototype(original)) plain = false;
        return v;
      case 'undefined':
        return v; // an object member: omitted by both JSON and the yaml package
      default:
        plain = false; // function, symbol, bigint
        return undefined;
    }
  });
  return plain ? json : undefined;
}

function hasHoleOrUndefined(array: unknown[]): boolean {
  for (let i = 0; i < array.length; i++) if (!(i in array) || array[i] === undefined) return true;
  return false;
}

/** Indents every non-empty line. Splits on `\n` only: U+2028 inside a scalar is not a line break here. */
function indentLines(text: string, indent: string): string {
  if (indent === '') return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i] !== '') lines[i] = indent + lines[i];
  return lines.join('\n');
}
