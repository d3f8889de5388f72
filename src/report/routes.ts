// The API at a glance: one row per route with what API Gateway does for it. Used by
// `apigw-gen routes` and by the gateway target's routes.md, so it lives outside cli and emit.

import { terminalSafe } from '../text/terminal-safe.js';
import type { Api, Authorizer, FunctionRef, Integration, Route, Value } from '../model/types.js';
import { valueText } from '../model/values.js';

export interface RouteRow {
  method: string;
  /** The path, or `$default` for an HTTP API default route. */
  path: string;
  /** `lambda-proxy`, `http`, `aws-service`, `mock`, … or `none` when the route has no integration. */
  integration: string;
  /** Function name, URL, or `service:Action`; empty when there is nothing to name. */
  target: string;
  /** `none`, `IAM`, or `<scheme> (token|request|cognito|jwt)` with scopes. */
  authorizer: string;
  apiKeyRequired: boolean;
  /** The effective request validator's name; empty when requests are not validated. */
  validator: string;
}

export function routeRows(api: Api): RouteRow[] {
  return api.routes.map((route) => ({
    method: route.method,
    path: route.isDefaultRoute ? '$default' : route.path,
    integration: route.integration?.kind ?? 'none',
    target: integrationTarget(route.integration),
    authorizer: authorizerLabel(api, route),
    apiKeyRequired: route.auth.apiKeyRequired,
    validator: route.validator ?? '',
  }));
}

/** What the integration calls, in the words a reader of the spec would use. */
export function integrationTarget(integration: Integration | undefined): string {
  if (!integration) return '';
  switch (integration.kind) {
    case 'lambda-proxy':
    case 'lambda': {
      const fn = integration.function;
      if (fn) {
        const name = functionName(fn);
        return fn.alias ? `${name}:${fn.alias}` : name;
      }
      return displayValue(integration.uri);
    }
    case 'aws-service': {
      // `sqs:SendMessage`, `s3:path/bucket/{key}`, or an HTTP API subtype such as `SQS-SendMessage`.
      if (integration.service && integration.action) return `${integration.service}:${integration.action}`;
      if (integration.service && integration.path) return `${integration.service}:path/${integration.path}`;
      if (integration.subtype) return integration.subtype;
      return displayValue(integration.uri);
    }
    case 'mock':
      return '';
    default: {
      // HTTP, HTTP proxy, VPC link and unknown types: the URL (and the link when private).
      const uri = displayValue(integration.uri);
      const link = integration.connectionType === 'VPC_LINK' ? displayValue(integration.connectionId) : '';
      return link ? `${uri} via VPC link ${link}` : uri;
    }
  }
}

/**
 * The function as the spec names it. A name built from a stage variable keeps its expression
 * (`${stageVariables.prefix}-getPet`): the variable's name alone (`prefix`) hides which function
 * each stage calls. The model keeps that expression in the key (`stagevar:<expr>`). `serve` names functions the same way.
 */
export function functionName(fn: FunctionRef): string {
  if (fn.stageVariable === undefined) return fn.name;
  const expression = fn.key.startsWith('stagevar:') ? fn.key.slice('stagevar:'.length) : '';
  return expression !== '' ? expression : `\${stageVariables.${fn.stageVariable}}`;
}

function authorizerLabel(api: Api, route: Route): string {
  const { type, authorizer, scopes } = route.auth;
  const withScopes = (label: string) => (scopes.length > 0 ? `${label} [${scopes.join(' ')}]` : label);
  switch (type) {
    case 'NONE':
      return 'none';
    case 'AWS_IAM':
      return 'IAM';
    default: {
      const scheme = authorizer !== undefined ? api.securitySchemes[authorizer] : undefined;
      const kind = scheme?.kind === 'authorizer' ? authorizerKind(scheme.authorizer) : type.toLowerCase();
      return withScopes(`${authorizer ?? '?'} (${kind})`);
    }
  }
}

function authorizerKind(authorizer: Authorizer): string {
  return authorizer.type === 'unknown' ? authorizer.rawType : authorizer.type;
}

/** A literal as is; an intrinsic as the text it stands for, else its short form (`!If …`). */
export function displayValue(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const text = valueText(value);
  if (text !== undefined) return text;
  return `!${value.fn.replace(/^Fn::/, '')} ${JSON.stringify(value.args)}`;
}

const COLUMNS: { title: string; cell: (row: RouteRow) => string }[] = [
  { title: 'METHOD', cell: (r) => r.method },
  { title: 'PATH', cell: (r) => r.path },
  { title: 'INTEGRATION', cell: (r) => r.integration },
  { title: 'TARGET', cell: (r) => r.target || '-' },
  { title: 'AUTHORIZER', cell: (r) => r.authorizer },
  { title: 'API KEY', cell: (r) => (r.apiKeyRequired ? 'required' : '-') },
  { title: 'VALIDATOR', cell: (r) => r.validator || '-' },
];

/** An aligned plain-text table; control characters from the spec are shown escaped, not printed. */
export function formatRoutesTable(rows: readonly RouteRow[]): string {
  const cells = rows.map((row) => COLUMNS.map((c) => printable(c.cell(row))));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(COLUMNS.map((c) => c.title)), ...cells.map(line)].join('\n') + '\n';
}

export function formatRoutesJson(rows: readonly RouteRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

function printable(text: string): string {
  return terminalSafe(text, { newlines: 'escape' });
}
