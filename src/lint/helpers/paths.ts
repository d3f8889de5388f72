// Path-template helpers shared by the PATH, PARAM and OAS rules.

/** Segments of a path (`/a/{b}` → `['a', '{b}']`); the root `/` has none. */
export function segments(path: string): string[] {
  return path.split('/').slice(1).filter((s, i, all) => !(s === '' && i === all.length - 1));
}

/** A whole-segment variable `{name}` or greedy `{name+}`: its name, else undefined. */
export function variableOf(segment: string): { name: string; greedy: boolean } | undefined {
  const m = /^\{([^{}]+?)(\+)?\}$/.exec(segment);
  return m ? { name: m[1]!, greedy: m[2] === '+' } : undefined;
}

/** Every `{name}` in a path template, whole segment or not (greedy `+` stripped). */
export function templateNames(path: string): string[] {
  const out: string[] = [];
  for (const m of path.matchAll(/\{([^{}]+)\}/g)) out.push(m[1]!.replace(/\+$/, ''));
  return out;
}
