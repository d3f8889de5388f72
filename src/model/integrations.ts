// `x-amazon-apigateway-integration` → the `Integration` union. The kind is decided from the
// type and the target: `aws_proxy` to Lambda is `lambda-proxy`, `aws` to Lambda is `lambda`,
// `aws` to another service (or an HTTP API `integrationSubtype`) is `aws-service`.

import { functionRefFromUri } from './functions.js';
import { child } from './pointer.js';
import { deref, refName } from './refs.js';
import type { Integration, IntegrationResponse, Pointer } from './types.js';
import {
  copyMap,
  copyTemplates,
  dict,
  get,
  getBoolean,
  getNumber,
  getObject,
  getString,
  getStringList,
  getText,
  getValue,
  getVersionText,
  isObject,
  valueText,
  type Json,
} from './values.js';

const HTTP_INTEGRATIONS_PREFIX = '#/components/x-amazon-apigateway-integrations/';

/** `arn:<partition>:apigateway:<region>:<service>:<path|action>/<rest>`; `${…}` placeholders allowed. */
const SEG = String.raw`(?:\$\{[^}]*\}|[^:$]|\$(?!\{))*`;
const SERVICE_ARN = new RegExp(String.raw`^arn:(${SEG}):apigateway:(${SEG}):(${SEG}):(path|action)/(.*)$`, 's');

export interface ServiceTarget {
  region: string;
  service: string;
  action?: string;
  path?: string;
}

/** Parse an API Gateway service-integration ARN; undefined when the text is not one. */
export function parseServiceArn(text: string): ServiceTarget | undefined {
  const m = SERVICE_ARN.exec(text);
  if (!m) return undefined;
  const [, , region, service, form, rest] = m as unknown as [string, string, string, string, string, string];
  const target: ServiceTarget = { region, service };
  if (form === 'action') target.action = rest.split(/[&?]/, 1)[0]!;
  else target.path = rest;
  return target;
}

/**
 * Normalize the integration of an operation. `raw` is the extension value at `pointer`; an
 * HTTP API `$ref` into `components.x-amazon-apigateway-integrations` is followed.
 */
export function normalizeIntegration(root: Json, raw: unknown, pointer: Pointer): Integration | undefined {
  if (raw === undefined) return undefined;
  let node: unknown = raw;
  let at = pointer;
  let name: string | undefined;
  const ref = get(raw, '$ref');
  if (ref !== undefined) {
    name = refName(ref, HTTP_INTEGRATIONS_PREFIX);
    const resolved = deref(root, raw, pointer);
    if (resolved) {
      node = resolved.node;
      at = resolved.pointer;
    }
  }
  const base = integrationBase(node, at);
  if (name !== undefined) base.refName = name;
  const type = base.rawType.toLowerCase();
  const uriText = base.uri === undefined ? undefined : valueText(base.uri);
  const service = uriText === undefined ? undefined : parseServiceArn(uriText);
  const toLambda = service ? service.service === 'lambda' : uriText !== undefined && !/^https?:/i.test(uriText) && functionRefFromUri(base.uri) !== undefined;

  switch (type) {
    case 'aws_proxy': {
      if (base.integrationSubtype !== undefined) {
        const subtypeRegion = getText(base.requestParameters, 'Region');
        return { kind: 'aws-service', ...base, subtype: base.integrationSubtype, ...(subtypeRegion !== undefined ? { region: subtypeRegion } : {}) };
      }
      if (service && service.service !== 'lambda') return { kind: 'aws-service', ...base, ...service };
      const fn = functionRefFromUri(base.uri);
      const streaming = uriText !== undefined && /\/response-streaming-invocations\/?$/.test(uriText);
      return { kind: 'lambda-proxy', ...base, ...(fn ? { function: fn } : {}), streaming };
    }
    case 'aws': {
      if (toLambda) {
        const fn = functionRefFromUri(base.uri);
        return { kind: 'lambda', ...base, ...(fn ? { function: fn } : {}) };
      }
      return { kind: 'aws-service', ...base, ...(service ?? {}) };
    }
    case 'http':
      return { kind: 'http', ...base };
    case 'http_proxy':
      return { kind: 'http-proxy', ...base };
    case 'mock':
      return { kind: 'mock', ...base };
    default:
      return { kind: 'unknown', ...base };
  }
}

