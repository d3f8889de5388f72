// Root-level API Gateway extensions: validators, gateway responses, CORS, endpoint
// configuration, tags, documentation parts, servers and the import base path.

import { child } from './pointer.js';
import type { Cors, DocumentationPart, EndpointConfiguration, GatewayResponse, Pointer, RequestValidator, Server, Tag, Value } from './types.js';
import {
  copyMap,
  copyTemplates,
  dict,
  get,
  getArray,
  getBoolean,
  getNumber,
  getObject,
  getString,
  getStringList,
  getText,
  isObject,
  toValue,
  valueText,
  type Json,
} from './values.js';

export function normalizeValidators(raw: unknown, pointer: Pointer): RequestValidator[] {
  const out: RequestValidator[] = [];
  if (!isObject(raw)) return out;
  for (const name of Object.keys(raw)) {
    const v = raw[name];
    out.push({
      name,
      validateRequestBody: getBoolean(v, 'validateRequestBody') === true,
      validateRequestParameters: getBoolean(v, 'validateRequestParameters') === true,
      pointer: child(pointer, name),
    });
  }
  return out;
}

export function normalizeGatewayResponses(raw: unknown, pointer: Pointer): GatewayResponse[] {
  const out: GatewayResponse[] = [];
  if (!isObject(raw)) return out;
  for (const type of Object.keys(raw)) {
    const r = raw[type];
    const response: GatewayResponse = {
      type,
      responseParameters: copyMap(get(r, 'responseParameters')),
      responseTemplates: copyTemplates(get(r, 'responseTemplates')),
      pointer: child(pointer, type),
    };
    const status = getText(r, 'statusCode');
    if (status !== undefined) response.statusCode = status;
    out.push(response);
  }
  return out;
}

export function normalizeCors(raw: unknown, pointer: Pointer): Cors | undefined {
  if (!isObject(raw)) return undefined;
  const cors: Cors = {
    allowOrigins: getStringList(raw, 'allowOrigins'),
    exposeHeaders: getStringList(raw, 'exposeHeaders'),
    allowMethods: getStringList(raw, 'allowMethods'),
    allowHeaders: getStringList(raw, 'allowHeaders'),
    pointer,
  };
  const credentials = getBoolean(raw, 'allowCredentials');
  if (credentials !== undefined) cors.allowCredentials = credentials;
  const maxAge = getNumber(raw, 'maxAge');
  if (maxAge !== undefined) cors.maxAge = maxAge;
  return cors;
}

export function normalizeEndpointConfiguration(raw: unknown, pointer: Pointer): EndpointConfiguration | undefined {
  if (!isObject(raw)) return undefined;
  const config: EndpointConfiguration = { pointer };
  const disable = getBoolean(raw, 'disableExecuteApiEndpoint');
  if (disable !== undefined) config.disableExecuteApiEndpoint = disable;
  const ids = get(raw, 'vpcEndpointIds');
  if (ids !== undefined) {
    const list: Value[] = [];
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      const v = toValue(id);
      if (v !== undefined) list.push(v);
    }
    config.vpcEndpointIds = list;
  }
  const ipType = getText(raw, 'ipAddressType');
  if (ipType !== undefined) config.ipAddressType = ipType;
  return config;
}

export function normalizeServers(root: Json): Server[] {
  const out: Server[] = [];
  const servers = getArray(root, 'servers');
  if (!servers) return out;
  servers.forEach((s, i) => {
    if (!isObject(s)) return;
    const pointer = child('/servers', i);
    const variables = dict<Server['variables'][string]>();
    const rawVars = getObject(s, 'variables');
    if (rawVars) {
      for (const name of Object.keys(rawVars)) {
        const v = rawVars[name];
        const def = getText(v, 'default') ?? '';
        const enumValues = getArray(v, 'enum');
        variables[name] = enumValues ? { default: def, enum: getStringList(v, 'enum') } : { default: def };
      }
    }
    const server: Server = { url: valueText(get(s, 'url')) ?? '', variables, pointer };
    const description = getText(s, 'description');
    if (description !== undefined) server.description = description;
    const endpoint = normalizeEndpointConfiguration(get(s, 'x-amazon-apigateway-endpoint-configuration'), child(pointer, 'x-amazon-apigateway-endpoint-configuration'));
    if (endpoint) server.endpointConfiguration = endpoint;
    out.push(server);
  });
  return out;
}

/** A 2.0 document's server, from `schemes`/`host`/`basePath`, so every dialect has `servers`. */
export function swagger2Server(root: Json): Server | undefined {
  const host = getText(root, 'host');
  if (host === undefined) return undefined;
  const scheme = getStringList(root, 'schemes')[0] ?? 'https';
  const basePath = getText(root, 'basePath') ?? '';
  return { url: `${scheme}://${host}${basePath === '/' ? '' : basePath}`, variables: dict(), pointer: '/host' };
}

/**
 * How API Gateway reads the base path at import: OAS2 `basePath`; OAS3 the first server's
 * `basePath` variable, else the path of the first server URL (variables filled with defaults).
 */
export function importBasePath(root: Json, isSwagger2: boolean, servers: Server[]): string | undefined {
  const withSlash = (p: string) => {
    const trimmed = p.replace(/^\/+/, '').replace(/\/+$/, '');
    return trimmed === '' ? undefined : `/${trimmed}`;
  };
  if (isSwagger2) {
    const bp = getString(root, 'basePath');
    return bp === undefined ? undefined : withSlash(bp);
  }
  for (const s of servers) {
    const v = Object.prototype.hasOwnProperty.call(s.variables, 'basePath') ? s.variables.basePath : undefined;
    if (v) return withSlash(v.default);
  }
  const first = servers[0];
  if (!first) return undefined;
  const url = first.url.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(first.variables, name) ? first.variables[name]!.default : whole,
  );
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
  return withSlash(path.split(/[?#]/, 1)[0]!);
}

export function normalizeTags(raw: unknown): Tag[] {
  const out: Tag[] = [];
  if (!Array.isArray(raw)) return out;
  raw.forEach((t, i) => {
    if (!isObject(t)) return;
    const tag: Tag = { name: getText(t, 'name') ?? '', pointer: child('/tags', i) };
    const description = getText(t, 'description');
    if (description !== undefined) tag.description = description;
    const value = get(t, 'x-amazon-apigateway-tag-value');
    if (value !== undefined) tag.value = value;
    out.push(tag);
  });
  return out;
}

export function normalizeDocumentation(raw: unknown, pointer: Pointer): { version?: string; parts: DocumentationPart[]; pointer: Pointer } | undefined {
  if (!isObject(raw)) return undefined;
  const parts: DocumentationPart[] = [];
  const list = getArray(raw, 'documentationParts') ?? [];
  list.forEach((p, i) => {
    if (!isObject(p)) return;
    parts.push({ location: copyMap(get(p, 'location')), properties: get(p, 'properties'), pointer: child(child(pointer, 'documentationParts'), i) });
  });
  const version = getText(raw, 'version');
  return { ...(version !== undefined ? { version } : {}), parts, pointer };
}
