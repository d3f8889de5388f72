// Renders a TemplateAst with Velocity 1.7 semantics plus the API Gateway behaviours recorded on
// AWS (see docs in index.ts):
// - a reference whose root variable was never defined, or whose method does not exist, prints its
//   own text (`$foo`, Velocity 1.7); a reference that evaluates to null, or to a property that does
//   not exist, prints nothing (AWS prints missing stage variables, map keys, properties and JSONPath
//   misses as "");
// - `#set($x = <null>)` keeps $x's old value; if $x had none, $x becomes null;
// - `null == ""` is true (AWS, §3.9 5b);
// - #foreach stops after 1000 iterations; #parse and #include fail.

import type { Expr, MacroDefinition, Reference, TemplateAst, TemplateNode } from './ast.js';
import { VtlError } from './errors.js';
import { JavaException, callJavaMethod, getJavaIndex, getJavaProperty, javaEquals } from './java-methods.js';
import { JavaRegexError } from './java-regex.js';
import { JsonPathError } from './jsonpath.js';
import { parseToAst } from './parse.js';
import { JDouble, NO_METHOD, isNumber, numberValue, toJavaString, type VtlObject } from './values.js';

export const MAX_FOREACH_ITERATIONS = 1000;
const MAX_MACRO_DEPTH = 20;

/** A reference that could not be resolved (undefined root, no such method or property). */
const UNRESOLVED: unique symbol = Symbol('UNRESOLVED');
const ABSENT: unique symbol = Symbol('ABSENT');

class BreakSignal {}
class StopSignal {}
const BREAK = new BreakSignal();
const STOP = new StopSignal();

/** `$foreach`. */
class ForeachScope implements VtlObject {
  constructor(
    readonly index: number,
    readonly total: number,
    readonly parent: unknown,
  ) {}
  vtlProperty(name: string): unknown {
    switch (name) {
      case 'index': return this.index;
      case 'count': return this.index + 1;
      case 'hasNext': return this.index < this.total - 1;
      case 'first': return this.index === 0;
      case 'last': return this.index === this.total - 1;
      case 'parent': return this.parent ?? null;
      default: return undefined;
    }
  }
  vtlMethod(name: string, args: unknown[]): unknown {
    if (args.length) return NO_METHOD;
    const prop = name.replace(/^(get|is)(.)/, (_m, _p, c: string) => c.toLowerCase());
    const v = this.vtlProperty(name === 'hasNext' ? 'hasNext' : prop);
    return v === undefined ? NO_METHOD : v;
  }
  vtlToString(): string {
    return `org.apache.velocity.runtime.directive.ForeachScope`;
  }
}

/** The value of `#define($x) … #end`: renders its block whenever printed. */
class DefinedBlock implements VtlObject {
  constructor(private readonly renderBlock: () => string) {}
  vtlProperty(): unknown {
    return undefined;
  }
  vtlMethod(name: string, args: unknown[]): unknown {
    return name === 'toString' && args.length === 0 ? this.renderBlock() : NO_METHOD;
  }
  vtlToString(): string {
    return this.renderBlock();
  }
}

export interface EvaluationResult {
  output: string;
  /** Override parameters assigned more than once. */
  duplicateOverrides: string[];
}

export function evaluate(ast: TemplateAst, globals: Map<string, unknown>): EvaluationResult {
  const r = new Renderer(ast.macros, globals);
  try {
    r.nodes(ast.nodes);
  } catch (e) {
    if (!(e instanceof StopSignal) && !(e instanceof BreakSignal)) throw e;
  }
  return { output: r.out, duplicateOverrides: r.duplicates };
}

function isOverrideTarget(ref: Reference): string | undefined {
  if (ref.root !== 'context' || ref.path.length < 2) return undefined;
  const names = ref.path.map((a) => (a.kind === 'property' ? a.name : a.kind === 'index' && a.index.kind === 'literal' ? String(a.index.value) : '?'));
  return names[0] === 'requestOverride' || names[0] === 'responseOverride' ? names.join('.') : undefined;
}

