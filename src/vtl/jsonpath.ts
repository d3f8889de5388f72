// JSONPath with Jayway ("JSONPath for Java") semantics, which `$input.path` and `$input.json` use:
// a *definite* path (only names and single indexes) gives one value, or null when it leads
// nowhere; an *indefinite* path (wildcard, deep scan, filter, slice, several indexes or names)
// gives a list of every match (possibly empty). Paths are compiled once and cached.

import { JDouble, JsonList, isNumber, numberValue } from './values.js';
import { javaEquals } from './java-methods.js';
import { javaRegex } from './java-regex.js';

export class JsonPathError extends Error {}

type Segment =
  | { kind: 'name'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number; step: number }
  | { kind: 'wildcard' }
  | { kind: 'deep'; then: Segment }
  | { kind: 'filter'; expr: FilterExpr }
  | { kind: 'function'; name: string };

type Operand = { kind: 'literal'; value: unknown } | { kind: 'path'; root: '@' | '$'; segments: Segment[] };
type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'exists'; operand: Operand }
  | { kind: 'compare'; op: string; left: Operand; right: Operand };

export interface CompiledPath {
  segments: Segment[];
  definite: boolean;
}

const cache = new Map<string, CompiledPath>();

export function compileJsonPath(path: string): CompiledPath {
  let c = cache.get(path);
  if (!c) {
    const p = new PathParser(path.trim());
    const segments = p.root();
    c = { segments, definite: segments.every(isDefinite) };
    if (cache.size > 5000) cache.clear();
    cache.set(path, c);
  }
  return c;
}

function isDefinite(s: Segment): boolean {
  return (s.kind === 'name' && s.names.length === 1) || (s.kind === 'index' && s.indexes.length === 1) || s.kind === 'function';
}

/** Evaluate `path` against `document`; definite paths give a value or null, others a JsonList. */
export function evaluateJsonPath(document: unknown, path: string): unknown {
  const compiled = compileJsonPath(path);
  const results = run(compiled.segments, [document], document);
  if (compiled.definite) return results.length > 0 ? results[0] : null;
  return JsonList.from(results);
}

function run(segments: Segment[], start: unknown[], root: unknown): unknown[] {
  let current = start;
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const node of current) apply(seg, node, root, next);
    current = next;
  }
  return current;
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  if (node instanceof Map) return [...node.values()];
  return [];
}

function apply(seg: Segment, node: unknown, root: unknown, out: unknown[]): void {
  switch (seg.kind) {
    case 'name':
      if (node instanceof Map) for (const n of seg.names) if (node.has(n)) out.push(node.get(n));
      return;
    case 'index':
      if (Array.isArray(node))
        for (const i of seg.indexes) {
          const j = i < 0 ? node.length + i : i;
          if (j >= 0 && j < node.length) out.push(node[j]);
        }
      return;
    case 'slice': {
      if (!Array.isArray(node)) return;
      const len = node.length;
      const norm = (v: number | undefined, dflt: number) => (v === undefined ? dflt : v < 0 ? Math.max(0, len + v) : Math.min(v, len));
      for (let i = norm(seg.start, 0); i < norm(seg.end, len); i += seg.step) out.push(node[i]);
      return;
    }
    case 'wildcard':
      out.push(...children(node));
      return;
    case 'deep': {
      const visit = (n: unknown): void => {
        apply(seg.then, n, root, out);
        for (const c of children(n)) if (c instanceof Map || Array.isArray(c)) visit(c);
      };
      visit(node);
      return;
    }
    case 'filter':
      for (const c of Array.isArray(node) ? node : node instanceof Map ? [node] : []) if (test(seg.expr, c, root)) out.push(c);
      return;
    case 'function':
      if (seg.name === 'length' || seg.name === 'size') {
        if (Array.isArray(node)) out.push(node.length);
        else if (node instanceof Map) out.push(node.size);
        else if (typeof node === 'string') out.push(node.length);
      } else if (['min', 'max', 'avg', 'sum'].includes(seg.name) && Array.isArray(node)) {
        const nums = node.filter(isNumber).map(numberValue);
        if (nums.length === 0) return;
        const sum = nums.reduce((a, b) => a + b, 0);
        const v = seg.name === 'min' ? Math.min(...nums) : seg.name === 'max' ? Math.max(...nums) : seg.name === 'sum' ? sum : sum / nums.length;
        out.push(new JDouble(v));
      } else throw new JsonPathError(`unsupported JSONPath function ${seg.name}()`);
      return;
  }
}

