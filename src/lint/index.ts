// The lint runner: every rule in ONE walk over the model. Rules subscribe to node kinds (see
// rule.ts); the runner visits api → securitySchemes → models → routes → (parameters, responses,
// integration → templates) and calls each subscriber. Then config (severity overrides, `off`,
// ignores) and the baseline entries filter, the source map adds file:line:column, and the result
// is sorted. Pure: no file is read here (the CLI reads the baseline file and passes its entries).

import type { Api, Route } from '../model/types.js';
import type { LoadedDocument, SourcePosition } from '../load/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic, Severity } from './types.js';
import type { Report, Rule, RuleContext, TemplateNode, Visitors } from './rule.js';
import { allRules } from './rules/index.js';
import { baselineMatcher, type BaselineEntry } from './baseline.js';
import { child, isWithin } from './pointer.js';
import { withNodeCache } from './helpers/raw.js';
import { brokenRefPlaces } from './helpers/broken-refs.js';
import { oas002 } from './rules/oas/oas-002.js';

export type { Diagnostic, Severity } from './types.js';
export type { Rule, RuleContext, Report, TemplateNode, Visitors } from './rule.js';
export { allRules } from './rules/index.js';
export { formatDiagnostics, summarize, type LintFormat, type FormatOptions, type Summary, FORMATS } from './format/index.js';
export { createBaseline, serializeBaseline, parseBaseline, type Baseline, type BaselineEntry } from './baseline.js';

export interface LintOptions {
  /** The rules to run; defaults to every registered rule. Tests pass one rule to check it alone. */
  rules?: readonly Rule[];
  /**
   * Problems accepted earlier (the entries of the file `lint.baseline` names): each hides one
   * matching diagnostic. The caller reads the file; `config.lint.baseline` is not read here.
   */
  baseline?: readonly BaselineEntry[];
}

type Kind = keyof Visitors;
type Subscriber<K extends Kind> = { fn: NonNullable<Visitors[K]>; ctx: RuleContext; rule: Rule };

/** The severity config asks for, `off`, or undefined (keep what the rule reports). */
function configuredSeverity(config: ResolvedConfig, ruleId: string): Severity | 'off' | undefined {
  return config.lint?.rules?.[ruleId];
}

export function lint(api: Api, document: LoadedDocument, config: ResolvedConfig = {}, options: LintOptions = {}): Diagnostic[] {
  const rules = options.rules ?? allRules;
  const raw: Diagnostic[] = [];
  const explicit = new Map<Diagnostic, SourcePosition>();
  const subs: { [K in Kind]: Subscriber<K>[] } = {
    api: [], route: [], parameter: [], response: [], integration: [], template: [], securityScheme: [], model: [],
  };

  for (const rule of rules) {
    if (rule.appliesTo && !rule.appliesTo.includes(api.kind)) continue;
    const override = configuredSeverity(config, rule.id);
    if (override === 'off') continue;
    const ctx: RuleContext = {
      api,
      document,
      config,
      report(r: Report) {
        const d: Diagnostic = { ruleId: rule.id, severity: override ?? r.severity ?? rule.severity, message: r.message, pointer: r.pointer };
        if (r.position) explicit.set(d, r.position);
        raw.push(d);
      },
    };
    for (const kind of Object.keys(rule.visitors) as Kind[]) {
      const fn = rule.visitors[kind];
      if (fn) (subs[kind] as Subscriber<Kind>[]).push({ fn: fn as never, ctx, rule });
    }
  }

  withNodeCache(document.document, () => walk(api, subs));
  const judgesKey = new Set(rules.filter((r) => r.judgesKey).map((r) => r.id));
  return finish(raw, explicit, document, config, options.baseline ?? [], judgesKey);
}

/** Calls `fn` for each subscriber, naming the rule if it throws (a crash in a rule is a bug). */
function each<K extends Kind>(list: Subscriber<K>[], where: string, call: (s: Subscriber<K>) => void): void {
  for (const s of list) {
    try {
      call(s);
    } catch (e) {
      throw new Error(`lint rule ${s.rule.id} failed at ${where}: ${(e as Error).message}`, { cause: e });
    }
  }
}