class Renderer {
  out = '';
  duplicates: string[] = [];
  private readonly assignedOverrides = new Set<string>();
  private macroDepth = 0;

  constructor(
    private readonly macros: Map<string, MacroDefinition>,
    private readonly vars: Map<string, unknown>,
  ) {}

  nodes(list: TemplateNode[]): void {
    for (const node of list) this.node(node);
  }

  node(node: TemplateNode): void {
    switch (node.kind) {
      case 'text':
      case 'raw':
        this.out += node.text;
        return;
      case 'comment':
        return;
      case 'reference':
        this.out += this.renderReference(node.ref);
        return;
      case 'set':
        this.set(node.target, this.expr(node.value), node);
        return;
      case 'if':
        for (const branch of node.branches) {
          if (branch.condition === null || this.condition(branch.condition)) {
            this.nodes(branch.body);
            return;
          }
        }
        return;
      case 'foreach':
        this.foreach(node);
        return;
      case 'macroCall':
        this.macroCall(node);
        return;
      case 'define': {
        const body = node.body;
        this.vars.set(node.name, new DefinedBlock(() => this.capture(() => this.nodes(body))));
        return;
      }
      case 'break':
        throw BREAK;
      case 'stop':
        throw STOP;
    }
  }

  private capture(fn: () => void): string {
    const saved = this.out;
    this.out = '';
    try {
      fn();
      return this.out;
    } finally {
      this.out = saved;
    }
  }

  renderReference(ref: Reference): string {
    const v = this.resolve(ref, ref.path.length);
    if (v === UNRESOLVED) return ref.quiet ? '' : ref.source;
    if (v === null || v === undefined) return '';
    return toJavaString(v);
  }

  /** Value of the reference through its first `depth` accesses. */
  resolve(ref: Reference, depth: number): unknown {
    if (!this.vars.has(ref.root)) return UNRESOLVED;
    let v = this.vars.get(ref.root);
    for (let i = 0; i < depth; i++) {
      if (v === null || v === undefined) return null;
      const a = ref.path[i]!;
      try {
        if (a.kind === 'property') {
          // Hot path: most property accesses are Map lookups ($context.x, $stageVariables.x, JSON objects).
          const r = v instanceof Map ? v.get(a.name) : getJavaProperty(v, a.name);
          // AWS prints a missing property as "" (recorded: `$list.nested` on a JSON list).
          if (r === undefined) return null;
          v = r;
        } else if (a.kind === 'method') {
          const args = a.args.map((x) => this.expr(x));
          const r = callJavaMethod(v, a.name, args);
          if (r === NO_METHOD) return UNRESOLVED;
          v = r;
        } else {
          const r = getJavaIndex(v, this.expr(a.index));
          if (r === undefined) return UNRESOLVED;
          v = r;
        }
      } catch (e) {
        throw this.wrap(e, ref);
      }
    }
    return v;
  }

  private wrap(e: unknown, at: { line: number; column: number }): unknown {
    if (e instanceof JavaException || e instanceof JavaRegexError || e instanceof JsonPathError)
      return new VtlError(e.message, at.line, at.column);
    return e;
  }

