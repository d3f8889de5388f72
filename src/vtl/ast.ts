// The compiled form of a template: a tree of nodes and expressions with 1-based template
// positions. Built once by parse.ts; read by the evaluator and by lint rules (through
// walkReferences in index.ts).

export interface Position {
  /** 1-based line in the template. */
  line: number;
  /** 1-based column in the template. */
  column: number;
}

export type Access =
  | { kind: 'property'; name: string }
  | { kind: 'method'; name: string; args: Expr[] }
  | { kind: 'index'; index: Expr };

/** `$root.a.b(…)[i]`. `source` is the reference's text, printed when it can't be resolved. */
export interface Reference extends Position {
  root: string;
  path: Access[];
  /** `$!x` / `$!{x}`: renders nothing instead of the reference text when null. */
  quiet: boolean;
  source: string;
  /**
   * Backslashes written right before the `$` (`\\$x` is 2). Velocity 1.7: an odd count escapes the
   * reference (printed as text when defined); each pair prints one backslash.
   */
  escapes?: number;
}

export type Expr =
  | { kind: 'literal'; value: unknown; literalType: 'string' | 'integer' | 'double' | 'boolean' | 'null' }
  | ({ kind: 'interpolated'; nodes: TemplateNode[] } & Position)
  | { kind: 'reference'; ref: Reference }
  | ({ kind: 'list'; items: Expr[] } & Position)
  | ({ kind: 'range'; from: Expr; to: Expr } & Position)
  | ({ kind: 'map'; entries: Array<[Expr, Expr]> } & Position)
  | { kind: 'operator'; operator: string; operands: Expr[] } & Position;

export interface IfBranch extends Position {
  /** null for #else. */
  condition: Expr | null;
  body: TemplateNode[];
}

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'reference'; ref: Reference }
  | ({ kind: 'set'; target: Reference; value: Expr } & Position)
  | { kind: 'if'; branches: IfBranch[] }
  | ({ kind: 'foreach'; variable: string; iterable: Expr; body: TemplateNode[] } & Position)
  | ({ kind: 'macroCall'; name: string; args: Expr[]; source: string } & Position)
  | ({ kind: 'define'; name: string; body: TemplateNode[] } & Position)
  | ({ kind: 'break' } & Position)
  | { kind: 'stop' }
  | { kind: 'comment'; text: string }
  | { kind: 'raw'; text: string };

export interface MacroDefinition extends Position {
  name: string;
  params: string[];
  body: TemplateNode[];
}

export interface TemplateAst {
  nodes: TemplateNode[];
  macros: Map<string, MacroDefinition>;
}