type Base = Omit<Extract<Integration, { kind: 'http' }>, 'kind'>;

function integrationBase(node: unknown, pointer: Pointer): Base {
  const base: Base = {
    rawType: getText(node, 'type') ?? '',
    requestParameters: copyMap(get(node, 'requestParameters')),
    requestTemplates: copyTemplates(get(node, 'requestTemplates')),
    responses: integrationResponses(get(node, 'responses'), child(pointer, 'responses')),
    responseParameters: httpResponseParameters(get(node, 'responseParameters')),
    cacheKeyParameters: getStringList(node, 'cacheKeyParameters'),
    pointer,
  };
  const uri = getValue(node, 'uri');
  if (uri !== undefined) base.uri = uri;
  const httpMethod = getText(node, 'httpMethod');
  if (httpMethod !== undefined) base.httpMethod = httpMethod;
  const passthrough = getText(node, 'passthroughBehavior');
  if (passthrough !== undefined) base.passthroughBehavior = passthrough;
  const contentHandling = getText(node, 'contentHandling');
  if (contentHandling !== undefined) base.contentHandling = contentHandling;
  const timeout = getNumber(node, 'timeoutInMillis');
  if (timeout !== undefined) base.timeoutInMillis = timeout;
  const credentials = getValue(node, 'credentials');
  if (credentials !== undefined) base.credentials = credentials;
  const connectionType = getText(node, 'connectionType');
  if (connectionType !== undefined) base.connectionType = connectionType;
  const connectionId = getValue(node, 'connectionId');
  if (connectionId !== undefined) base.connectionId = connectionId;
  const integrationTarget = getValue(node, 'integrationTarget');
  if (integrationTarget !== undefined) base.integrationTarget = integrationTarget;
  const tls = getObject(node, 'tlsConfig');
  if (tls) {
    const tlsConfig: NonNullable<Base['tlsConfig']> = {};
    const skip = getBoolean(tls, 'insecureSkipVerification');
    if (skip !== undefined) tlsConfig.insecureSkipVerification = skip;
    const server = getString(tls, 'serverNameToVerify');
    if (server !== undefined) tlsConfig.serverNameToVerify = server;
    base.tlsConfig = tlsConfig;
  }
  const cacheNamespace = getText(node, 'cacheNamespace');
  if (cacheNamespace !== undefined) base.cacheNamespace = cacheNamespace;
  const subtype = getText(node, 'integrationSubtype');
  if (subtype !== undefined) base.integrationSubtype = subtype;
  const payload = getVersionText(node, 'payloadFormatVersion');
  if (payload !== undefined) base.payloadFormatVersion = payload;
  const transfer = getText(node, 'responseTransferMode');
  if (transfer !== undefined) base.responseTransferMode = transfer;
  return base;
}

function integrationResponses(raw: unknown, pointer: Pointer): IntegrationResponse[] {
  const out: IntegrationResponse[] = [];
  if (!isObject(raw)) return out;
  for (const pattern of Object.keys(raw)) {
    const r = raw[pattern];
    const response: IntegrationResponse = {
      selectionPattern: pattern,
      responseTemplates: copyTemplates(get(r, 'responseTemplates')),
      responseParameters: copyMap(get(r, 'responseParameters')),
      pointer: child(pointer, pattern),
    };
    const status = getText(r, 'statusCode');
    if (status !== undefined) response.statusCode = status;
    const contentHandling = getText(r, 'contentHandling');
    if (contentHandling !== undefined) response.contentHandling = contentHandling;
    out.push(response);
  }
  return out;
}

function httpResponseParameters(raw: unknown): Record<string, Record<string, unknown>> {
  const out = dict<Record<string, unknown>>();
  if (!isObject(raw)) return out;
  for (const status of Object.keys(raw)) out[status] = copyMap(raw[status]);
  return out;
}
