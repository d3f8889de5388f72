// Renders a TemplateAst with Velocity 1.7 semantics plus the API Gateway behaviours recorded on
// AWS (see docs in index.ts):
// - a reference whose root variable was never defined, or whose method does not exist, prints its
//   own text (`$foo`, Velocity 1.7); a reference that evaluates to null, or to a property that does
//   not exist, prints nothing (AWS prints missing stage variables, map keys, properties and JSONPath
//   misses as "");
// - `#set($x = <null>)` keeps $x's old value; if $x had none, $x becomes null;
// - `null == ""` is true (AWS, §3.9 5b);
// - #foreach stops after 1000 iterations; #parse and #include fail;
// - macro arguments are passed by name (re-evaluated where the macro reads them), and a #set on a
//   parameter changes only the macro's copy (Velocity 1.7);
// - what a render may allocate or compute is bounded by limits.ts (VtlLimitError, located).

import type { Expr, MacroDefinition, Reference, TemplateAst, TemplateNode } from './ast.js';
import { VtlError, VtlLimitError } from './errors.js';
import { JavaException, callJavaMethod, getJavaIndex, getJavaProperty, javaEquals } from './java-methods.js';
import {
  MAX_CALL_DEPTH,
  MAX_CHARS_PER_RENDER,
  MAX_ELEMENTS_PER_RENDER,
  MAX_FOREACH_ITERATIONS,
  MAX_ITERATIONS_PER_RENDER,
  MAX_OUTPUT_CHARS,
  MAX_STRING_CHARS,
} from './limits.js';
import { JavaRegexError } from './java-regex.js';
import { JsonPathError } from './jsonpath.js';
import { parseToAst } from './parse.js';
import { JavaIterator, JDouble, NO_METHOD, NoSuchElement, isNumber, numberValue, toJavaString, type VtlObject } from './values.js';

// Rendering runs on closures: each template is compiled once (cached per AST) into a tree of
// functions, so a render does no AST dispatch on node kinds and builds no per-access argument
// lists it can avoid. The Renderer holds the per-render state (variables, output, overrides).