  private set(target: Reference, value: unknown, at: { line: number; column: number }): void {
    if (target.path.length === 0) {
      if (value === null || value === undefined) {
        // Velocity 1.7: a null right side leaves the variable as it was.
        const old = this.vars.get(target.root);
        if (old === null || old === undefined) this.vars.set(target.root, null);
        return;
      }
      this.vars.set(target.root, value);
      return;
    }
    if (value === null || value === undefined) return;
    const owner = this.resolve(target, target.path.length - 1);
    if (owner === UNRESOLVED || owner === null || owner === undefined) return;
    const last = target.path[target.path.length - 1]!;
    const override = isOverrideTarget(target);
    if (override) {
      if (this.assignedOverrides.has(override)) this.duplicates.push(override);
      this.assignedOverrides.add(override);
    }
    if (last.kind === 'method') throw new VtlError(`cannot assign to a method call in ${target.source}`, at.line, at.column);
    const key = last.kind === 'property' ? last.name : this.expr(last.index);
    if (owner instanceof Map) owner.set(typeof key === 'string' ? key : toJavaString(key), value);
    else if (Array.isArray(owner) && typeof key === 'number') {
      if (key < 0 || key >= owner.length) throw new VtlError(`index ${key} out of bounds for length ${owner.length}`, at.line, at.column);
      owner[key] = value;
    }
  }

  private foreach(node: Extract<TemplateNode, { kind: 'foreach' }>): void {
    const source = this.expr(node.iterable);
    let items: unknown[];
    if (Array.isArray(source)) items = source.slice();
    else if (source instanceof Map) items = [...source.values()];
    else items = [];
    const saved = [node.variable, 'velocityCount', 'foreach'].map((k) => (this.vars.has(k) ? this.vars.get(k) : ABSENT));
    const parent = this.vars.get('foreach');
    const n = Math.min(items.length, MAX_FOREACH_ITERATIONS);
    try {
      for (let i = 0; i < n; i++) {
        this.vars.set(node.variable, items[i]);
        this.vars.set('velocityCount', i + 1);
        this.vars.set('foreach', new ForeachScope(i, items.length, parent));
        try {
          this.nodes(node.body);
        } catch (e) {
          if (e instanceof BreakSignal) break;
          throw e;
        }
      }
    } finally {
      [node.variable, 'velocityCount', 'foreach'].forEach((k, i) => {
        const v = saved[i];
        if (v === ABSENT) this.vars.delete(k);
        else this.vars.set(k, v);
      });
    }
  }

  private macroCall(node: Extract<TemplateNode, { kind: 'macroCall' }>): void {
    if (node.name === 'parse' || node.name === 'include')
      throw new VtlError(`#${node.name} is not available: API Gateway templates cannot load other resources`, node.line, node.column);
    if (node.name === 'evaluate') {
      const text = node.args.length ? this.expr(node.args[0]!) : null;
      if (text === null || text === undefined) return;
      const ast = parseToAst(toJavaString(text), node);
      for (const [k, m] of ast.macros) this.macros.set(k, m);
      this.nodes(ast.nodes);
      return;
    }
    const macro = this.macros.get(node.name);
    if (!macro) {
      this.out += node.source;
      return;
    }
    if (this.macroDepth >= MAX_MACRO_DEPTH) throw new VtlError(`#${node.name}: macros nested deeper than ${MAX_MACRO_DEPTH}`, node.line, node.column);
    const args = node.args.map((a) => this.expr(a));
    const saved = macro.params.map((p) => (this.vars.has(p) ? this.vars.get(p) : ABSENT));
    macro.params.forEach((p, i) => {
      if (i < args.length) this.vars.set(p, args[i]);
      else this.vars.delete(p);
    });
    this.macroDepth++;
    try {
      this.nodes(macro.body);
    } finally {
      this.macroDepth--;
      macro.params.forEach((p, i) => {
        const v = saved[i];
        if (v === ABSENT) this.vars.delete(p);
        else this.vars.set(p, v);
      });
    }
  }

  /** `#if` truthiness in Velocity 1.7: a reference is true unless null or false; literals other than true are false. */
  condition(e: Expr): boolean {
    switch (e.kind) {
      case 'reference': {
        const v = this.resolve(e.ref, e.ref.path.length);
        return v !== UNRESOLVED && v !== null && v !== undefined && v !== false;
      }
      case 'literal':
        return e.value === true;
      case 'operator': {
        if (e.operator === 'parenthesis') return this.condition(e.operands[0]!);
        const v = this.expr(e);
        return typeof v === 'boolean' ? v : false;
      }
      default:
        return false;
    }
  }

