// REST resources allow one variable per parent: `/pets/{id}` and `/pets/{petId}/toys` cannot both
// be imported (APIGW-PATH-004). Sibling variables get one name — the first written that no path of
// the group uses elsewhere — and the parameters and `method.request.path.*` mappings follow.

import type { ChangeLog } from './changes.js';
import { childPointer, clone, isObject, newObject, resolvePointer, type Json, type JsonObject } from './json.js';
import { INTEGRATION, OPERATION_KEYS } from './operations.js';

const VARIABLE = /^\{([^{}+]+)\}$/;

export function unifySiblingVariables(doc: JsonObject, log: ChangeLog): void {
  if (!isObject(doc.paths)) return;
  const original = Object.keys(doc.paths);
  const segments = original.map((p) => p.split('/'));
  const renames = original.map(() => new Map<string, string>());
  const depth = Math.max(0, ...segments.map((s) => s.length));
  for (let d = 1; d < depth; d++) {
    const groups = new Map<string, number[]>();
    segments.forEach((segs, i) => {
      if (segs.length <= d || !VARIABLE.test(segs[d]!)) return;
      const prefix = segs.slice(0, d).join('/');
      groups.set(prefix, [...(groups.get(prefix) ?? []), i]);
    });
    for (const members of groups.values()) {
      const names = [...new Set(members.map((i) => VARIABLE.exec(segments[i]![d]!)![1]!))];
      if (names.length < 2) continue;
      const usedElsewhere = (name: string) => members.some((i) => segments[i]!.some((s, j) => j !== d && s === `{${name}}`));
      let canonical = names.find((n) => !usedElsewhere(n));
      for (let k = 2; canonical === undefined; k++) if (!usedElsewhere(`${names[0]}${k}`)) canonical = `${names[0]}${k}`;
      for (const i of members) {
        const old = VARIABLE.exec(segments[i]![d]!)![1]!;
        if (old === canonical) continue;
        segments[i]![d] = `{${canonical}}`;
        renames[i]!.set(old, canonical);
      }
    }
  }
  const renamedPaths = segments.map((s) => s.join('/'));
  if (new Set(renamedPaths).size !== renamedPaths.length) {
    log.add('template', '/paths', 'sibling path variables left as written: giving them one name would merge two path entries');
    return;
  }
  const paths = newObject();
  original.forEach((path, i) => {
    const item = doc.paths && isObject(doc.paths) ? (doc.paths[path] as Json) : null;
    const map = renames[i]!;
    if (map.size === 0 || !isObject(item)) {
      paths[path] = item as Json;
      return;
    }
    renameInPathItem(doc, item, map);
    paths[renamedPaths[i]!] = item;
    log.add('rewrite-unsupported', childPointer('/paths', path), `path ${path} → ${renamedPaths[i]} (${[...map].map(([a, b]) => `{${a}} → {${b}}`).join(', ')}): REST allows one variable name per parent resource`);
  });
  doc.paths = paths;
}

function renameInPathItem(doc: JsonObject, item: JsonObject, map: Map<string, string>): void {
  const renameParams = (list: Json | undefined): Json | undefined => {
    if (!Array.isArray(list)) return list;
    return list.map((p) => {
      let param = p;
      if (isObject(p) && typeof p.$ref === 'string') {
        const target = resolvePointer(doc, p.$ref);
        if (!isObject(target) || target.in !== 'path' || typeof target.name !== 'string' || !map.has(target.name)) return p;
        param = clone(target);
      }
      if (!isObject(param) || param.in !== 'path' || typeof param.name !== 'string' || !map.has(param.name)) return p;
      // `param` is the document's own copy (the whole document was cloned) or a fresh clone of a shared one.
      param.name = map.get(param.name)!;
      return param;
    });
  };
  if (item.parameters !== undefined) item.parameters = renameParams(item.parameters)!;
  for (const method of OPERATION_KEYS) {
    const op = item[method];
    if (!isObject(op)) continue;
    if (op.parameters !== undefined) op.parameters = renameParams(op.parameters)!;
    const integration = op[INTEGRATION];
    if (!isObject(integration)) continue;
    const renameExpr = (v: Json): Json =>
      typeof v === 'string' ? v.replace(/method\.request\.path\.([A-Za-z0-9_.-]+)/g, (whole, name: string) => (map.has(name) ? `method.request.path.${map.get(name)}` : whole)) : v;
    if (isObject(integration.requestParameters)) {
      for (const k of Object.keys(integration.requestParameters)) integration.requestParameters[k] = renameExpr(integration.requestParameters[k]!);
    }
    if (Array.isArray(integration.cacheKeyParameters)) integration.cacheKeyParameters = integration.cacheKeyParameters.map(renameExpr);
  }
}
