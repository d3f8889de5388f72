// Helpers shared by the integration, authorizer and VTL rule families: raw-document access that
// follows internal `$ref`s (HTTP APIs share integrations through `components`), the text a
// possibly-intrinsic value stands for, and the request parameters an operation declares.

import type { Integration, Route, Value } from '../../../model/types.js';
import type { RuleContext } from '../../rule.js';
import { parsePointer } from '../../pointer.js';
import { valueText } from '../../../model/values.js';

const hasOwn = Object.prototype.hasOwnProperty;

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function own(obj: unknown, key: string): unknown {
  return isRecord(obj) && hasOwn.call(obj, key) ? obj[key] : undefined;
}

export function hasKey(obj: unknown, key: string): boolean {
  return isRecord(obj) && hasOwn.call(obj, key);
}

/** Follows an internal `{ "$ref": "#/..." }` (a few hops at most; cycles give undefined). */
function deref(root: unknown, node: unknown, hops = 0): unknown {
  const ref = own(node, '$ref');
  if (typeof ref !== 'string' || !ref.startsWith('#') || hops > 8) return node;
  return deref(root, walk(root, ref.slice(1), hops + 1), hops + 1);
}

function walk(root: unknown, pointer: string, hops: number): unknown {
  let node = deref(root, root, hops);
  for (const token of parsePointer(pointer)) {
    node = deref(root, own(node, token), hops);
    if (node === undefined) return undefined;
  }
  return node;
}

/** The raw node at `pointer`, following internal `$ref`s on the way and at the end. */
export function rawAt(ctx: RuleContext, pointer: string): unknown {
  return walk(ctx.document.document, pointer, 0);
}

/** The text a value stands for (`Fn::Sub` templates, `Ref` → `${X}`), or undefined. */
export function textOf(v: Value | unknown): string | undefined {
  return valueText(v);
}

/** True when a raw JSON value is a CloudFormation intrinsic (`{ "Fn::Sub": … }`, `{ "Ref": … }`). */
export function isRawIntrinsic(x: unknown): boolean {
  if (!isRecord(x)) return false;
  const keys = Object.keys(x);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}

/** Marker standing for a `${...}` substitution whose value the spec does not tell. */
export const WILD = '\u0001';

const PSEUDO: Record<string, string> = {
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

/**
 * Replaces `${AWS::Region}`-style pseudo parameters with plausible values and every other
 * `${...}` (stage variables, CloudFormation references) with WILD, so format checks can treat
 * the unknown parts as "anything".
 */
export function substitute(text: string): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, name: string) => (hasOwn.call(PSEUDO, name) ? PSEUDO[name]! : WILD));
}

/** Lower-case integration type as written (`AWS_PROXY` → `aws_proxy`); '' when missing. */
export function typeOf(integration: Integration): string {
  return (integration.rawType ?? '').toLowerCase();
}

export function isProxy(integration: Integration): boolean {
  const t = typeOf(integration);
  return t === 'aws_proxy' || t === 'http_proxy';
}

const PARTITION = `(?:aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|${WILD})`;
const REGION = `[a-z0-9${WILD}-]+`;
const FUNCTION_ARN = `arn:${PARTITION}:lambda:${REGION}:(?:\\d{12}|${WILD}):function:[A-Za-z0-9_${WILD}-]{1,64}(?::[A-Za-z0-9_$${WILD}-]+)?`;
/** The function part may also be one substitution that yields a whole ARN (`${Fn.Arn}`). */
const FUNCTION = `(?:${FUNCTION_ARN}|[^/]*${WILD}[^/]*)`;
const INVOKE = new RegExp(`^arn:${PARTITION}:apigateway:${REGION}:lambda:path/2015-03-31/functions/${FUNCTION}/invocations$`);
const STREAM = new RegExp(`^arn:${PARTITION}:apigateway:${REGION}:lambda:path/2021-11-15/functions/${FUNCTION}/response-streaming-invocations$`);
const BARE_FUNCTION = new RegExp(`^(?:${FUNCTION_ARN})$`);

/** A Lambda invocation URI (`…:lambda:path/2015-03-31/functions/<arn>/invocations`). */
export function isLambdaInvocationUri(text: string): boolean {
  return INVOKE.test(substitute(text));
}

export function isLambdaStreamingUri(text: string): boolean {
  return STREAM.test(substitute(text));
}

/** A bare Lambda function ARN (accepted as the `uri` of an HTTP API `AWS_PROXY` integration). */
export function isBareFunctionArn(text: string): boolean {
  return BARE_FUNCTION.test(substitute(text));
}

/** The uri names a Lambda function in any of the forms (invocation path, streaming path, bare ARN). */
export function looksLikeLambdaUri(text: string): boolean {
  return /:lambda:path\//.test(text) || /^arn:[^:]*:lambda:/.test(text) || /\/functions\/.+\/(?:response-streaming-)?invocations$/.test(text);
}

/** A Lambda integration (`aws`/`aws_proxy` whose uri names a function). */
export function isLambdaIntegration(integration: Integration): boolean {
  if (integration.kind === 'lambda' || integration.kind === 'lambda-proxy') return true;
  const t = typeOf(integration);
  if (t !== 'aws' && t !== 'aws_proxy') return false;
  const uri = textOf(integration.uri);
  return uri !== undefined && looksLikeLambdaUri(uri);
}

/** `method.request.<location>.<name>` keys the operation declares (path template variables included). */
export function declaredRequestParameters(route: Route): { path: Set<string>; querystring: Set<string>; header: Set<string> } {
  const out = { path: new Set<string>(), querystring: new Set<string>(), header: new Set<string>() };
  for (const p of route.parameters) {
    if (p.in === 'path') out.path.add(p.name);
    else if (p.in === 'query') out.querystring.add(p.name);
    // Header names are case-insensitive on the wire; compare them that way to avoid false alarms.
    else if (p.in === 'header') out.header.add(p.name.toLowerCase());
  }
  // Import creates method.request.path.* from the path template itself.
  for (const m of route.path.matchAll(/\{([^}+]+)\+?\}/g)) out.path.add(m[1]!);
  return out;
}

/** Whether `method.request.<loc>.<name>` (with multivalue forms) is declared; undefined if not a param reference. */
export function isDeclaredReference(route: Route, expr: string): { declared: boolean; location: string; name: string } | undefined {
  const m = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/.exec(expr);
  if (!m) return undefined;
  const decl = declaredRequestParameters(route);
  const loc = m[1]!;
  const name = m[2]!;
  if (loc === 'path') return { declared: decl.path.has(name), location: loc, name };
  if (loc === 'querystring' || loc === 'multivaluequerystring') return { declared: decl.querystring.has(name), location: loc, name };
  return { declared: decl.header.has(name.toLowerCase()), location: loc, name };
}

/** A quoted list for messages: `a`, `b` and `c`. */
export function list(items: readonly string[]): string {
  const q = items.map((i) => `\`${i}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** The declared method response for a status code (exact, else the `default` response). */
export function methodResponse(route: Route, status: string): Route['responses'][number] | undefined {
  return route.responses.find((r) => r.status === status);
}

/**
 * HTTP APIs import only AWS_PROXY and HTTP_PROXY integrations (APIGW-INT-003 reports the others);
 * HTTP-specific checks skip an integration import drops anyway, so one mistake is one finding.
 */
export function droppedByHttpImport(kind: 'rest' | 'http', integration: Integration): boolean {
  return kind === 'http' && !isProxy(integration);
}
