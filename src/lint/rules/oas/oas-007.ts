import type { Rule } from '../../rule.js';
import { child, parsePointer } from '../../pointer.js';
import { getAt, pointerToRef } from '../../../load/pointer.js';

export const oas007: Rule = {
  id: 'OAS-007',
  severity: 'error',
  description: '$refs must not go round in a circle with nothing else in it',
  fact: 'A Reference Object is replaced by what it points at, so a $ref to itself, or $refs that only point at one another (A → B → A), never reach a definition: the schema, parameter or response they stand for is undefined. API Gateway builds a model from each schema it imports, and a model that is only a reference to itself defines nothing [I].',
  visitors: {
    api(_api, ctx) {
      const document = ctx.document.document;
      const annotationsOnly = ctx.document.version === '3.1';
      for (const cycle of refCycles(document, annotationsOnly)) {
        const first = cycle[0]!;
        const path = [...cycle, first].map((p) => pointerToRef(p)).join(' → ');
        const message = cycle.length === 1
          ? `this $ref points at the object that holds it (${path}), so it stands for nothing (the SDK types it as unknown): give it a definition (type, properties, …) or point the $ref at one`
          : `these $refs only point at one another (${path}), so none of them stands for anything (the SDK types them as unknown): give one of them a definition (type, properties, …) or point a $ref at one`;
        ctx.report({ message, pointer: child(first, '$ref') });
      }
    },
  },
};

/** Keys that may sit beside `$ref` in OpenAPI 3.1 without giving the object content of its own. */
const ANNOTATIONS = new Set(['$ref', 'description', 'summary', 'title', '$comment', 'deprecated', 'readOnly', 'writeOnly', 'example', 'examples', 'default']);

/** An object that is a `#…` reference and nothing else (in 2.0 and 3.0 siblings of `$ref` are ignored). */
function pureRef(node: unknown, annotationsOnly: boolean): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const ref = (node as Record<string, unknown>).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  if (annotationsOnly && Object.keys(node).some((k) => !ANNOTATIONS.has(k) && !k.startsWith('x-'))) return undefined;
  return ref;
}

/**
 * Every circle of pure references, each as the pointers of its members starting with the one met
 * first in document order. One walk (objects shared through YAML aliases are visited once), then
 * each chain is followed once: linear in the document whatever its refs.
 */
function refCycles(document: unknown, annotationsOnly: boolean): string[][] {
  const pointerOf = new Map<object, string>();
  const order: object[] = [];
  const stack: [unknown, string][] = [[document, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== 'object' || pointerOf.has(node)) continue;
    pointerOf.set(node, pointer);
    if (pureRef(node, annotationsOnly) !== undefined) order.push(node);
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    // reversed so that the walk visits in document order
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], child(pointer, entries[i]![0])]);
  }
  const rank = new Map(order.map((node, i) => [node, i]));

  const settled = new Set<object>();
  const cycles: { rank: number; members: string[] }[] = [];
  for (const start of order) {
    const chain: object[] = [];
    const onChain = new Map<object, number>();
    let node: object | undefined = start;
    while (node !== undefined && !settled.has(node)) {
      const at = onChain.get(node);
      if (at !== undefined) {
        const members = chain.slice(at);
        const firstIndex = members.reduce((best, m, i) => (rank.get(m)! < rank.get(members[best]!)! ? i : best), 0);
        const rotated = [...members.slice(firstIndex), ...members.slice(0, firstIndex)];
        cycles.push({ rank: rank.get(rotated[0]!)!, members: rotated.map((m) => pointerOf.get(m)!) });
        break;
      }
      onChain.set(node, chain.length);
      chain.push(node);
      node = target(document, pureRef(node, annotationsOnly)!, annotationsOnly);
    }
    for (const n of chain) settled.add(n);
  }
  return cycles.sort((a, b) => a.rank - b.rank).map((c) => c.members);
}

/** What a `#…` ref points at when that is itself a pure reference, else undefined. */
function target(document: unknown, ref: string, annotationsOnly: boolean): object | undefined {
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  const { found, value } = getAt(document, parsePointer(pointer));
  return found && pureRef(value, annotationsOnly) !== undefined ? (value as object) : undefined;
}
