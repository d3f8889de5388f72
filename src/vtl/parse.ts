// Parses template text into the TemplateAst with velocityjs's grammar (its flat parser output, so
// that block structure and whitespace are ours), reporting syntax errors with line and column.
//
// Whitespace follows Velocity 1.7 (checked with the oracle in test/vtl/velocity-oracle): a
// directive (#set, #if, #else, #end, #foreach, a macro call, a ## comment) swallows the spaces and
// the newline that follow it on its line; spaces before it stay; a #* block comment *# swallows
// nothing.

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Access, Expr, IfBranch, MacroDefinition, Position, Reference, TemplateAst, TemplateNode } from './ast.js';
import { VtlError } from './errors.js';
import { JDouble } from './values.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- velocityjs's parser output is untyped
type Raw = any; // velocityjs AST (untyped JSON-ish objects)
type FlatItem = string | Raw;

const require = createRequire(import.meta.url);
// Loaded on the first parse: `apigw-gen lint` imports the VTL engine, and most specs have no templates.
let velocityModule: { parse_1: (t: string) => FlatItem[] } | undefined;
const velocityParse = (t: string): FlatItem[] => {
  if (!velocityModule) {
    const entry = require.resolve('velocityjs');
    // The flat parser (before velocityjs's own block nesting and newline trimming).
    velocityModule = require(path.join(path.dirname(entry), 'parse', 'index.cjs')) as { parse_1: (t: string) => FlatItem[] };
  }
  return velocityModule.parse_1(t);
};

const TOKEN_TEXT: Record<string, string> = {
  PARENTHESIS: '(', CLOSE_PARENTHESIS: ')', BRACKET: '[', CLOSE_BRACKET: ']', MAP_BEGIN: '{', MAP_END: '}',
  VAR_BEGIN: '{', VAR_END: '}', COMMA: ',', DOT: '.', DOLLAR: '$', HASH: '#', EQUAL: '=', EOF: 'end of template',
  STRING: 'a string', EVAL_STRING: 'a string', INTEGER: 'a number', ID: 'a name', BOOL: 'true/false', CONTENT: 'text',
};

function describeToken(t: string): string {
  const clean = t.replace(/^'|'$/g, '');
  return TOKEN_TEXT[clean] ?? clean;
}

