// Error messages for Lambda (non-proxy) integrations. API Gateway picks the integration response
// whose `selectionPattern` (a Java regex) matches the whole `errorMessage` of a failed invocation.
// Users should not have to write a message that a regex matches, so for each pattern we derive a
// message template — fixed text plus, where the pattern allows it, one free-text slot — and check
// at generation time that the template really matches, with and without detail text.

export interface MessageTemplate {
  /** Text before the detail slot (or the whole message when there is no slot). */
  prefix: string;
  /** Text after the detail slot. */
  suffix: string;
  /** `any`: the slot may be empty (`.*`); `nonEmpty`: it needs one character (`.+`); `none`: no slot. */
  slot: 'any' | 'nonEmpty' | 'none';
}

/** What fills a `.+` slot when the caller gave no detail. */
export const EMPTY_DETAIL_FILLER = 'error';

class Unsupported extends Error {}

/**
 * A message template for `pattern`, or undefined when the pattern uses constructs we do not
 * generate for (back-references, lookarounds, negated classes we cannot satisfy) or when the
 * result does not verifiably match.
 */
export function messageTemplate(pattern: string): MessageTemplate | undefined {
  let parts: Piece[];
  try {
    parts = new Parser(pattern).parse();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  // The slot is the first open-ended wildcard after the first fixed text (`.*NotFound.*` reads
  // better as `NotFound: <detail>` than `<detail>NotFound`), else the first open-ended one.
  const firstText = parts.findIndex((p) => p.kind === 'text');
  const open = (p: Piece, i: number) => p.kind === 'wild' && p.max === Infinity && i > firstText;
  let slotIndex = firstText >= 0 ? parts.findIndex(open) : -1;
  if (slotIndex < 0) slotIndex = parts.findIndex((p) => p.kind === 'wild' && p.max === Infinity);
  let prefix = '';
  let suffix = '';
  let slot: MessageTemplate['slot'] = 'none';
  parts.forEach((piece, i) => {
    const text = piece.kind === 'text' ? piece.text : i === slotIndex ? '' : 'x'.repeat(piece.min);
    if (i === slotIndex && piece.kind === 'wild') slot = piece.min === 0 ? 'any' : 'nonEmpty';
    else if (slotIndex < 0 || i < slotIndex) prefix += text;
    else suffix += text;
  });
  // `NotFound` followed by the detail: a separator keeps the two apart when the pattern allows one.
  if (slot !== 'none' && prefix !== '' && !/[\s:\-=]$/.test(prefix)) {
    const separated = /[\])}>"']$/.test(prefix) ? `${prefix} ` : `${prefix}: `;
    if (verifies(pattern, { prefix: separated, suffix, slot })) prefix = separated;
  }
  const template: MessageTemplate = { prefix, suffix, slot };
  return verifies(pattern, template) ? template : undefined;
}

/** The message a template produces for `detail` (line breaks removed: Java's `.` does not match them). */
export function renderMessage(template: MessageTemplate, detail: string): string {
  if (template.slot === 'none') return template.prefix;
  let text = detail.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
  if (template.slot === 'nonEmpty' && text === '') text = EMPTY_DETAIL_FILLER;
  return template.prefix + text + template.suffix;
}

