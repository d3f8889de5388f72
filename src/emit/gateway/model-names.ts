// REST API model names must be alphanumeric. Each other name becomes a PascalCase alphanumeric
// one (`pet-list` → `PetList`, `Pet_Response` → `PetResponse`), unique among the models, and
// every `$ref` to it (or into it) is updated.

import type { ChangeLog } from './changes.js';
import { escapeToken, isObject, newObject, type Json, type JsonObject } from './json.js';

const PREFIX = '#/components/schemas/';

/** Renames models in place; returns old name → new name for the renamed ones. */
export function alphanumericModelNames(doc: JsonObject, log: ChangeLog): Map<string, string> {
  const renames = new Map<string, string>();
  const components = doc.components;
  if (!isObject(components) || !isObject(components.schemas)) return renames;
  const schemas = components.schemas;
  const names = Object.keys(schemas);
  const taken = new Set(names.filter(isAlphanumeric));
  for (const name of names) {
    if (isAlphanumeric(name)) continue;
    const fresh = uniqueName(alphanumericName(name), taken);
    taken.add(fresh);
    renames.set(name, fresh);
  }
  if (renames.size === 0) return renames;

  // Rebuild in document order with the new keys.
  const renamed = newObject();
  for (const name of names) renamed[renames.get(name) ?? name] = schemas[name]!;
  components.schemas = renamed;
  for (const [from, to] of renames) log.add('rename-model', PREFIX.slice(1) + escapeToken(to), `model ${JSON.stringify(from)} renamed to ${to} (REST model names must be alphanumeric); references updated`);

  const byRef = new Map<string, string>();
  for (const [from, to] of renames) byRef.set(PREFIX + escapeToken(from), PREFIX + escapeToken(to));
  rewriteRefs(doc, byRef);
  return renames;
}

export function isAlphanumeric(name: string): boolean {
  return /^[A-Za-z0-9]+$/.test(name);
}

/** `pet-list.v2` → `PetListV2`; a name with no letters or digits becomes `Model`. */
export function alphanumericName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const joined = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return joined === '' ? 'Model' : joined;
}

export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

function rewriteRefs(root: Json, byRef: Map<string, string>): void {
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (Array.isArray(n)) stack.push(...n);
    else if (isObject(n)) {
      for (const key of Object.keys(n)) {
        const v = n[key]!;
        if (key === '$ref' && typeof v === 'string' && v.startsWith(PREFIX)) {
          const slash = v.indexOf('/', PREFIX.length);
          const head = slash === -1 ? v : v.slice(0, slash);
          const replacement = byRef.get(decodeRef(head));
          if (replacement !== undefined) n[key] = replacement + (slash === -1 ? '' : v.slice(slash));
        } else stack.push(v);
      }
    }
  }
}

function decodeRef(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}
