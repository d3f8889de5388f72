// Parses template text into the TemplateAst: a hand-written lexer and recursive-descent parser for
// the Apache Velocity 1.7 grammar (Parser.jjt), with exact 1-based template positions.
//
// Two passes, as Velocity's own token stream works: `scan` turns the text into a flat list of text
// runs and directives (each carrying its parsed expressions), `normalizeWhitespace` applies 1.7's
// whitespace gobbling, and `buildBlocks` nests #if/#foreach/#macro/#define bodies.
//
// Whitespace follows Velocity 1.7 (checked with the oracle in test/vtl/velocity-oracle): a
// directive with parentheses (#set, #if, #foreach, a macro call), #else, #end and a ## comment
// swallow the spaces and the newline that follow them on their line; spaces before them stay; a
// #* block comment *#, #[[raw]]# and a macro called without parentheses swallow nothing.
//
// Grammar points that follow 1.7 rather than intuition (each is a case in test/vtl):
// - method, macro and #foreach arguments are parameters (literals, references, lists, ranges,
//   maps), not arbitrary expressions; `-` is part of a number literal, not a unary operator;
// - string literals have no backslash escapes: `""` inside "…" is `"`, `''` inside '…' is `'`,
//   and "…" also turns `\uXXXX` into its character and is interpolated as a template;
// - identifiers may contain `-` (`$a-b` is one name);
// - `\$x` / `\#if` escape by the number of backslashes before them (see Reference.escapes).

import type { Access, Expr, IfBranch, MacroDefinition, Position, Reference, TemplateAst, TemplateNode } from './ast.js';
import { VtlError } from './errors.js';
import { JDouble } from './values.js';

/**
 * How deeply blocks (#if, #foreach, #macro, #define), parentheses, lists, maps and strings inside
 * strings may nest. Velocity documents no limit (its parser recurses on the JVM stack); API
 * Gateway templates in practice nest a handful of levels. The bound keeps parsing and rendering
 * recursion within the stack, and a template past it gets a located error.
 */
export const MAX_NESTING_DEPTH = 100;

/** The directives of Velocity 1.7 (`\#name` before any of these, or a macro defined so far, is an escape). */
const DIRECTIVES = new Set(['set', 'if', 'elseif', 'else', 'end', 'foreach', 'macro', 'define', 'break', 'stop', 'evaluate', 'parse', 'include']);

const isIdStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isIdChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);
const isWordStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_@]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Line-start offsets of a text, to turn offsets into 1-based line and column. */
class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
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
}

// ---- flat items ------------------------------------------------------------------------------

type Item =
  | { type: 'text'; text: string }
  | { type: 'reference'; ref: Reference }
  | ({ type: 'set'; target: Reference; value: Expr } & Position)
  | ({ type: 'if'; condition: Expr } & Position)
  | ({ type: 'elseif'; condition: Expr } & Position)
  | ({ type: 'else' } & Position)
  | ({ type: 'end' | 'break' | 'stop' } & Position)
  | ({ type: 'foreach'; variable: string; iterable: Expr } & Position)
  | ({ type: 'macro'; name: string; params: string[] } & Position)
  | ({ type: 'define'; name: string } & Position)
  | ({ type: 'call'; name: string; args: Expr[]; source: string; parens: boolean } & Position)
  | { type: 'comment'; text: string; block: boolean }
  | { type: 'raw'; text: string };

/** Where a text being parsed sits in the template: the template itself, or a string literal's contents. */
interface Origin {
  lines: LineMap;
  /** Template offset of each character of the text (string literal contents), or none for the template. */
  offsets?: number[];
  /** Template offset of the end of the text. */
  end: number;
}

class Scanner {
  pos = 0;
  readonly items: Item[] = [];

  constructor(
    readonly text: string,
    private readonly origin: Origin,
    /** Macro names defined so far (shared with nested scanners): `\#name` escapes them. */
    private readonly macroNames: Set<string>,
    private depth: number,
  ) {}

  // -- positions and errors --

  at(offset: number): Position {
    const o = this.origin.offsets ? (this.origin.offsets[offset] ?? this.origin.end) : offset;
    return this.origin.lines.position(o);
  }