function templatesOf(route: Route): TemplateNode[] {
  const integration = route.integration;
  if (!integration) return [];
  const out: TemplateNode[] = [];
  for (const [contentType, text] of Object.entries(integration.requestTemplates)) {
    if (typeof text !== 'string') continue;
    out.push({ text, direction: 'request', contentType, route, integration, pointer: child(integration.pointer, 'requestTemplates', contentType) });
  }
  for (const ir of integration.responses) {
    for (const [contentType, text] of Object.entries(ir.responseTemplates)) {
      if (typeof text !== 'string') continue;
      out.push({ text, direction: 'response', contentType, route, integration, integrationResponse: ir, pointer: child(ir.pointer, 'responseTemplates', contentType) });
    }
  }
  return out;
}

function walk(api: Api, subs: { [K in Kind]: Subscriber<K>[] }): void {
  each(subs.api, '/', (s) => s.fn(api, s.ctx));
  for (const scheme of Object.values(api.securitySchemes)) each(subs.securityScheme, scheme.pointer, (s) => s.fn(scheme, s.ctx));
  for (const model of api.models) each(subs.model, model.pointer, (s) => s.fn(model, s.ctx));
  const wantTemplates = subs.template.length > 0;
  for (const route of api.routes) {
    each(subs.route, route.pointer, (s) => s.fn(route, s.ctx));
    for (const p of route.parameters) each(subs.parameter, p.pointer, (s) => s.fn(p, route, s.ctx));
    for (const r of route.responses) each(subs.response, r.pointer, (s) => s.fn(r, route, s.ctx));
    const integration = route.integration;
    if (integration) {
      each(subs.integration, integration.pointer, (s) => s.fn(integration, route, s.ctx));
      if (wantTemplates) for (const t of templatesOf(route)) each(subs.template, t.pointer, (s) => s.fn(t, s.ctx));
    }
  }
}

function ignoredBy(config: ResolvedConfig): (d: Diagnostic) => boolean {
  const ignores = config.lint?.ignore ?? [];
  if (ignores.length === 0) return () => false;
  return (d) =>
    ignores.some((ig) => (ig.rule === '*' || ig.rule === d.ruleId) && ig.pointers.some((p) => p === '*' || isWithin(d.pointer, p)));
}

function finish(raw: Diagnostic[], explicit: Map<Diagnostic, SourcePosition>, document: LoadedDocument, config: ResolvedConfig, baseline: readonly BaselineEntry[], judgesKey: ReadonlySet<string>): Diagnostic[] {
  const ignored = ignoredBy(config);
  // One mistake, one report: OAS-002 reports a broken `$ref`; what other rules find below the object
  // holding it, or about that object, is about the placeholder (see helpers/broken-refs.ts). At the
  // holder itself, rules that judge its key (a path, a model name: Rule.judgesKey) still speak: the
  // key is the user's own text whatever the ref holds.
  const brokenRefs = brokenRefPlaces(document);
  const dropped = brokenRefs === undefined
    ? undefined
    : (d: Diagnostic) => d.ruleId !== oas002.id && (brokenRefs.below(d.pointer) || (brokenRefs.at(d.pointer) && !judgesKey.has(d.ruleId)));
  const inBaseline = baseline.length > 0 ? baselineMatcher(baseline) : () => false;
  // Same rule, pointer and message twice (e.g. a shared integration visited from two routes) is one
  // problem. Grouped by pointer rather than keyed by a joined rule+pointer+message string: that
  // string (messages are long) was built and hashed for every one of Stripe's 2,600 diagnostics.
  const byPointer = new Map<string, Diagnostic[]>();
  const out: Diagnostic[] = [];
  for (const d of raw) {
    const same = byPointer.get(d.pointer);
    if (same === undefined) byPointer.set(d.pointer, [d]);
    else if (same.some((e) => e.ruleId === d.ruleId && e.message === d.message)) continue;
    else same.push(d);
    if (dropped?.(d)) continue;
    if (ignored(d) || inBaseline(d)) continue;
    const pos = explicit.get(d) ?? document.sourceMap.lookup(d.pointer);
    // The runner's own objects (made in report(), handed out only here): add the position in place
    // instead of copying each one.
    if (pos) {
      d.file = pos.file;
      d.line = pos.line;
      d.column = pos.column;
    }
    out.push(d);
  }
  return out.sort(compareDiagnostics);
}

/** Code-unit order, not locale order: the same output on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.pointer, b.pointer)
  );
}