type At = { line: number; column: number };

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
  readonly topmost: ForeachScope;
  constructor(
    readonly total: number,
    readonly parent: ForeachScope | null,
  ) {
    this.topmost = parent ? parent.topmost : this;
  }
  vtlProperty(name: string): unknown {
    switch (name) {
      case 'index': return this.index;
      case 'count': return this.index + 1;
      case 'hasNext': return this.index < this.total - 1;
      case 'first': return this.index === 0;
      case 'last': return this.index === this.total - 1;
      case 'parent': return this.parent;
      case 'topmost': return this.topmost;
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
  // Text between the checks of loops, references and calls adds at most one template's length.
  r.checkOutput({ line: 1, column: 1 });
  return { output: r.out, duplicateOverrides: r.duplicates };
}

/**
 * A macro argument, passed by name: the caller's expression, evaluated each time the macro reads the
 * parameter, with the caller's values of the macro's parameter names in place.
 */
class MacroArgument {
  constructor(
    readonly value: Eval,
    readonly callerValues: Map<string, unknown>,
  ) {}
  read(r: Renderer): unknown {
    const vars = r.vars;
    const inner = new Map<string, unknown>();
    for (const [name, v] of this.callerValues) {
      inner.set(name, vars.has(name) ? vars.get(name) : ABSENT);
      restore(vars, name, v);
    }
    try {
      return this.value(r);
    } finally {
      for (const [name, v] of inner) restore(vars, name, v);
    }
  }
}

function isOverrideTarget(ref: Reference): string | undefined {
  if (ref.root !== 'context' || ref.path.length < 2) return undefined;
  const names = ref.path.map((a) => (a.kind === 'property' ? a.name : a.kind === 'index' && a.index.kind === 'literal' ? String(a.index.value) : '?'));
  return names[0] === 'requestOverride' || names[0] === 'responseOverride' ? names.join('.') : undefined;
}

function wrap(e: unknown, at: At): unknown {
  if (e instanceof JavaException || e instanceof JavaRegexError || e instanceof JsonPathError || e instanceof NoSuchElement) return new VtlError(e.message, at.line, at.column);
  // V8's own ceilings (string or array length, call stack) on something the checks below let
  // through in one step: still the template's doing, so still a located error.
  if (e instanceof RangeError) return new VtlLimitError(`the template made a value too large to hold (${e.message})`, at.line, at.column);
  return e;
}

function limitError(message: string, at: At): VtlLimitError {
  return new VtlLimitError(message, at.line, at.column);
}

class Renderer {
  /** Appended with `+=` (V8 ropes; measured faster here than collecting pieces and joining). */
  out = '';
  duplicates: string[] = [];
  assignedOverrides: Set<string> | undefined;
  /** Macro calls, #evaluate and #define blocks being rendered, one inside the other. */
  callDepth = 0;
  /** Shared with the cached AST until #evaluate defines a macro (then copied, never mutated in place). */
  macrosOwned = false;
  /** #foreach iterations, list/map elements and string characters made so far (limits.ts). */
  iterations = 0;
  elements = 0;
  chars = 0;

  constructor(
    public macros: Map<string, MacroDefinition>,
    readonly vars: Map<string, unknown>,
  ) {}

  /** Strings being built by interpolation or #define (their text goes to `out` meanwhile). */
  capturing = 0;

  checkOutput(at: At): void {
    if (this.out.length <= MAX_OUTPUT_CHARS) return;
    if (this.capturing) throw limitError(`a string being built is longer than the ${MAX_STRING_CHARS} characters allowed (API Gateway's 10 MB payload limit)`, at);
    throw limitError(`the output is longer than ${MAX_OUTPUT_CHARS} characters (API Gateway's 10 MB payload limit)`, at);
  }

  /** Count `n` new list or map elements (`what` names them in the error). */
  addElements(n: number, at: At, what = 'list or map elements'): void {
    this.elements += n;
    if (this.elements > MAX_ELEMENTS_PER_RENDER) throw limitError(`${what}: more than ${MAX_ELEMENTS_PER_RENDER} list or map elements made in one render`, at);
  }

  /** Count a string the template made; returns it. */
  madeString<T>(s: T, at: At): T {
    if (typeof s !== 'string') return s;
    if (s.length > MAX_STRING_CHARS) throw limitError(`a string of ${s.length} characters is longer than the ${MAX_STRING_CHARS} allowed (API Gateway's 10 MB payload limit)`, at);
    this.chars += s.length;
    if (this.chars > MAX_CHARS_PER_RENDER) throw limitError(`the template made more than ${MAX_CHARS_PER_RENDER} characters of strings in one render`, at);
    return s;
  }

  enterCall(what: string, at: At): void {
    if (this.callDepth >= MAX_CALL_DEPTH) throw limitError(`${what}: macro calls, #evaluate and #define blocks nested deeper than ${MAX_CALL_DEPTH} (Velocity's velocimacro.max.depth)`, at);
    this.callDepth++;
  }

  capture(body: Step, at: At): string {
    const saved = this.out;
    this.out = '';
    this.capturing++;
    try {
      body(this);
      this.checkOutput(at);
      return this.madeString(this.out, at);
    } finally {
      this.capturing--;
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
      return foreachStep(node, compileNodes(node.body));
    case 'macroCall':
      return macroCallStep(node);
    case 'define': {
      const body = compileNodes(node.body);
      const name = node.name;
      return (r) => {
        r.vars.set(
          name,
          new DefinedBlock(() => {
            r.enterCall(`#define($${name})`, node);
            try {
              return r.capture(body, node);
            } finally {
              r.callDepth--;
            }
          }),
        );
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
  const escapes = ref.escapes ?? 0;
  if (escapes) return escapedReferenceStep(ref, get, escapes);
  const unresolvedText = ref.quiet ? '' : ref.source;
  return (r) => {
    const v = get(r);
    if (v === UNRESOLVED) r.out += unresolvedText;
    else if (v === null || v === undefined) return;
    else {
      try {
        r.out += typeof v === 'string' ? v : toJavaString(v);
      } catch (e) {
        throw wrap(e, ref);
      }
      r.checkOutput(ref);
    }
  };
}

/**
 * `\$x`, `\\$x` …, as Velocity 1.7's ASTReference renders them: each pair of backslashes prints one;
 * an odd one left over escapes the reference, which then prints as text (`$x`) when it has a value
 * and keeps that backslash (`\$x`) when it has none. An even count renders the reference as usual,
 * or, when it has no value, all the backslashes and the reference text.
 */
function escapedReferenceStep(ref: Reference, get: RefEval, escapes: number): Step {
  const half = '\\'.repeat(escapes >> 1);
  const escaped = escapes % 2 === 1;
  return (r) => {
    const v = get(r);
    const none = v === UNRESOLVED || v === null || v === undefined;
    if (escaped) r.out += none ? `${half}\\${ref.source}` : `${half}${ref.source}`;
    else if (v === UNRESOLVED) r.out += `${half}${half}${ref.source}`;
    else r.out += none ? half : half + toJavaString(v);
    r.checkOutput(ref);
  };
}

function setStep(target: Reference, value: Eval, at: { line: number; column: number }): Step {
  const root = target.root;
  if (target.path.length === 0)
    return (r) => {
      const v = value(r);
      if (v === null || v === undefined) {
        // Velocity 1.7: a null right side leaves the variable as it was.
        let old = r.vars.get(root);
        if (old instanceof MacroArgument) old = old.read(r);
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

/** The loop variables #foreach sets and puts back afterwards. */
const LOOP_VARIABLES = ['velocityCount', 'velocityHasNext', 'foreach'] as const;

function foreachStep(node: Extract<TemplateNode, { kind: 'foreach' }>, body: Step): Step {
  const variable = node.variable;
  // A range written in the #foreach is walked, not built: `[1..2000000000]` runs its 1,000 iterations.
  const range = node.iterable.kind === 'range' ? rangeBounds(node.iterable) : undefined;
  const iterable = compileExpr(node.iterable);
  return (r) => {
    let total: number;
    let itemAt: (i: number) => unknown;
    const bounds = range?.(r);
    if (range) {
      if (!bounds) return;
      const [from, to] = bounds;
      const step = from <= to ? 1 : -1;
      total = Math.abs(to - from) + 1;
      itemAt = (i) => from + i * step;
    } else {
      const source = iterable(r);
      let items: unknown[];
      if (Array.isArray(source)) items = source.slice();
      else if (source instanceof Map) items = [...source.values()];
      else if (source instanceof JavaIterator) items = source.drain();
      else items = [];
      total = items.length;
      itemAt = (i) => items[i];
    }
    const vars = r.vars;
    const savedItem = vars.has(variable) ? vars.get(variable) : ABSENT;
    const saved = LOOP_VARIABLES.map((name) => (vars.has(name) ? vars.get(name) : ABSENT));
    const parent = vars.get('foreach');
    const n = Math.min(total, MAX_FOREACH_ITERATIONS);
    const scope = new ForeachScope(total, parent instanceof ForeachScope ? parent : null);
    try {
      for (let i = 0; i < n; i++) {
        if (++r.iterations > MAX_ITERATIONS_PER_RENDER) throw limitError(`#foreach: more than ${MAX_ITERATIONS_PER_RENDER} loop iterations in one render (nested loops multiply)`, node);
        vars.set(variable, itemAt(i));
        vars.set('velocityCount', i + 1);
        vars.set('velocityHasNext', i < total - 1);
        scope.index = i;
        vars.set('foreach', scope);
        try {
          body(r);
        } catch (e) {
          if (e instanceof BreakSignal) break;
          throw e;
        }
        r.checkOutput(node);
      }
    } finally {
      restore(vars, variable, savedItem);
      LOOP_VARIABLES.forEach((name, i) => restore(vars, name, saved[i]));
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
  const literalArgs = node.args.map((a) => a.kind === 'literal');
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
      r.enterCall('#evaluate', node);
      try {
        compileNodes(ast.nodes)(r);
      } finally {
        r.callDepth--;
      }
      r.checkOutput(node);
    };
  return (r) => {
    const macro = r.macros.get(node.name);
    if (!macro) {
      r.out += node.source;
      return;
    }
    r.enterCall(`#${node.name}`, node);
    const vars = r.vars;
    const callerValues = new Map<string, unknown>();
    for (const p of macro.params) callerValues.set(p, vars.has(p) ? vars.get(p) : ABSENT);
    macro.params.forEach((p, i) => {
      const a = args[i];
      if (a === undefined) vars.delete(p);
      // Literals need no re-evaluation; everything else is passed by name.
      else if (literalArgs[i]) vars.set(p, a(r));
      else vars.set(p, new MacroArgument(a, callerValues));
    });
    try {
      compileNodes(macro.body)(r);
    } finally {
      r.callDepth--;
      for (const [p, v] of callerValues) restore(vars, p, v);
    }
    r.checkOutput(node);
  };
}

// ---- references -------------------------------------------------------------------------------

/** One access step: the next value, null (stop: prints ""), or UNRESOLVED (prints the reference text). */
type AccessStep = (v: unknown, r: Renderer) => unknown;
const NO_ARGS: unknown[] = [];

/** A collection's element count, to charge what a method call added to it. */
function sizeOf(v: unknown): number {
  return Array.isArray(v) ? v.length : v instanceof Map ? v.size : 0;
}

function compileAccess(a: Reference['path'][number], at: At): AccessStep {
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
      const before = sizeOf(v);
      const x = callJavaMethod(v, name, values);
      if (x === NO_METHOD) return UNRESOLVED;
      const grown = sizeOf(v) - before;
      if (grown > 0) r.addElements(grown, at, `${name}() grew a collection to ${sizeOf(v)} elements`);
      return r.madeString(x, at);
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
  const steps = ref.path.slice(0, depth).map((a) => compileAccess(a, ref));
  const n = steps.length;
  if (n === 0)
    return (r) => {
      const v = r.vars.get(root);
      if (v instanceof MacroArgument) return v.read(r);
      return v === undefined && !r.vars.has(root) ? UNRESOLVED : v;
    };
  return (r) => {
    let v = r.vars.get(root);
    if (v === undefined && !r.vars.has(root)) return UNRESOLVED;
    if (v instanceof MacroArgument) v = v.read(r);
    if (v === UNRESOLVED) return UNRESOLVED;
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
      return (r) => r.capture(body, e);
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
      return (r) => {
        const list = items.map((f) => f(r));
        r.addElements(list.length, e);
        return list;
      };
    }
    case 'map': {
      // Keys print as Java's toString() of the key (`{1 : 2}` is `{1=2}`); maps here are keyed by that text.
      const entries = e.entries.map(([k, x]) => [compileExpr(k), compileExpr(x)] as const);
      return (r) => {
        const m = new Map<string, unknown>();
        for (const [k, f] of entries) {
          const key = k(r);
          m.set(typeof key === 'string' ? key : toJavaString(key), f(r));
        }
        r.addElements(m.size, e);
        return m;
      };
    }
    case 'range': {
      const bounds = rangeBounds(e);
      return (r) => {
        const b = bounds(r);
        if (!b) return null;
        const [from, to] = b;
        const size = Math.abs(to - from) + 1;
        // Checked before anything is allocated: `[1..2000000000]` must not be built to be refused.
        r.addElements(size, e, `[${from}..${to}] has ${size} elements`);
        const out = new Array<number>(size);
        const step = from <= to ? 1 : -1;
        for (let i = 0; i < size; i++) out[i] = from + i * step;
        return out;
      };
    }
    case 'operator':
      return compileOperator(e);
  }
}

/** A range's integer bounds, or undefined when either is not an integer (Velocity renders null then). */
function rangeBounds(e: Extract<Expr, { kind: 'range' }>): (r: Renderer) => [number, number] | undefined {
  const fromExpr = compileExpr(e.from);
  const toExpr = compileExpr(e.to);
  return (r) => {
    const from = fromExpr(r);
    const to = toExpr(r);
    if (typeof from !== 'number' || typeof to !== 'number' || !Number.isInteger(from) || !Number.isInteger(to)) return undefined;
    return [from, to];
  };
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
        if ((typeof a === 'string' || typeof b === 'string') && a !== null && b !== null && a !== undefined && b !== undefined) {
          const left = toJavaString(a);
          const right = toJavaString(b);
          // Checked before concatenating, so a doubling loop stops at the limit, not past it.
          if (left.length + right.length > MAX_STRING_CHARS) throw limitError(`"+" would make a string of ${left.length + right.length} characters, longer than the ${MAX_STRING_CHARS} allowed (API Gateway's 10 MB payload limit)`, e);
          return x.madeString(left + right, e);
        }
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
