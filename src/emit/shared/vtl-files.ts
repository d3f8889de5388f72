// Where each mapping template of an API lives as a `.vtl` file under `<out>/templates/`. The
// templates emitter writes these files; the gateway emitter can read the same names to inline
// edited files back. Both call `listTemplateSites` so they always agree on the path of a template.
//
// Naming: `<route>/request.<content-type>.vtl`, `<route>/response.<status>.<content-type>.vtl`,
// `gateway-responses/<type>.<content-type>.vtl`. Every segment is reduced to `[a-z0-9-]` (so no
// name from the spec can escape the folder or clash on a case-insensitive file system); names that
// still collide get a suffix hashed from their JSON pointer, which keeps them stable when other
// routes are added or removed.

import { createHash } from 'node:crypto';
import type { Api, Pointer, Route } from '../../model/types.js';
import { escapeToken } from '../../model/pointer.js';

export type TemplateDirection = 'request' | 'response' | 'gateway-response';

/** One mapping template written in the spec. */
export interface TemplateSite {
  /** Relative POSIX path inside the templates folder, e.g. `post-pets/request.application-json.vtl`. */
  file: string;
  direction: TemplateDirection;
  /** The template key: the request `Content-Type` (request) or `Accept` type (response) it applies to. */
  contentType: string;
  /** The route (`POST /pets`) for request and response templates. */
  routeKey?: string;
  /** Integration response: its selection pattern (the `responses` key) and status code. */
  selectionPattern?: string;
  statusCode?: string;
  /** Gateway response: its type (`DEFAULT_4XX`, …). */
  gatewayResponseType?: string;
  /** JSON pointer of the template in the bundled document. */
  pointer: Pointer;
  /** The template text exactly as written (for an `Fn::Sub` template, the text CloudFormation substitutes into). */
  text: string;
}

const MAX_SEGMENT = 80;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * A file-name segment: lower-case ASCII letters and digits, everything else collapsed to `-`,
 * no leading/trailing `-`; `*` reads as `any` (`*\/*` → `any-any`). Never empty (`fallback`).
 */
export function fileSegment(text: string, fallback = 'x'): string {
  let s = text.toLowerCase().replace(/\*/g, 'any').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s === '') s = fallback;
  if (s.length > MAX_SEGMENT) s = `${s.slice(0, MAX_SEGMENT).replace(/-+$/, '')}-${shortHash(text)}`;
  return s;
}

/** `POST /pets/{petId}` → `post-pets-petid`; `GET /` → `get-root`; `$default` → `default-route`. */
export function routeFolderBase(route: Pick<Route, 'method' | 'path' | 'isDefaultRoute'>): string {
  if (route.isDefaultRoute) return 'default-route';
  const path = fileSegment(route.path, 'root');
  return `${route.method.toLowerCase()}-${path}`;
}

export function requestFileBase(contentType: string): string {
  return `request.${fileSegment(contentType, 'none')}`;
}

export function responseFileBase(statusCode: string | undefined, contentType: string): string {
  return `response.${statusCode === undefined ? 'no-status' : fileSegment(statusCode)}.${fileSegment(contentType, 'none')}`;
}

export function gatewayResponseFileBase(type: string, contentType: string): string {
  return `${fileSegment(type)}.${fileSegment(contentType, 'none')}`;
}

/**
 * Makes names unique case-insensitively: a name shared by several items gets `-<hash of its
 * identity>` on every holder, so no holder's name depends on the order of the others.
 */
export function disambiguate(items: readonly { base: string; identity: string }[]): string[] {
  const count = new Map<string, number>();
  for (const { base } of items) count.set(base.toLowerCase(), (count.get(base.toLowerCase()) ?? 0) + 1);
  const out = items.map(({ base, identity }) => (count.get(base.toLowerCase())! > 1 ? `${base}-${shortHash(identity)}` : base));
  // A hashed name could in theory meet a plain one; the hash of the hash settles it.
  const seen = new Set<string>();
  return out.map((name, i) => {
    let n = name;
    while (seen.has(n.toLowerCase())) n = `${n}-${shortHash(`${items[i]!.identity}#${n}`)}`;
    seen.add(n.toLowerCase());
    return n;
  });
}

/** Folder name of every route (same order as `routes`), unique. */
export function routeFolders(routes: readonly Route[]): string[] {
  return disambiguate(routes.map((r) => ({ base: routeFolderBase(r), identity: r.key })));
}

/** The folder holding gateway-response templates; route folders never take it (they start with a method). */
export const GATEWAY_RESPONSES_FOLDER = 'gateway-responses';


/** Every template of the API with the file it is written to, in document order. */
export function listTemplateSites(api: Api): TemplateSite[] {
  const sites: TemplateSite[] = [];
  const folders = routeFolders(api.routes);
  api.routes.forEach((route, i) => {
    const integration = route.integration;
    if (!integration) return;
    const local: (Omit<TemplateSite, 'file'> & { base: string })[] = [];
    for (const [contentType, text] of Object.entries(integration.requestTemplates)) {
      local.push({ base: requestFileBase(contentType), direction: 'request', contentType, routeKey: route.key, pointer: `${integration.pointer}/requestTemplates/${escapeToken(contentType)}`, text });
    }
    for (const response of integration.responses) {
      for (const [contentType, text] of Object.entries(response.responseTemplates)) {
        local.push({
          base: responseFileBase(response.statusCode, contentType),
          direction: 'response',
          contentType,
          routeKey: route.key,
          selectionPattern: response.selectionPattern,
          ...(response.statusCode !== undefined ? { statusCode: response.statusCode } : {}),
          pointer: `${response.pointer}/responseTemplates/${escapeToken(contentType)}`,
          text,
        });
      }
    }
    const names = disambiguate(local.map((s) => ({ base: s.base, identity: s.pointer })));
    local.forEach(({ base: _base, ...site }, j) => sites.push({ ...site, file: `${folders[i]}/${names[j]}.vtl` }));
  });
  const gateway: (Omit<TemplateSite, 'file'> & { base: string })[] = [];
  for (const response of api.gatewayResponses) {
    for (const [contentType, text] of Object.entries(response.responseTemplates)) {
      gateway.push({
        base: gatewayResponseFileBase(response.type, contentType),
        direction: 'gateway-response',
        contentType,
        gatewayResponseType: response.type,
        ...(response.statusCode !== undefined ? { statusCode: response.statusCode } : {}),
        pointer: `${response.pointer}/responseTemplates/${escapeToken(contentType)}`,
        text,
      });
    }
  }
  const names = disambiguate(gateway.map((s) => ({ base: s.base, identity: s.pointer })));
  gateway.forEach(({ base: _base, ...site }, j) => sites.push({ ...site, file: `${GATEWAY_RESPONSES_FOLDER}/${names[j]}.vtl` }));
  return sites;
}

/** The file of the template at `pointer`, if the API has one there. */
export function templateFileAt(api: Api, pointer: Pointer): string | undefined {
  return listTemplateSites(api).find((s) => s.pointer === pointer)?.file;
}