  fail(message: string, offset = this.pos): never {
    const p = this.at(offset);
    throw new VtlError(message, p.line, p.column);
  }

  unexpected(expected: string): never {
    const c = this.text[this.pos];
    const got = c === undefined ? 'end of template' : `"${c}"`;
    this.fail(`syntax error: unexpected ${got} (expected ${expected})`);
  }

  enter(offset: number): void {
    if (++this.depth > MAX_NESTING_DEPTH) this.fail(`nested deeper than ${MAX_NESTING_DEPTH} levels (blocks, parentheses, lists, maps and strings count)`, offset);
  }

  leave(): void {
    this.depth--;
  }

  peek(n = 0): string | undefined {
    return this.text[this.pos + n];
  }

  startsWith(s: string, at = this.pos): boolean {
    return this.text.startsWith(s, at);
  }

  /** Spaces, tabs and newlines inside a directive's parentheses. */
  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  expect(ch: string, expected = `"${ch}"`): void {
    if (this.text[this.pos] !== ch) this.unexpected(expected);
    this.pos++;
  }

  appendText(s: string): void {
    const last = this.items[this.items.length - 1];
    if (last?.type === 'text') last.text += s;
    else this.items.push({ type: 'text', text: s });
  }

  // -- template text --

  scanTemplate(): Item[] {
    const t = this.text;
    while (this.pos < t.length) {
      const start = this.pos;
      // Plain text up to the next character that can start something.
      while (this.pos < t.length && t[this.pos] !== '$' && t[this.pos] !== '#' && t[this.pos] !== '\\') this.pos++;
      if (this.pos > start) this.appendText(t.slice(start, this.pos));
      if (this.pos >= t.length) break;
      const c = t[this.pos]!;
      if (c === '\\') this.scanBackslashes();
      else if (c === '$') this.scanReferenceOrText(0);
      else this.scanHash(0);
    }
    return this.items;
  }

  /** A run of backslashes: they escape a following reference or directive (Velocity 1.7 rules). */
  private scanBackslashes(): void {
    const start = this.pos;
    while (this.text[this.pos] === '\\') this.pos++;
    const n = this.pos - start;
    const next = this.text[this.pos];
    if (next === '$' && this.referenceStartsAt(this.pos)) {
      this.scanReferenceOrText(n);
      return;
    }
    if (next === '#') {
      const word = this.directiveWordAt(this.pos);
      if (word && (DIRECTIVES.has(word.name) || this.macroNames.has(word.name))) {
        if (n % 2 === 1) {
          // `\#if`: the directive is text; each pair of backslashes before it prints one.
          this.appendText('\\'.repeat((n - 1) >> 1) + this.text.slice(this.pos, word.end));
          this.pos = word.end;
        } else {
          this.appendText('\\'.repeat(n >> 1));
          this.scanHash(n);
        }
        return;
      }
    }
    this.appendText(this.text.slice(start, this.pos));
  }

  /** `#name` or `#{name}` at `at`: the name and where it ends. */
  private directiveWordAt(at: number): { name: string; end: number; braced: boolean } | undefined {
    const t = this.text;
    let i = at + 1;
    const braced = t[i] === '{';
    if (braced) i++;
    if (!isWordStart(t[i])) return undefined;
    const s = i;
    while (isIdChar(t[i])) i++;
    const name = t.slice(s, i);
    if (braced) {
      if (t[i] !== '}') return undefined;
      i++;
    }
    return { name, end: i, braced };
  }

  // -- references --

  private referenceStartsAt(at: number): boolean {
    const t = this.text;
    let i = at + 1;
    if (t[i] === '!') i++;
    if (t[i] === '{') i++;
    return isIdStart(t[i]);
  }

  private scanReferenceOrText(escapes: number): void {
    if (!this.referenceStartsAt(this.pos)) {
      this.appendText('$');
      this.pos++;
      return;
    }
    const ref = this.reference();
    if (escapes) ref.escapes = escapes;
    this.items.push({ type: 'reference', ref });
  }