function operandValues(o: Operand, current: unknown, root: unknown): { found: boolean; value: unknown } {
  if (o.kind === 'literal') return { found: true, value: o.value };
  const r = run(o.segments, [o.root === '@' ? current : root], root);
  if (r.length === 0) return { found: false, value: undefined };
  return { found: true, value: o.segments.every(isDefinite) ? r[0] : JsonList.from(r) };
}

function test(e: FilterExpr, current: unknown, root: unknown): boolean {
  switch (e.kind) {
    case 'and': return test(e.left, current, root) && test(e.right, current, root);
    case 'or': return test(e.left, current, root) || test(e.right, current, root);
    case 'not': return !test(e.expr, current, root);
    case 'exists': {
      const r = operandValues(e.operand, current, root);
      return r.found && (e.operand.kind === 'path' || Boolean(r.value));
    }
    case 'compare': {
      const l = operandValues(e.left, current, root);
      const r = operandValues(e.right, current, root);
      if (!l.found || !r.found) return e.op === '!=' ? l.found !== r.found : false;
      return compare(e.op, l.value, r.value);
    }
  }
}

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==': return looseEquals(a, b);
    case '!=': return !looseEquals(a, b);
    case '=~': return typeof a === 'string' && b instanceof RegExp && (b.lastIndex = 0, b.test(a));
    case 'in': return Array.isArray(b) && b.some((x) => looseEquals(a, x));
    case 'nin': return Array.isArray(b) && !b.some((x) => looseEquals(a, x));
    case 'contains': return (typeof a === 'string' && typeof b === 'string' && a.includes(b)) || (Array.isArray(a) && a.some((x) => looseEquals(x, b)));
    case 'empty': return (typeof a === 'string' || Array.isArray(a)) && (a.length === 0) === b;
    case 'size': return (typeof a === 'string' || Array.isArray(a)) && isNumber(b) && a.length === numberValue(b);
  }
  if (isNumber(a) && isNumber(b)) {
    const x = numberValue(a), y = numberValue(b);
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  if (typeof a === 'string' && typeof b === 'string') return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  return false;
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) return numberValue(a) === numberValue(b);
  return javaEquals(a, b);
}