  expr(e: Expr): unknown {
    switch (e.kind) {
      case 'literal':
        return e.value;
      case 'interpolated':
        return this.capture(() => this.nodes(e.nodes));
      case 'reference': {
        const v = this.resolve(e.ref, e.ref.path.length);
        return v === UNRESOLVED || v === undefined ? null : v;
      }
      case 'list':
        return e.items.map((x) => this.expr(x));
      case 'map': {
        const m = new Map<string, unknown>();
        for (const [k, x] of e.entries) m.set(k, this.expr(x));
        return m;
      }
      case 'range': {
        const from = this.expr(e.from);
        const to = this.expr(e.to);
        if (typeof from !== 'number' || typeof to !== 'number') return null;
        const out: number[] = [];
        const step = from <= to ? 1 : -1;
        for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
        return out;
      }
      case 'operator':
        return this.operator(e);
    }
  }

  private operator(e: Extract<Expr, { kind: 'operator' }>): unknown {
    const [l, r] = e.operands;
    switch (e.operator) {
      case '||':
        return this.condition(l!) || this.condition(r!);
      case '&&':
        return this.condition(l!) && this.condition(r!);
      case 'not':
      case '!':
        return !this.condition(l!);
      case 'parenthesis':
        return this.expr(l!);
      case 'minus': {
        const v = this.expr(l!);
        return typeof v === 'number' ? -v : v instanceof JDouble ? new JDouble(-v.value) : null;
      }
    }
    const a = this.expr(l!);
    const b = this.expr(r!);
    switch (e.operator) {
      case '==':
        return velocityEquals(a, b);
      case '!=':
        return !velocityEquals(a, b);
      case '<':
      case '>':
      case '<=':
      case '>=': {
        if (!isNumber(a) || !isNumber(b)) return false;
        const x = numberValue(a), y = numberValue(b);
        return e.operator === '<' ? x < y : e.operator === '>' ? x > y : e.operator === '<=' ? x <= y : x >= y;
      }
      case '+':
        if ((typeof a === 'string' || typeof b === 'string') && a !== null && b !== null && a !== undefined && b !== undefined)
          return toJavaString(a) + toJavaString(b);
        return arithmetic('+', a, b);
      case '-':
      case '*':
      case '/':
      case '%':
        return arithmetic(e.operator, a, b);
      default:
        throw new VtlError(`unsupported operator ${e.operator}`, e.line, e.column);
    }
  }
}

/** Velocity's MathUtils: Integer op Integer stays integral (`7/2` is 3); a Double makes it Double; `/0` is null. */
function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (!isNumber(a) || !isNumber(b)) return null;
  const x = numberValue(a), y = numberValue(b);
  const integral = typeof a === 'number' && typeof b === 'number';
  if ((op === '/' || op === '%') && y === 0) return null;
  let v: number;
  switch (op) {
    case '+': v = x + y; break;
    case '-': v = x - y; break;
    case '*': v = x * y; break;
    case '/': v = integral ? Math.trunc(x / y) : x / y; break;
    default: v = x % y;
  }
  return integral ? v : new JDouble(v);
}

/** Velocity 1.7 `==`: numbers by value, same types by equals(), other types by toString(); AWS: null == "". */
export function velocityEquals(a: unknown, b: unknown): boolean {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an && bn) return true;
  if (an) return b === '';
  if (bn) return a === '';
  if (isNumber(a) && isNumber(b)) return numberValue(a) === numberValue(b);
  const sameKind =
    typeof a === typeof b && (typeof a !== 'object' || (Array.isArray(a) && Array.isArray(b)) || (a instanceof Map && b instanceof Map));
  if (sameKind) return javaEquals(a, b);
  return toJavaString(a) === toJavaString(b);
}