  /** `$name…`, `$!name…`, `${name…}`, `$!{name…}` at `pos` (a `$`). */
  reference(): Reference {
    const start = this.pos;
    const p = this.at(start);
    this.pos++;
    let quiet = false;
    if (this.peek() === '!') {
      quiet = true;
      this.pos++;
    }
    const braced = this.peek() === '{';
    if (braced) this.pos++;
    if (!isIdStart(this.peek())) this.unexpected('a name');
    const root = this.identifier();
    const path: Access[] = [];
    for (;;) {
      const c = this.peek();
      if (c === '.' && isIdStart(this.peek(1))) {
        this.pos++;
        const name = this.identifier();
        if (this.peek() === '(') {
          this.enter(this.pos);
          this.pos++;
          const args = this.parameterList(')');
          this.leave();
          path.push({ kind: 'method', name, args });
        } else path.push({ kind: 'property', name });
      } else if (c === '[' && this.indexFollows()) {
        this.enter(this.pos);
        this.pos++;
        this.skipSpace();
        const index = this.parameter();
        this.skipSpace();
        this.expect(']');
        this.leave();
        path.push({ kind: 'index', index });
      } else break;
    }
    if (braced) this.expect('}', '"}" closing the reference');
    return { ...p, root, path, quiet, source: this.text.slice(start, this.pos) };
  }

  /** `[` after a reference starts an index only when a parameter follows (`$a[0]`, `$a[$i]`, `$a["k"]`). */
  private indexFollows(): boolean {
    const c = this.peek(1);
    return c === '$' || c === '"' || c === "'" || c === '-' || isDigit(c);
  }

  private identifier(): string {
    const s = this.pos;
    while (isIdChar(this.peek())) this.pos++;
    return this.text.slice(s, this.pos);
  }

  // -- directives --

  /** `#` at `pos`: a comment, raw block, directive, macro call, or a literal `#`. */
  private scanHash(escapes: number): void {
    const t = this.text;
    const start = this.pos;
    if (escapes === 0 && t[start + 1] === '#') {
      let e = t.indexOf('\n', start);
      e = e < 0 ? t.length : e + 1;
      this.items.push({ type: 'comment', text: t.slice(start, e), block: false });
      this.pos = e;
      return;
    }
    if (escapes === 0 && t[start + 1] === '*') {
      const e = t.indexOf('*#', start + 2);
      if (e < 0) this.fail('syntax error: #* comment is never closed with *#', start);
      this.items.push({ type: 'comment', text: t.slice(start, e + 2), block: true });
      this.pos = e + 2;
      return;
    }
    if (escapes === 0 && t.startsWith('[[', start + 1)) {
      const e = t.indexOf(']]#', start + 3);
      if (e < 0) this.fail('syntax error: #[[ is never closed with ]]#', start);
      this.items.push({ type: 'raw', text: t.slice(start + 3, e) });
      this.pos = e + 3;
      return;
    }
    const word = this.directiveWordAt(start);
    if (!word) {
      this.appendText('#');
      this.pos++;
      return;
    }
    const p = this.at(start);
    this.pos = word.end;
    switch (word.name) {
      case 'set': {
        this.openParen('#set');
        this.skipSpace();
        if (this.peek() !== '$') this.unexpected('a reference to assign');
        const target = this.reference();
        this.skipSpace();
        this.expect('=');
        const value = this.expression();
        this.closeParen();
        this.items.push({ type: 'set', ...p, target, value });
        return;
      }
      case 'if':
      case 'elseif': {
        this.openParen(`#${word.name}`);
        const condition = this.expression();
        this.closeParen();
        this.items.push(word.name === 'if' ? { type: 'if', ...p, condition } : { type: 'elseif', ...p, condition });
        return;
      }
      case 'else':
      case 'end':
        this.items.push({ type: word.name, ...p });
        return;
      case 'stop':
      case 'break':
        // `#break($foreach)` names the scope to leave; the innermost one is the only kind here.
        if (this.parenFollows()) {
          this.openParen(`#${word.name}`);
          this.parameterList(')');
        }
        this.items.push({ type: word.name, ...p });
        return;
      case 'foreach': {
        this.openParen('#foreach');
        this.skipSpace();
        if (this.peek() !== '$') this.unexpected('the loop variable ($name)');
        const v = this.reference();
        if (v.path.length) this.fail('syntax error: the #foreach variable must be a plain name', this.pos);
        this.skipSpace();
        if (!(this.startsWith('in') && !isIdChar(this.peek(2)))) this.unexpected('"in"');
        this.pos += 2;
        this.skipSpace();
        const iterable = this.parameter();
        this.closeParen();
        this.items.push({ type: 'foreach', ...p, variable: v.root, iterable });
        return;
      }
      case 'macro': {
        this.openParen('#macro');
        this.skipSpace();
        if (!isWordStart(this.peek())) this.unexpected('the macro name');
        const name = this.identifier();
        const params: string[] = [];
        for (;;) {
          this.skipSpace();
          if (this.peek() === ',') {
            this.pos++;
            this.skipSpace();
          }
          if (this.peek() !== '$') break;
          const r = this.reference();
          if (r.path.length) this.fail('syntax error: a macro parameter must be a plain $name', this.pos);
          params.push(r.root);
        }
        this.expect(')', '")" or a $parameter');
        this.macroNames.add(name);
        this.items.push({ type: 'macro', ...p, name, params });
        return;
      }
      case 'define': {
        this.openParen('#define');
        this.skipSpace();
        if (this.peek() !== '$') this.unexpected('the block reference ($name)');
        const r = this.reference();
        this.closeParen();
        this.items.push({ type: 'define', ...p, name: r.root });
        return;
      }
    }
    if (word.name.startsWith('@')) this.fail('block macro calls (#@name) are not supported', start);
    // A macro call (or #evaluate/#parse/#include): `#name(args)`, or `#name` alone.
    if (this.parenFollows()) {
      this.openParen(`#${word.name}`);
      const args = this.callArguments(this.macroNames.has(word.name));
      this.items.push({ type: 'call', ...p, name: word.name, args, source: t.slice(start, this.pos), parens: true });
    } else {
      this.items.push({ type: 'call', ...p, name: word.name, args: [], source: t.slice(start, this.pos), parens: false });
    }
  }

