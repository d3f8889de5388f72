// Shared by the VTL rules: one parse per template text, the references a template prints, and
// where in the template (line/column) something is, for messages.

import { parseTemplate, walkReferences, type ParseResult, type Reference, type ReferenceVisit, type TemplateAst, type TemplateNode } from '../../../vtl/index.js';
import type { RuleContext, TemplateNode as TemplateSite, Visitors } from '../../rule.js';
import { intrinsicName } from '../../../model/values.js';
import { rawAt } from '../../helpers/raw.js';

/**
 * The template as API Gateway will see it. `${AWS::Region}`-style variables are resolved at import,
 * and in an `Fn::Sub` template every `${X}` is a CloudFormation substitution (`${!x}` is a literal
 * `${x}`): those become placeholders of the same length, so template lines and columns stay put.
 */
export function templateSource(template: TemplateSite, ctx: RuleContext): string {
  const viaSub = intrinsicName(rawAt(ctx, template.pointer)) === 'Fn::Sub';
  const pattern = viaSub ? /\$\{(?!!)[^}]*\}/g : /\$\{AWS::[A-Za-z]+\}/g;
  const text = template.text.replace(pattern, (m) => 'X'.repeat(m.length));
  return viaSub ? text.replace(/\$\{!/g, '${') : text;
}

const cache = new Map<string, ParseResult>();
const LIMIT = 200;

/** Parse once per distinct template text (every VTL rule reads the same templates). */
export function parsed(text: string): ParseResult {
  let r = cache.get(text);
  if (!r) {
    r = parseTemplate(text);
    cache.set(text, r);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return r;
}

/** A template that parses, as the rules see it (text after CloudFormation substitutions). */
export interface ParsedTemplate {
  template: TemplateSite;
  /** `templateSource(template)`: lines and columns of `ast` refer to it. */
  text: string;
  ast: TemplateAst;
}

// One source text, AST and reference list per template node, shared by every VTL rule in the pass
// (the runner hands the same node object to each subscriber).
const prepared = new WeakMap<TemplateSite, (ParsedTemplate & { visits?: ReferenceVisit[] }) | null>();

function prepare(template: TemplateSite, ctx: RuleContext): (ParsedTemplate & { visits?: ReferenceVisit[] }) | null {
  let p = prepared.get(template);
  if (p === undefined) {
    const text = templateSource(template, ctx);
    const { ast } = parsed(text);
    p = ast ? { template, text, ast } : null;
    prepared.set(template, p);
  }
  return p;
}

/**
 * The `template` visitor of a rule that checks the parsed template. Templates that do not parse are
 * skipped: APIGW-VTL-010 reports them.
 */
export function onParsedTemplate(check: (t: ParsedTemplate, ctx: RuleContext) => void): NonNullable<Visitors['template']> {
  return (template, ctx) => {
    const p = prepare(template, ctx);
    if (p) check(p, ctx);
  };
}

/** The `template` visitor of a rule that checks every variable reference (`walkReferences` order). */
export function onTemplateReferences(check: (v: ReferenceVisit, t: ParsedTemplate, ctx: RuleContext) => void): NonNullable<Visitors['template']> {
  return (template, ctx) => {
    const p = prepare(template, ctx);
    if (!p) return;
    if (!p.visits) {
      const visits: ReferenceVisit[] = [];
      walkReferences(p.ast, (v) => visits.push(v));
      p.visits = visits;
    }
    for (const v of p.visits) check(v, p, ctx);
  };
}

/** The `template` visitor of a rule that checks the references the template prints directly. */
export function onPrintedReferences(check: (ref: Reference, t: ParsedTemplate, ctx: RuleContext) => void): NonNullable<Visitors['template']> {
  return onParsedTemplate((p, ctx) => {
    for (const ref of printedReferences(p.ast)) check(ref, p, ctx);
  });
}

export function at(line: number, column: number): string {
  return `template line ${line}, column ${column}`;
}

/** Every node list of the template (bodies of #if/#foreach/#define/macros included), for per-list scans. */
export function nodeLists(ast: TemplateAst): TemplateNode[][] {
  const out: TemplateNode[][] = [];
  const visit = (nodes: TemplateNode[]): void => {
    out.push(nodes);
    for (const n of nodes) {
      if (n.kind === 'if') n.branches.forEach((b) => visit(b.body));
      else if (n.kind === 'foreach' || n.kind === 'define') visit(n.body);
    }
  };
  visit(ast.nodes);
  for (const m of ast.macros.values()) visit(m.body);
  return out;
}

/** References the template prints directly (not inside #set values or directive arguments). */
export function printedReferences(ast: TemplateAst): Reference[] {
  const refs: Reference[] = [];
  for (const list of nodeLists(ast)) for (const n of list) if (n.kind === 'reference') refs.push(n.ref);
  return refs;
}

/** Whether (line, column) of `text` sits inside a double-quoted string on its line (JSON strings never span lines). */
export function insideQuotes(text: string, line: number, column: number): boolean {
  const lineText = text.split('\n')[line - 1] ?? '';
  const before = lineText.slice(0, column - 1);
  let quotes = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '\\') { i++; continue; }
    if (before[i] === '"') quotes++;
  }
  return quotes % 2 === 1;
}

/** The character right after a printed reference, when its source text is exact. */
export function charAfter(text: string, ref: Reference): string | undefined {
  const lineText = text.split('\n')[ref.line - 1] ?? '';
  const start = ref.column - 1;
  if (lineText.slice(start, start + ref.source.length) !== ref.source) return undefined;
  return lineText[start + ref.source.length];
}

export function charBefore(text: string, ref: Reference): string | undefined {
  const lineText = text.split('\n')[ref.line - 1] ?? '';
  return ref.column >= 2 ? lineText[ref.column - 2] : undefined;
}

export function isJsonContentType(contentType: string): boolean {
  return /json/i.test(contentType);
}