class PathParser {
  i = 0;
  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new JsonPathError(`invalid JSONPath '${this.s}': ${msg} at character ${this.i + 1}`);
  }

  root(): Segment[] {
    if (this.s[this.i] === '$') this.i++;
    else if (this.s.length > 0 && this.s[0] !== '.' && this.s[0] !== '[') {
      // Jayway accepts a path without `$` and treats it as relative to the root.
    } else if (this.s.length === 0) this.fail('empty path');
    const segs = this.segments(false);
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}'`);
    return segs;
  }

  /** Segments until the end, or (inside a filter) until a character that can't continue a path. */
  segments(inFilter: boolean): Segment[] {
    const segs: Segment[] = [];
    if (!inFilter && this.i === 0 && /[A-Za-z_]/.test(this.s[0] ?? '')) segs.push(this.dotName());
    for (;;) {
      const c = this.s[this.i];
      if (c === '.') {
        if (this.s[this.i + 1] === '.') {
          this.i += 2;
          const then = this.s[this.i] === '[' ? this.bracket() : this.s[this.i] === '*' ? (this.i++, { kind: 'wildcard' } as Segment) : this.dotName();
          segs.push({ kind: 'deep', then });
        } else {
          this.i++;
          if (this.s[this.i] === '*') {
            this.i++;
            segs.push({ kind: 'wildcard' });
          } else segs.push(this.dotName());
        }
      } else if (c === '[') segs.push(this.bracket());
      else return segs;
    }
  }

  dotName(): Segment {
    const m = /^[^.[\]()\s!=<>&|,'"]+/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a property name');
    this.i += m[0].length;
    if (this.s.startsWith('()', this.i)) {
      this.i += 2;
      return { kind: 'function', name: m[0] };
    }
    return { kind: 'name', names: [m[0]] };
  }

  ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  quoted(): string {
    const q = this.s[this.i];
    let out = '';
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== q) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i++];
    }
    if (this.s[this.i] !== q) this.fail('unterminated quoted name');
    this.i++;
    return out;
  }

  bracket(): Segment {
    this.i++;
    this.ws();
    const c = this.s[this.i];
    let seg: Segment;
    if (c === '*') {
      this.i++;
      seg = { kind: 'wildcard' };
    } else if (c === '?') {
      this.i++;
      this.ws();
      if (this.s[this.i] !== '(') this.fail("expected '(' after '?'");
      this.i++;
      const expr = this.orExpr();
      this.ws();
      if (this.s[this.i] !== ')') this.fail("expected ')'");
      this.i++;
      seg = { kind: 'filter', expr };
    } else if (c === "'" || c === '"') {
      const names = [this.quoted()];
      this.ws();
      while (this.s[this.i] === ',') {
        this.i++;
        this.ws();
        names.push(this.quoted());
        this.ws();
      }
      seg = { kind: 'name', names };
    } else {
      const m = /^(-?\d*)\s*(?::\s*(-?\d*)\s*(?::\s*(\d*))?)?/.exec(this.s.slice(this.i));
      const text = m?.[0] ?? '';
      if (!text) this.fail('expected an index, a name, * or ?()');
      this.i += text.length;
      if (text.includes(':')) {
        const num = (x: string | undefined) => (x === undefined || x === '' ? undefined : Number(x));
        seg = { kind: 'slice', start: num(m![1]), end: num(m![2]), step: num(m![3]) ?? 1 };
      } else {
        const indexes = [Number(m![1])];
        this.ws();
        while (this.s[this.i] === ',') {
          this.i++;
          this.ws();
          const n = /^-?\d+/.exec(this.s.slice(this.i));
          if (!n) this.fail('expected an index');
          indexes.push(Number(n[0]));
          this.i += n[0].length;
          this.ws();
        }
        seg = { kind: 'index', indexes };
      }
    }
    this.ws();
    if (this.s[this.i] !== ']') this.fail("expected ']'");
    this.i++;
    return seg;
  }

  orExpr(): FilterExpr {
    let left = this.andExpr();
    for (;;) {
      this.ws();
      if (!this.s.startsWith('||', this.i)) return left;
      this.i += 2;
      left = { kind: 'or', left, right: this.andExpr() };
    }
  }

  andExpr(): FilterExpr {
    let left = this.unary();
    for (;;) {
      this.ws();
      if (!this.s.startsWith('&&', this.i)) return left;
      this.i += 2;
      left = { kind: 'and', left, right: this.unary() };
    }
  }

  unary(): FilterExpr {
    this.ws();
    if (this.s[this.i] === '!') {
      this.i++;
      return { kind: 'not', expr: this.unary() };
    }
    if (this.s[this.i] === '(') {
      this.i++;
      const e = this.orExpr();
      this.ws();
      if (this.s[this.i] !== ')') this.fail("expected ')'");
      this.i++;
      return e;
    }
    const left = this.operand();
    this.ws();
    const op = /^(==|!=|<=|>=|=~|<|>|\s*(?:nin|in|contains|empty|size)\b)/.exec(this.s.slice(this.i));
    if (!op) return { kind: 'exists', operand: left };
    this.i += op[0].length;
    this.ws();
    return { kind: 'compare', op: op[0].trim(), left, right: this.operand() };
  }

  operand(): Operand {
    this.ws();
    const c = this.s[this.i];
    if (c === '@' || c === '$') {
      this.i++;
      return { kind: 'path', root: c, segments: this.segments(true) };
    }
    if (c === "'" || c === '"') return { kind: 'literal', value: this.quoted() };
    if (c === '/') {
      const end = this.s.indexOf('/', this.i + 1);
      if (end < 0) this.fail('unterminated regex');
      const body = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      const flags = /^[a-z]*/.exec(this.s.slice(this.i))![0];
      this.i += flags.length;
      const re = javaRegex(body);
      return { kind: 'literal', value: new RegExp(re.source, flags.includes('i') ? 'i' : '') };
    }
    if (c === '[') {
      const end = this.s.indexOf(']', this.i);
      if (end < 0) this.fail("expected ']'");
      const items = this.s
        .slice(this.i + 1, end)
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
        .map((x) => (/^['"]/.test(x) ? x.slice(1, -1) : Number(x)));
      this.i = end + 1;
      return { kind: 'literal', value: items };
    }
    const m = /^(-?\d+(?:\.\d+)?|true|false|null)/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a value');
    this.i += m[0].length;
    const t = m[0];
    const value = t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : t.includes('.') ? new JDouble(Number(t)) : Number(t);
    return { kind: 'literal', value };
  }
}
/** Every match of `path`, definite or not. */
export function evaluateAll(document: unknown, path: string): unknown[] {
  return run(compileJsonPath(path).segments, [document], document);
}

/** Like evaluateJsonPath, but tells a JSON null apart from a definite path that matched nothing. */
export function evaluateJsonPathDetailed(document: unknown, path: string): { found: boolean; value: unknown } {
  const compiled = compileJsonPath(path);
  const all = run(compiled.segments, [document], document);
  if (!compiled.definite) return { found: true, value: JsonList.from(all) };
  return all.length > 0 ? { found: true, value: all[0] } : { found: false, value: null };
}
