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

// Rendering runs on closures: each template is compiled once (cached per AST) into a tree of
// functions, so a render does no AST dispatch on node kinds and builds no per-access argument
// lists it can avoid. The Renderer holds the per-render state (variables, output, overrides).

export const MAX_FOREACH_ITERATIONS = 1000;
const MAX_MACRO_DEPTH = 20;

/** A reference that could not be resolved (undefined root, no such method or property). */
const UNRESOLVED: unique symbol = Symbol('UNRESOLVED');
const ABSENT: unique symbol = Symbol('ABSENT');

class BreakSignal {}
class StopSignal {}
const BREAK = new BreakSignal();
const STOP = new StopSignal();

/** `$foreach`: one object per #foreach execution, advanced in place (as Velocity's ForeachScope). */
class ForeachScope implements VtlObject {
  index = 0;
  constructor(
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
    const prop = name === 'hasNext' ? name : name.replace(/^(get|is)(.)/, (_m, _p, c: string) => c.toLowerCase());
    const v = this.vtlProperty(prop);
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

/** Compiled statement: appends to `r.out` / changes `r.vars`. */
type Step = (r: Renderer) => void;
/** Compiled expression. */
type Eval = (r: Renderer) => unknown;
/** Compiled reference: a value, null, or UNRESOLVED. */
type RefEval = (r: Renderer) => unknown;
type Cond = (r: Renderer) => boolean;

const compiledBodies = new WeakMap<TemplateNode[], Step>();

export function evaluate(ast: TemplateAst, globals: Map<string, unknown>): EvaluationResult {
  const r = new Renderer(ast.macros, globals);
  try {
    compileNodes(ast.nodes)(r);
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

function wrap(e: unknown, at: { line: number; column: number }): unknown {
  if (e instanceof JavaException || e instanceof JavaRegexError || e instanceof JsonPathError) return new VtlError(e.message, at.line, at.column);
  return e;
}

class Renderer {
  /** Appended with `+=` (V8 ropes; measured faster here than collecting pieces and joining). */
  out = '';
  duplicates: string[] = [];
  assignedOverrides: Set<string> | undefined;
  macroDepth = 0;
  /** Shared with the cached AST until #evaluate defines a macro (then copied, never mutated in place). */
  macrosOwned = false;

  constructor(
    public macros: Map<string, MacroDefinition>,
    readonly vars: Map<string, unknown>,
  ) {}

  capture(body: Step): string {
    const saved = this.out;
    this.out = '';
    try {
      body(this);
      return this.out;
    } finally {
      this.out = saved;
    }
  }
}

// ---- statements -------------------------------------------------------------------------------

/** Compile a node list (cached per list, so macro bodies and nested blocks compile once). */
function compileNodes(list: TemplateNode[]): Step {
  const cached = compiledBodies.get(list);
  if (cached) return cached;
  const steps: Step[] = [];
  let text = '';
  for (const node of list) {
    // Adjacent literal text becomes one append.
    if (node.kind === 'text' || node.kind === 'raw') {
      text += node.text;
      continue;
    }
    if (node.kind === 'comment') continue;
    if (text) steps.push(textStep(text));
    text = '';
    steps.push(compileNode(node));
  }
  if (text) steps.push(textStep(text));
  let step: Step;
  if (steps.length === 0) step = () => {};
  else if (steps.length === 1) step = steps[0]!;
  else
    step = (r) => {
      for (let i = 0; i < steps.length; i++) steps[i]!(r);
    };
  compiledBodies.set(list, step);
  return step;
}

function textStep(text: string): Step {
  return (r) => {
    r.out += text;
  };
}

function compileNode(node: TemplateNode): Step {
  switch (node.kind) {
    case 'text':
    case 'raw':
      return textStep(node.text);
    case 'comment':
      return () => {};
    case 'reference':
      return referenceStep(node.ref);
    case 'set':
      return setStep(node.target, compileExpr(node.value), node);
    case 'if': {
      const branches = node.branches.map((b) => ({ cond: b.condition === null ? null : compileCondition(b.condition), body: compileNodes(b.body) }));
      return (r) => {
        for (const b of branches) {
          if (b.cond === null || b.cond(r)) return b.body(r);
        }
      };
    }
    case 'foreach':
      return foreachStep(node.variable, compileExpr(node.iterable), compileNodes(node.body));
    case 'macroCall':
      return macroCallStep(node);
    case 'define': {
      const body = compileNodes(node.body);
      const name = node.name;
      return (r) => {
        r.vars.set(name, new DefinedBlock(() => r.capture(body)));
      };
    }
    case 'break':
      return () => {
        throw BREAK;
      };
    case 'stop':
      return () => {
        throw STOP;
      };
  }
}

function referenceStep(ref: Reference): Step {
  const get = compileReference(ref, ref.path.length);
  const unresolvedText = ref.quiet ? '' : ref.source;
  return (r) => {
    const v = get(r);
    if (v === UNRESOLVED) r.out += unresolvedText;
    else if (v === null || v === undefined) return;
    else r.out += typeof v === 'string' ? v : toJavaString(v);
  };
}

function setStep(target: Reference, value: Eval, at: { line: number; column: number }): Step {
  const root = target.root;
  if (target.path.length === 0)
    return (r) => {
      const v = value(r);
      if (v === null || v === undefined) {
        // Velocity 1.7: a null right side leaves the variable as it was.
        const old = r.vars.get(root);
        if (old === null || old === undefined) r.vars.set(root, null);
        return;
      }
      r.vars.set(root, v);
    };
  const owner = compileReference(target, target.path.length - 1);
  const last = target.path[target.path.length - 1]!;
  const override = isOverrideTarget(target);
  const key: Eval | string | undefined = last.kind === 'property' ? last.name : last.kind === 'index' ? compileExpr(last.index) : undefined;
  return (r) => {
    const v = value(r);
    if (v === null || v === undefined) return;
    const o = owner(r);
    if (o === UNRESOLVED || o === null || o === undefined) return;
    if (override) {
      r.assignedOverrides ??= new Set();
      if (r.assignedOverrides.has(override)) r.duplicates.push(override);
      r.assignedOverrides.add(override);
    }
    if (key === undefined) throw new VtlError(`cannot assign to a method call in ${target.source}`, at.line, at.column);
    const k = typeof key === 'string' ? key : key(r);
    if (o instanceof Map) o.set(typeof k === 'string' ? k : toJavaString(k), v);
    else if (Array.isArray(o) && typeof k === 'number') {
      if (k < 0 || k >= o.length) throw new VtlError(`index ${k} out of bounds for length ${o.length}`, at.line, at.column);
      o[k] = v;
    }
  };
}

function foreachStep(variable: string, iterable: Eval, body: Step): Step {
  return (r) => {
    const source = iterable(r);
    let items: unknown[];
    if (Array.isArray(source)) items = source.slice();
    else if (source instanceof Map) items = [...source.values()];
    else items = [];
    const vars = r.vars;
    const savedItem = vars.has(variable) ? vars.get(variable) : ABSENT;
    const savedCount = vars.has('velocityCount') ? vars.get('velocityCount') : ABSENT;
    const parent = vars.get('foreach');
    const savedScope = vars.has('foreach') ? parent : ABSENT;
    const n = Math.min(items.length, MAX_FOREACH_ITERATIONS);
    const scope = new ForeachScope(items.length, parent);
    try {
      for (let i = 0; i < n; i++) {
        vars.set(variable, items[i]);
        vars.set('velocityCount', i + 1);
        scope.index = i;
        vars.set('foreach', scope);
        try {
          body(r);
        } catch (e) {
          if (e instanceof BreakSignal) break;
          throw e;
        }
      }
    } finally {
      restore(vars, variable, savedItem);
      restore(vars, 'velocityCount', savedCount);
      restore(vars, 'foreach', savedScope);
    }
  };
}

function restore(vars: Map<string, unknown>, name: string, saved: unknown): void {
  if (saved === ABSENT) vars.delete(name);
  else vars.set(name, saved);
}

function macroCallStep(node: Extract<TemplateNode, { kind: 'macroCall' }>): Step {
  if (node.name === 'parse' || node.name === 'include')
    return () => {
      throw new VtlError(`#${node.name} is not available: API Gateway templates cannot load other resources`, node.line, node.column);
    };
  const args = node.args.map(compileExpr);
  if (node.name === 'evaluate')
    return (r) => {
      const text = args.length ? args[0]!(r) : null;
      if (text === null || text === undefined) return;
      const ast = parseToAst(toJavaString(text), node);
      if (ast.macros.size) {
        if (!r.macrosOwned) r.macros = new Map(r.macros);
        r.macrosOwned = true;
        for (const [k, m] of ast.macros) r.macros.set(k, m);
      }
      compileNodes(ast.nodes)(r);
    };
  return (r) => {
    const macro = r.macros.get(node.name);
    if (!macro) {
      r.out += node.source;
      return;
    }
    if (r.macroDepth >= MAX_MACRO_DEPTH) throw new VtlError(`#${node.name}: macros nested deeper than ${MAX_MACRO_DEPTH}`, node.line, node.column);
    const values = args.map((a) => a(r));
    const vars = r.vars;
    const saved = macro.params.map((p) => (vars.has(p) ? vars.get(p) : ABSENT));
    macro.params.forEach((p, i) => {
      if (i < values.length) vars.set(p, values[i]);
      else vars.delete(p);
    });
    r.macroDepth++;
    try {
      compileNodes(macro.body)(r);
    } finally {
      r.macroDepth--;
      macro.params.forEach((p, i) => restore(vars, p, saved[i]));
    }
  };
}

// ---- references -------------------------------------------------------------------------------

/** One access step: the next value, null (stop: prints ""), or UNRESOLVED (prints the reference text). */
type AccessStep = (v: unknown, r: Renderer) => unknown;
const NO_ARGS: unknown[] = [];

function compileAccess(a: Reference['path'][number]): AccessStep {
  if (a.kind === 'property') {
    const name = a.name;
    return (v) => {
      // Hot path: most property accesses are Map lookups ($context.x, $stageVariables.x, JSON objects).
      const x = v instanceof Map ? v.get(name) : getJavaProperty(v, name);
      // AWS prints a missing property as "" (recorded: `$list.nested` on a JSON list).
      return x === undefined ? null : x;
    };
  }
  if (a.kind === 'method') {
    const name = a.name;
    const args = a.args.map(compileExpr);
    const n = args.length;
    return (v, r) => {
      let values = NO_ARGS;
      if (n === 1) values = [args[0]!(r)];
      else if (n > 1) values = args.map((f) => f(r));
      const x = callJavaMethod(v, name, values);
      return x === NO_METHOD ? UNRESOLVED : x;
    };
  }
  const index = compileExpr(a.index);
  return (v, r) => {
    const x = getJavaIndex(v, index(r));
    return x === undefined ? UNRESOLVED : x;
  };
}

/** The reference's value through its first `depth` accesses. */
function compileReference(ref: Reference, depth: number): RefEval {
  const root = ref.root;
  const steps = ref.path.slice(0, depth).map(compileAccess);
  const n = steps.length;
  if (n === 0)
    return (r) => {
      const v = r.vars.get(root);
      return v === undefined && !r.vars.has(root) ? UNRESOLVED : v;
    };
  return (r) => {
    let v = r.vars.get(root);
    if (v === undefined && !r.vars.has(root)) return UNRESOLVED;
    try {
      for (let i = 0; i < n; i++) {
        if (v === null || v === undefined) return null;
        v = steps[i]!(v, r);
        if (v === UNRESOLVED) return UNRESOLVED;
      }
    } catch (e) {
      throw wrap(e, ref);
    }
    return v;
  };
}

// ---- expressions ------------------------------------------------------------------------------

/** `#if` truthiness in Velocity 1.7: a reference is true unless null or false; literals other than true are false. */
function compileCondition(e: Expr): Cond {
  switch (e.kind) {
    case 'reference': {
      const get = compileReference(e.ref, e.ref.path.length);
      return (r) => {
        const v = get(r);
        return v !== UNRESOLVED && v !== null && v !== undefined && v !== false;
      };
    }
    case 'literal': {
      const b = e.value === true;
      return () => b;
    }
    case 'operator': {
      if (e.operator === 'parenthesis') return compileCondition(e.operands[0]!);
      const ev = compileExpr(e);
      return (r) => {
        const v = ev(r);
        return typeof v === 'boolean' ? v : false;
      };
    }
    default:
      return () => false;
  }
}

function compileExpr(e: Expr): Eval {
  switch (e.kind) {
    case 'literal': {
      const value = e.value;
      return () => value;
    }
    case 'interpolated': {
      const body = compileNodes(e.nodes);
      return (r) => r.capture(body);
    }
    case 'reference': {
      const get = compileReference(e.ref, e.ref.path.length);
      return (r) => {
        const v = get(r);
        return v === UNRESOLVED || v === undefined ? null : v;
      };
    }
    case 'list': {
      const items = e.items.map(compileExpr);
      return (r) => items.map((f) => f(r));
    }
    case 'map': {
      const entries = e.entries.map(([k, x]) => [k, compileExpr(x)] as const);
      return (r) => {
        const m = new Map<string, unknown>();
        for (const [k, f] of entries) m.set(k, f(r));
        return m;
      };
    }
    case 'range': {
      const fromExpr = compileExpr(e.from);
      const toExpr = compileExpr(e.to);
      return (r) => {
        const from = fromExpr(r);
        const to = toExpr(r);
        if (typeof from !== 'number' || typeof to !== 'number') return null;
        const out: number[] = [];
        const step = from <= to ? 1 : -1;
        for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
        return out;
      };
    }
    case 'operator':
      return compileOperator(e);
  }
}

function compileOperator(e: Extract<Expr, { kind: 'operator' }>): Eval {
  const [l, r] = e.operands;
  switch (e.operator) {
    case '||': {
      const a = compileCondition(l!), b = compileCondition(r!);
      return (x) => a(x) || b(x);
    }
    case '&&': {
      const a = compileCondition(l!), b = compileCondition(r!);
      return (x) => a(x) && b(x);
    }
    case 'not':
    case '!': {
      const a = compileCondition(l!);
      return (x) => !a(x);
    }
    case 'parenthesis':
      return compileExpr(l!);
    case 'minus': {
      const a = compileExpr(l!);
      return (x) => {
        const v = a(x);
        return typeof v === 'number' ? -v : v instanceof JDouble ? new JDouble(-v.value) : null;
      };
    }
  }
  const left = compileExpr(l!);
  const right = compileExpr(r!);
  const op = e.operator;
  switch (op) {
    case '==':
      return (x) => velocityEquals(left(x), right(x));
    case '!=':
      return (x) => !velocityEquals(left(x), right(x));
    case '<':
    case '>':
    case '<=':
    case '>=':
      return (x) => {
        const a = left(x), b = right(x);
        if (!isNumber(a) || !isNumber(b)) return false;
        const p = numberValue(a), q = numberValue(b);
        return op === '<' ? p < q : op === '>' ? p > q : op === '<=' ? p <= q : p >= q;
      };
    case '+':
      return (x) => {
        const a = left(x), b = right(x);
        if ((typeof a === 'string' || typeof b === 'string') && a !== null && b !== null && a !== undefined && b !== undefined)
          return toJavaString(a) + toJavaString(b);
        return arithmetic('+', a, b);
      };
    case '-':
    case '*':
    case '/':
    case '%':
      return (x) => arithmetic(op, left(x), right(x));
    default:
      // Evaluates both sides first, as the tree-walking evaluator did, so their errors come first.
      return (x) => {
        left(x);
        right(x);
        throw new VtlError(`unsupported operator ${op}`, e.line, e.column);
      };
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
