// What a lint rule is: data (id, severity, description, the AWS fact) plus visitors.
// The runner walks the model once and calls every rule that subscribed to each node kind
// (ESLint/Redocly style) — never one walk per rule.

import type { LoadedDocument, SourcePosition } from '../load/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type {
  Api, ApiKind, Route, Integration, IntegrationResponse, SecurityScheme, Model, Parameter, Response, Pointer,
} from '../model/types.js';
import type { Severity } from './types.js';

export interface Report {
  message: string;
  pointer: Pointer;
  /** Defaults to the rule's severity; a rule may report a lower/higher one for a variant (e.g. warn vs error). */
  severity?: Severity;
  /**
   * Where to show it, when the problem is not in the spec (e.g. a stage in the config file, with
   * `pointer` into the config). Default: the source map's position of `pointer`.
   */
  position?: SourcePosition;
}

export interface RuleContext {
  api: Api;
  document: LoadedDocument;
  config: ResolvedConfig;
  report(report: Report): void;
}

/** A VTL mapping template found in an integration (request or response side). */
export interface TemplateNode {
  text: string;
  direction: 'request' | 'response';
  contentType: string;
  route: Route;
  integration: Integration;
  /** Set for response templates. */
  integrationResponse?: IntegrationResponse;
  pointer: Pointer;
}

export interface Visitors {
  /** Once, before anything else: the whole API (API-level extensions, quotas, raw document checks). */
  api?(api: Api, ctx: RuleContext): void;
  route?(route: Route, ctx: RuleContext): void;
  parameter?(parameter: Parameter, route: Route, ctx: RuleContext): void;
  response?(response: Response, route: Route, ctx: RuleContext): void;
  integration?(integration: Integration, route: Route, ctx: RuleContext): void;
  template?(template: TemplateNode, ctx: RuleContext): void;
  securityScheme?(scheme: SecurityScheme, ctx: RuleContext): void;
  model?(model: Model, ctx: RuleContext): void;
}

export interface Rule {
  /** Stable id, e.g. `APIGW-INT-004` or `OAS-002`. */
  id: string;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** The AWS fact it encodes, with its provenance tag from the reference ([D], [A], [O], [I]). */
  fact: string;
  /** API kinds the rule applies to; omitted = both. */
  appliesTo?: ApiKind[];
  /**
   * The rule judges names (keys: a path, a model name, a gateway response type, an extension or
   * mapping key), never what they hold. Where the value is a broken `$ref`, the key is still the
   * user's own text, so lint keeps this rule's findings AT that place; every rule's findings BELOW it,
   * and other rules' findings at it, are about the placeholder and are dropped (OAS-002 reports the
   * ref). Only for rules whose every report at such a place is about the key.
   */
  judgesKey?: true;
  visitors: Visitors;
}