  private parenFollows(): boolean {
    let i = this.pos;
    while (/[ \t\r\n]/.test(this.text[i] ?? '')) i++;
    return this.text[i] === '(';
  }

  private openParen(directive: string): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
    this.expect('(', `"(" after ${directive}`);
  }

  private closeParen(): void {
    this.skipSpace();
    this.expect(')');
  }

  /** Macro call arguments: parameters or bare words, separated by spaces and/or commas, then `)`. */
  private callArguments(knownMacro: boolean): Expr[] {
    const args: Expr[] = [];
    for (;;) {
      this.skipSpace();
      if (args.length && this.peek() === ',') {
        this.pos++;
        this.skipSpace();
      }
      if (this.peek() === ')') {
        this.pos++;
        return args;
      }
      if (isWordStart(this.peek()) && !this.isKeywordLiteral()) {
        // A bare word: Velocity keeps it as text for a name that is not a macro (yet).
        if (knownMacro) this.unexpected('a macro argument (a reference or a literal)');
        args.push({ kind: 'literal', value: this.identifier(), literalType: 'string' });
        continue;
      }
      if (!this.parameterStarts()) this.unexpected('an argument or ")"');
      args.push(this.parameter());
    }
  }

  // -- expressions --

  /** `a, b, c` then `close`: method arguments (parameters, possibly none). */
  private parameterList(close: string): Expr[] {
    const out: Expr[] = [];
    this.skipSpace();
    if (this.peek() === close) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.parameter());
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      this.expect(close, `"," or "${close}"`);
      return out;
    }
  }

  private isKeywordLiteral(): boolean {
    return /^(true|false|null)(?![A-Za-z0-9_-])/.test(this.text.slice(this.pos, this.pos + 6));
  }

  private parameterStarts(): boolean {
    const c = this.peek();
    return c === '$' || c === '"' || c === "'" || c === '[' || c === '{' || isDigit(c) || (c === '-' && isDigit(this.peek(1))) || this.isKeywordLiteral();
  }

  /** A Velocity "Parameter": literal, reference, list, range or map (no operators). */
  parameter(): Expr {
    const c = this.peek();
    if (c === '$') {
      if (!this.referenceStartsAt(this.pos)) this.unexpected('a reference');
      return { kind: 'reference', ref: this.reference() };
    }
    if (c === '"' || c === "'") return this.stringLiteral();
    if (c === '[') return this.listOrRange();
    if (c === '{') return this.mapLiteral();
    if (isDigit(c) || (c === '-' && isDigit(this.peek(1)))) return this.number();
    if (this.isKeywordLiteral()) {
      const w = this.identifier();
      if (w === 'null') return { kind: 'literal', value: null, literalType: 'null' };
      return { kind: 'literal', value: w === 'true', literalType: 'boolean' };
    }
    this.unexpected('a value');
  }

  private number(): Expr {
    const t = this.text;
    const s = this.pos;
    if (t[this.pos] === '-') this.pos++;
    while (isDigit(t[this.pos])) this.pos++;
    let double = false;
    if (t[this.pos] === '.' && isDigit(t[this.pos + 1])) {
      double = true;
      this.pos++;
      while (isDigit(t[this.pos])) this.pos++;
    }
    const e = /^[eE][+-]?[0-9]+/.exec(t.slice(this.pos, this.pos + 12));
    if (e) {
      double = true;
      this.pos += e[0].length;
    }
    const value = Number(t.slice(s, this.pos));
    return double ? { kind: 'literal', value: new JDouble(value), literalType: 'double' } : { kind: 'literal', value, literalType: 'integer' };
  }

  private listOrRange(): Expr {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    this.skipSpace();
    if (this.peek() === ']') {
      this.pos++;
      this.leave();
      return { kind: 'list', ...this.at(open), items: [] };
    }
    const first = this.parameter();
    this.skipSpace();
    if (this.startsWith('..')) {
      this.pos += 2;
      this.skipSpace();
      const to = this.parameter();
      this.skipSpace();
      this.expect(']');
      this.leave();
      return { kind: 'range', ...this.at(open), from: first, to };
    }
    const items = [first];
    while (this.peek() === ',') {
      this.pos++;
      this.skipSpace();
      items.push(this.parameter());
      this.skipSpace();
    }
    this.expect(']', '"," or "]"');
    this.leave();
    return { kind: 'list', ...this.at(open), items };
  }

  private mapLiteral(): Expr {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    this.skipSpace();
    const entries: Array<[Expr, Expr]> = [];
    if (this.peek() !== '}') {
      for (;;) {
        this.skipSpace();
        const key = this.parameter();
        this.skipSpace();
        this.expect(':');
        this.skipSpace();
        entries.push([key, this.parameter()]);
        this.skipSpace();
        if (this.peek() !== ',') break;
        this.pos++;
      }
    }
    this.expect('}', '"," or "}"');
    this.leave();
    return { kind: 'map', ...this.at(open), entries };
  }

  /** "…" (interpolated, `""` and `\uXXXX` unescaped) or '…' (`''` unescaped, otherwise as written). */
  private stringLiteral(): Expr {
    const t = this.text;
    const q = t[this.pos]!;
    const open = this.pos;
    let value = '';
    const offsets: number[] = [];
    let i = this.pos + 1;
    for (;;) {
      if (i >= t.length) this.fail('syntax error: string literal is never closed', open);
      const c = t[i]!;
      if (c === q) {
        if (t[i + 1] !== q) break;
        value += q;
        offsets.push(i);
        i += 2;
        continue;
      }
      if (q === '"' && c === '\\' && t[i + 1] === 'u' && /^[0-9A-Fa-f]{4}$/.test(t.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
        offsets.push(i);
        i += 6;
        continue;
      }
      value += c;
      offsets.push(i);
      i++;
    }
    this.pos = i + 1;
    if (q === "'" || (!value.includes('$') && !value.includes('#'))) return { kind: 'literal', value, literalType: 'string' };
    this.enter(open);
    const templateOffsets = this.origin.offsets ? offsets.map((o) => this.origin.offsets![o] ?? this.origin.end) : offsets;
    const inner = new Scanner(value, { lines: this.origin.lines, offsets: templateOffsets, end: this.origin.offsets ? (this.origin.offsets[i] ?? this.origin.end) : i }, this.macroNames, this.depth);
    const nodes = buildBlocks(normalizeWhitespace(inner.scanTemplate()), new Map());
    this.leave();
    return { kind: 'interpolated', ...this.at(open), nodes };
  }

  /** Velocity's Expression: `||`/or, `&&`/and, `==`/eq `!=`/ne, `<`/lt …, `+ -`, `* / %`, `!`/not. */
  expression(): Expr {
    return this.binary(0);
  }

  private static readonly LEVELS: Array<Array<[string, string]>> = [
    [['||', '||'], ['or', '||']],
    [['&&', '&&'], ['and', '&&']],
    [['==', '=='], ['!=', '!='], ['eq', '=='], ['ne', '!=']],
    [['<=', '<='], ['>=', '>='], ['<', '<'], ['>', '>'], ['le', '<='], ['ge', '>='], ['lt', '<'], ['gt', '>']],
    [['+', '+'], ['-', '-']],
    [['*', '*'], ['/', '/'], ['%', '%']],
  ];

  private operatorAt(level: number): string | undefined {
    for (const [token, op] of Scanner.LEVELS[level]!) {
      if (!this.startsWith(token)) continue;
      if (/[a-z]/.test(token[0]!) && isIdChar(this.peek(token.length))) continue;
      if (token === '=' || (token === '!' && this.peek(1) === '=')) continue;
      this.pos += token.length;
      return op;
    }
    return undefined;
  }

  private binary(level: number): Expr {
    if (level === Scanner.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      const op = this.operatorAt(level);
      if (!op) return left;
      const right = this.binary(level + 1);
      left = { kind: 'operator', ...this.at(at), operator: op, operands: [left, right] };
    }
  }

  private unary(): Expr {
    this.skipSpace();
    const at = this.pos;
    if ((this.peek() === '!' && this.peek(1) !== '=') || (this.startsWith('not') && !isIdChar(this.peek(3)))) {
      this.pos += this.peek() === '!' ? 1 : 3;
      this.enter(at);
      const operand = this.unary();
      this.leave();
      return { kind: 'operator', ...this.at(at), operator: '!', operands: [operand] };
    }
    if (this.peek() === '(') {
      this.enter(at);
      this.pos++;
      const inner = this.expression();
      this.skipSpace();
      this.expect(')', 'an operator or ")"');
      this.leave();
      return { kind: 'operator', ...this.at(at), operator: 'parenthesis', operands: [inner] };
    }
    if (!this.parameterStarts()) this.unexpected('a value');
    return this.parameter();
  }
}