/** Line-start offsets, to turn velocityjs positions into text slices. */
class SourceText {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  offset(line: number, column0: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column0;
  }
  /** 1-based line and column of a 0-based offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  slice(pos: Raw): string {
    return this.text.slice(this.offset(pos.first_line, pos.first_column), this.offset(pos.last_line, pos.last_column));
  }
  lineText(line: number): string {
    const s = this.starts[line - 1] ?? 0;
    const e = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(s, e - 1);
  }
}

/**
 * Where the token jison choked on starts. jison's location can start at the whitespace (newlines
 * included) before the token, so search for the token's text from there through the rest of the
 * template, not just that line.
 */
function offendingTokenPosition(src: SourceText, loc: Raw, tokenText: unknown): Position {
  const fallback = { line: loc.first_line, column: loc.first_column + 1 };
  if (typeof tokenText !== 'string' || !tokenText.trim()) return fallback;
  const from = src.offset(loc.first_line, loc.first_column);
  const at = src.text.indexOf(tokenText, from);
  return at >= 0 ? src.position(at) : fallback;
}

function syntaxError(e: Error & { hash?: Raw }, src: SourceText, base: Position | undefined): VtlError {
  const hash = e.hash ?? {};
  let line: number;
  let column: number;
  let message: string;
  if (hash.loc) {
    ({ line, column } = offendingTokenPosition(src, hash.loc, hash.text));
    const got = hash.token === 'EOF' ? 'end of template' : `"${hash.text}"`;
    const expected = Array.isArray(hash.expected) ? [...new Set((hash.expected as string[]).map(describeToken))] : [];
    message = `syntax error: unexpected ${got}${expected.length ? ` (expected ${expected.slice(0, 6).join(', ')})` : ''}`;
  } else {
    // Lexical errors carry only the line; point at the last directive or reference on it.
    line = (typeof hash.line === 'number' ? hash.line : 0) + 1;
    const text = src.lineText(line);
    column = Math.max(text.lastIndexOf('#'), text.lastIndexOf('$')) + 1 || 1;
    message = 'syntax error: unterminated string or unrecognised text';
  }
  if (base) return new VtlError(`${message} (inside a string literal)`, base.line, base.column);
  return new VtlError(message, line, column);
}

interface Ctx {
  src: SourceText;
  /** For a string literal's contents: every position maps to the literal's position. */
  base: Position | undefined;
  macros: Map<string, MacroDefinition>;
}

function posOf(ctx: Ctx, raw: Raw): Position {
  if (ctx.base) return ctx.base;
  const p = raw?.pos;
  return p ? { line: p.first_line, column: p.first_column + 1 } : { line: 1, column: 1 };
}

/** Parse `text` into an AST. Throws VtlError on a syntax error. */
export function parseToAst(text: string, base?: Position): TemplateAst {
  const src = new SourceText(text);
  let flat: FlatItem[];
  try {
    flat = velocityParse(text);
  } catch (e) {
    throw syntaxError(e as Error, src, base);
  }
  const ctx: Ctx = { src, base, macros: new Map() };
  const items = normalizeFlat(flat);
  const nodes = buildBlocks(items, ctx);
  return { nodes, macros: ctx.macros };
}

function isSet(item: FlatItem | undefined): boolean {
  return typeof item === 'object' && item !== null && item.type === 'set';
}

/** Merge adjacent text, cut out `#stop` (velocityjs doesn't know it), and gobble whitespace. */
function normalizeFlat(flat: FlatItem[]): FlatItem[] {
  const merged: FlatItem[] = [];
  for (const item of flat) {
    const last = merged[merged.length - 1];
    if (typeof item === 'string' && typeof last === 'string') merged[merged.length - 1] = last + item;
    else merged.push(item);
  }
  const out: FlatItem[] = [];
  for (const item of merged) {
    if (typeof item === 'string' && /#\{?stop\}?/.test(item)) {
      const parts = item.split(/(#stop(?![A-Za-z0-9_])|#\{stop\})/);
      for (const p of parts) if (p === '#stop' || p === '#{stop}') out.push({ type: 'stop' });
      else if (p) out.push(p);
    } else out.push(item);
  }
  if (typeof out[0] === 'string' && /^[ \t]+$/.test(out[0]) && isSet(out[1])) out.shift();
  for (let i = 0; i < out.length - 1; i++) {
    const item = out[i];
    if (typeof item === 'string') continue;
    const next = out[i + 1];
    if (typeof next !== 'string') continue;
    // References, #[[raw]]# and #* block comments *# keep the newline after them.
    const keepsNewline = item.type === 'references' || item.type === 'raw' || (item.type === 'comment' && String(item.value).startsWith('#*'));
    const trimmed = keepsNewline ? next : next.replace(/^[ \t]*\n/, '');
    // Velocity 1.7's #set token includes the spaces before it when they start a token, i.e. when
    // they follow a directive or a reference rather than text ("$x #set(…)" loses the space).
    if (/^[ \t]*$/.test(trimmed) && isSet(out[i + 2])) out.splice(i + 1, 1);
    else out[i + 1] = trimmed;
  }
  return out;
}

interface OpenBlock {
  opener: Raw;
  nodes: TemplateNode[];
  /** for #if: branches so far */
  branches?: IfBranch[];
}

function buildBlocks(items: FlatItem[], ctx: Ctx): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  const current = () => (stack.length ? stack[stack.length - 1]!.nodes : root);

  for (const item of items) {
    if (typeof item === 'string') {
      if (item) current().push({ kind: 'text', text: item });
      continue;
    }
    switch (item.type) {
      case 'if':
      case 'foreach':
      case 'macro':
      case 'define':
      case 'noescape': {
        const block: OpenBlock = { opener: item, nodes: [] };
        if (item.type === 'if') block.branches = [{ ...posOf(ctx, item), condition: compileExpr(item.condition, ctx, item), body: block.nodes }];
        stack.push(block);
        break;
      }
      case 'elseif':
      case 'else': {
        const top = stack[stack.length - 1];
        const p = posOf(ctx, item);
        if (!top || !top.branches) throw new VtlError(`#${item.type} without a matching #if`, p.line, p.column);
        const last = top.branches[top.branches.length - 1]!;
        if (last.condition === null) throw new VtlError(`#${item.type} after #else`, p.line, p.column);
        top.nodes = [];
        top.branches.push({ ...p, condition: item.type === 'else' ? null : compileExpr(item.condition, ctx, item), body: top.nodes });
        break;
      }
      case 'end': {
        const top = stack.pop();
        const p = posOf(ctx, item);
        if (!top) throw new VtlError('#end without a matching #if, #foreach, #macro or #define', p.line, p.column);
        closeBlock(top, stack.length ? stack[stack.length - 1]!.nodes : root, ctx);
        break;
      }
      case 'macro_body': {
        const p = posOf(ctx, item);
        throw new VtlError('block macro calls (#@name) are not supported', p.line, p.column);
      }
      default:
        current().push(compileLeaf(item, ctx));
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1]!.opener;
    const p = posOf(ctx, open);
    throw new VtlError(`#${open.type} is never closed with #end`, p.line, p.column);
  }
  return root;
}

function closeBlock(block: OpenBlock, parent: TemplateNode[], ctx: Ctx): void {
  const o = block.opener;
  const p = posOf(ctx, o);
  switch (o.type) {
    case 'if':
      parent.push({ kind: 'if', branches: block.branches! });
      return;
    case 'foreach':
      parent.push({ kind: 'foreach', ...p, variable: o.to, iterable: compileExpr(o.from, ctx, o), body: block.nodes });
      return;
    case 'macro':
      ctx.macros.set(o.id, { ...p, name: o.id, params: (o.args ?? []).map((a: Raw) => a.id), body: block.nodes });
      return;
    case 'define':
      parent.push({ kind: 'define', ...p, name: o.id, body: block.nodes });
      return;
    case 'noescape':
      parent.push(...block.nodes);
      return;
  }
}

function compileLeaf(item: Raw, ctx: Ctx): TemplateNode {
  const p = posOf(ctx, item);
  switch (item.type) {
    case 'references':
      return { kind: 'reference', ref: compileRef(item, ctx) };
    case 'set':
      return { kind: 'set', ...p, target: compileRef(item.equal[0], ctx, item), value: compileExpr(item.equal[1], ctx, item) };
    case 'macro_call':
      return { kind: 'macroCall', ...p, name: item.id, args: (item.args ?? []).map((a: Raw) => compileExpr(a, ctx, item)), source: item.pos ? ctx.src.slice(item.pos) : `#${item.id}()` };
    case 'break':
      return { kind: 'break', ...p };
    case 'stop':
      return { kind: 'stop' };
    case 'comment':
      return { kind: 'comment', text: String(item.value) };
    case 'raw':
      return { kind: 'raw', text: String(item.value) };
    case 'content':
      return { kind: 'text', text: String(item.value) };
    default:
      throw new VtlError(`unsupported directive #${item.type}`, p.line, p.column);
  }
}

function compileRef(raw: Raw, ctx: Ctx, owner?: Raw): Reference {
  const p = raw.pos ? posOf(ctx, raw) : posOf(ctx, owner);
  const path: Access[] = (raw.path ?? []).map((a: Raw): Access => {
    if (a.type === 'property') return { kind: 'property', name: a.id };
    if (a.type === 'method') return { kind: 'method', name: a.id, args: (a.args || []).map((x: Raw) => compileExpr(x, ctx, owner ?? raw)) };
    return { kind: 'index', index: compileExpr(a.id, ctx, owner ?? raw) };
  });
  const source = raw.pos && !ctx.base ? ctx.src.slice(raw.pos) : raw.pos ? ctx.src.slice(raw.pos) : `$${raw.id}`;
  return { ...p, root: raw.id, path, quiet: String(raw.leader).includes('!'), source };
}

function compileExpr(raw: Raw, ctx: Ctx, owner: Raw): Expr {
  if (raw === null || raw === undefined) return { kind: 'literal', value: null, literalType: 'null' };
  if (typeof raw === 'string' || typeof raw === 'number') {
    // Range bounds come as bare strings/numbers.
    return { kind: 'literal', value: Number(raw), literalType: 'integer' };
  }
  switch (raw.type) {
    case 'references':
      return { kind: 'reference', ref: compileRef(raw, ctx, owner) };
    case 'integer':
      return { kind: 'literal', value: Number(raw.value), literalType: 'integer' };
    case 'decimal':
      return { kind: 'literal', value: new JDouble(Number(raw.value)), literalType: 'double' };
    case 'bool':
      if (raw.value === 'null') return { kind: 'literal', value: null, literalType: 'null' };
      return { kind: 'literal', value: raw.value === 'true', literalType: 'boolean' };
    case 'string': {
      const value = String(raw.value);
      if (!raw.isEval || (!value.includes('$') && !value.includes('#'))) return { kind: 'literal', value, literalType: 'string' };
      return { kind: 'interpolated', nodes: parseToAst(value, posOf(ctx, owner)).nodes };
    }
    case 'array':
      if (raw.isRange) return { kind: 'range', from: compileExpr(raw.value[0], ctx, owner), to: compileExpr(raw.value[1], ctx, owner) };
      return { kind: 'list', items: (raw.value as Raw[]).map((x) => compileExpr(x, ctx, owner)) };
    case 'map':
      return { kind: 'map', entries: Object.entries((raw.value ?? {}) as Record<string, Raw>).map(([k, v]) => [k, compileExpr(v, ctx, owner)]) };
    case 'math':
      return { kind: 'operator', ...posOf(ctx, owner), operator: raw.operator, operands: (raw.expression as Raw[]).map((x) => compileExpr(x, ctx, owner)) };
    case 'runt':
      return { kind: 'literal', value: String(raw.value), literalType: 'string' };
    default: {
      const p = posOf(ctx, owner);
      throw new VtlError(`unsupported expression (${String(raw.type)})`, p.line, p.column);
    }
  }
}