/** Java `String.matches` semantics: the whole message must match. */
export function matchesWhole(pattern: string, message: string): boolean | undefined {
  // Java's leading inline flags (`(?i)`, `(?s)`) become JS flags.
  const flagged = /^\(\?([is]+)\)/.exec(pattern);
  const flags = flagged ? [...new Set(flagged[1]!)].join('') : '';
  // Java's `\Q…\E` quoting becomes escaped literal text.
  const body = (flagged ? pattern.slice(flagged[0].length) : pattern).replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${body})$`, `u${flags}`);
  } catch {
    try {
      re = new RegExp(`^(?:${body})$`, flags);
    } catch {
      return undefined;
    }
  }
  return re.test(message);
}

function verifies(pattern: string, template: MessageTemplate): boolean {
  const samples = template.slot === 'none' ? [''] : ['', 'some detail', 'Item 42 (id=a-b) not found'];
  return samples.every((detail) => matchesWhole(pattern, renderMessage(template, detail)) === true);
}

type Piece = { kind: 'text'; text: string } | { kind: 'wild'; min: number; max: number };

/** A small parser for the regex subset selection patterns use in practice. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Piece[] {
    const src = this.src;
    // Inline flags such as `(?i)` or `(?s)` only widen what matches; the text we produce matches without them.
    while (/^\(\?[a-zA-Z]+\)/.test(src.slice(this.i))) this.i = src.indexOf(')', this.i) + 1;
    if (src[this.i] === '^') this.i++;
    const pieces = this.alternation(')');
    if (this.i < src.length) throw new Unsupported();
    return merge(pieces);
  }

  /** The first of the alternatives up to `end` (or the end of input). */
  private alternation(end: string): Piece[] {
    return this.alternatives(end)[0]!;
  }

  private alternatives(end: string): Piece[][] {
    const all = [this.sequence(end)];
    while (this.src[this.i] === '|') {
      this.i++;
      all.push(this.sequence(end));
    }
    return all;
  }

  private sequence(end: string): Piece[] {
    const out: Piece[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== end) {
      if (this.src[this.i] === '$' && this.i === this.src.length - 1) {
        this.i++;
        continue;
      }
      const atom = this.atom();
      const { min, max } = this.quantifier();
      if (atom.kind === 'wild') {
        if (max > 0) out.push({ kind: 'wild', min, max });
        continue;
      }
      for (let n = 0; n < min; n++) out.push(...atom.pieces);
    }
    return out;
  }

  private atom(): { kind: 'wild' } | { kind: 'pieces'; pieces: Piece[] } {
    const c = this.src[this.i]!;
    if (c === '.') {
      this.i++;
      return { kind: 'wild' };
    }
    if (c === '(') {
      this.i++;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src[this.i] === '?') throw new Unsupported(); // lookarounds, named groups
      const alternatives = this.alternatives(')');
      if (this.src[this.i] !== ')') throw new Unsupported();
      this.i++;
      // `(.|\n)` and the like: any character.
      if (alternatives.some((a) => a.length === 1 && a[0]!.kind === 'wild' && a[0]!.min === 1 && a[0]!.max === 1)) return { kind: 'wild' };
      return { kind: 'pieces', pieces: alternatives[0]! };
    }
    if (c === '[') return { kind: 'pieces', pieces: [{ kind: 'text', text: this.charClass() }] };
    if (c === '\\') return { kind: 'pieces', pieces: [{ kind: 'text', text: this.escape() }] };
    if ('*+?{})]^$'.includes(c)) throw new Unsupported();
    this.i++;
    return { kind: 'pieces', pieces: [{ kind: 'text', text: c }] };
  }

  private escape(): string {
    const c = this.src[this.i + 1];
    this.i += 2;
    if (c === undefined) throw new Unsupported();
    if (c === 'd') return '0';
    if (c === 'w') return 'a';
    if (c === 's') return ' ';
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === 'Q') {
      const end = this.src.indexOf('\\E', this.i);
      const text = this.src.slice(this.i, end < 0 ? undefined : end);
      this.i = end < 0 ? this.src.length : end + 2;
      return text;
    }
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(); // \b, \1, \p{…}, \n …: not generated
    return c;
  }

  /** One character the class accepts: its first literal member, or for a negated class a common character it excludes. */
  private charClass(): string {
    const end = this.findClassEnd();
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    const negated = body.startsWith('^');
    const members = negated ? body.slice(1) : body;
    const candidates = negated ? ['a', 'x', '0', ' ', '-', '_'] : [];
    if (!negated) {
      const first = members[0] === '\\' ? members[1] : members[0];
      if (first === undefined) throw new Unsupported();
      if (members[0] === '\\' && first === 'd') return '0';
      if (members[0] === '\\' && first === 'w') return 'a';
      if (members[0] === '\\' && first === 's') return ' ';
      if (members[0] === '\\' && /[A-Za-z0-9]/.test(first)) throw new Unsupported();
      return first;
    }
    let re: RegExp;
    try {
      re = new RegExp(`^[${body}]$`);
    } catch {
      throw new Unsupported();
    }
    const ok = candidates.find((ch) => re.test(ch));
    if (ok === undefined) throw new Unsupported();
    return ok;
  }

  private findClassEnd(): number {
    let j = this.i + 1;
    if (this.src[j] === '^') j++;
    if (this.src[j] === ']') j++;
    for (; j < this.src.length; j++) {
      if (this.src[j] === '\\') j++;
      else if (this.src[j] === '[') throw new Unsupported(); // Java class unions/intersections
      else if (this.src[j] === ']') return j;
    }
    throw new Unsupported();
  }

  private quantifier(): { min: number; max: number } {
    const c = this.src[this.i];
    let q: { min: number; max: number } = { min: 1, max: 1 };
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > 64) throw new Unsupported();
      this.i += m[0].length;
      this.lazyOrPossessive();
      return { min, max };
    } else return q;
    this.i++;
    this.lazyOrPossessive();
    return q;
  }

  private lazyOrPossessive(): void {
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i++;
  }
}

function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') last.text += p.text;
    else out.push(p.kind === 'text' ? { ...p } : p);
  }
  return out;
}