// ---- whitespace and blocks --------------------------------------------------------------------

/** Gobble whitespace as Velocity 1.7 does (see the file comment). */
function normalizeWhitespace(items: Item[]): Item[] {
  const out = items.slice();
  const isSet = (i: Item | undefined) => i?.type === 'set';
  if (out[0]?.type === 'text' && /^[ \t]+$/.test(out[0].text) && isSet(out[1])) out.shift();
  for (let i = 0; i < out.length - 1; i++) {
    const item = out[i]!;
    const next = out[i + 1]!;
    if (item.type === 'text' || next.type !== 'text') continue;
    const keepsNewline =
      item.type === 'reference' || item.type === 'raw' || (item.type === 'comment' && item.block) || (item.type === 'call' && !item.parens);
    const eaten = keepsNewline ? '' : (/^[ \t]*\n/.exec(next.text)?.[0] ?? '');
    // An unknown macro prints its call literally, with the newline its closing parenthesis took.
    if (eaten && item.type === 'call') out[i] = { ...item, source: item.source + eaten };
    const trimmed = next.text.slice(eaten.length);
    // Velocity 1.7's #set token includes the spaces before it when they start a token, i.e. when
    // they follow a directive or a reference rather than text ("$x #set(…)" loses the space).
    if (/^[ \t]*$/.test(trimmed) && isSet(out[i + 2])) {
      out.splice(i + 1, 1);
    } else out[i + 1] = { type: 'text', text: trimmed };
  }
  return out.filter((i) => i.type !== 'text' || i.text !== '');
}

interface OpenBlock {
  opener: Extract<Item, { type: 'if' | 'foreach' | 'macro' | 'define' }>;
  nodes: TemplateNode[];
  branches?: IfBranch[];
}

function buildBlocks(items: Item[], macros: Map<string, MacroDefinition>): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  const current = () => (stack.length ? stack[stack.length - 1]!.nodes : root);
  for (const item of items) {
    switch (item.type) {
      case 'text':
        current().push({ kind: 'text', text: item.text });
        break;
      case 'reference':
        current().push({ kind: 'reference', ref: item.ref });
        break;
      case 'set':
        current().push({ kind: 'set', line: item.line, column: item.column, target: item.target, value: item.value });
        break;
      case 'if':
      case 'foreach':
      case 'macro':
      case 'define': {
        if (stack.length >= MAX_NESTING_DEPTH) throw new VtlError(`#${item.type} nested deeper than ${MAX_NESTING_DEPTH} blocks`, item.line, item.column);
        const block: OpenBlock = { opener: item, nodes: [] };
        if (item.type === 'if') block.branches = [{ line: item.line, column: item.column, condition: item.condition, body: block.nodes }];
        stack.push(block);
        break;
      }
      case 'elseif':
      case 'else': {
        const top = stack[stack.length - 1];
        if (!top || !top.branches) throw new VtlError(`#${item.type} without a matching #if`, item.line, item.column);
        if (top.branches[top.branches.length - 1]!.condition === null) throw new VtlError(`#${item.type} after #else`, item.line, item.column);
        top.nodes = [];
        top.branches.push({ line: item.line, column: item.column, condition: item.type === 'else' ? null : item.condition, body: top.nodes });
        break;
      }
      case 'end': {
        const top = stack.pop();
        if (!top) throw new VtlError('#end without a matching #if, #foreach, #macro or #define', item.line, item.column);
        const parent = current();
        const o = top.opener;
        const p = { line: o.line, column: o.column };
        if (o.type === 'if') parent.push({ kind: 'if', branches: top.branches! });
        else if (o.type === 'foreach') parent.push({ kind: 'foreach', ...p, variable: o.variable, iterable: o.iterable, body: top.nodes });
        else if (o.type === 'macro') macros.set(o.name, { ...p, name: o.name, params: o.params, body: top.nodes });
        else parent.push({ kind: 'define', ...p, name: o.name, body: top.nodes });
        break;
      }
      case 'call':
        current().push({ kind: 'macroCall', line: item.line, column: item.column, name: item.name, args: item.args, source: item.source });
        break;
      case 'break':
        current().push({ kind: 'break', line: item.line, column: item.column });
        break;
      case 'stop':
        current().push({ kind: 'stop' });
        break;
      case 'comment':
        current().push({ kind: 'comment', text: item.text });
        break;
      case 'raw':
        current().push({ kind: 'raw', text: item.text });
        break;
    }
  }
  if (stack.length) {
    const o = stack[stack.length - 1]!.opener;
    throw new VtlError(`#${o.type} is never closed with #end`, o.line, o.column);
  }
  return root;
}

/**
 * Parse `text` into an AST. Throws VtlError (with the template line and column) on a syntax error.
 * `at`: the text is a string handed to #evaluate at that template position; errors point there.
 */
export function parseToAst(text: string, at?: Position): TemplateAst {
  const lines = new LineMap(text);
  const macros = new Map<string, MacroDefinition>();
  try {
    const scanner = new Scanner(text, { lines, end: text.length }, new Set(), 0);
    const nodes = buildBlocks(normalizeWhitespace(scanner.scanTemplate()), macros);
    return { nodes, macros };
  } catch (e) {
    if (at && e instanceof VtlError) throw new VtlError(`${e.message} (in the #evaluate text, at its line ${e.line}, column ${e.column})`, at.line, at.column);
    throw e;
  }
}
