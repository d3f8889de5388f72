// Which model types a generated module uses, so it imports exactly those from models.generated.ts.

/**
 * `import type { … } from './models.generated.js'` for every model type name that appears as a
 * word in `text` (a name inside a string literal may cause a harmless extra import).
 */
export function importModels(text: string, modelTypeNames: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  for (const word of text.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu) ?? []) {
    if (modelTypeNames.has(word)) used.add(word);
  }
  if (used.size === 0) return [];
  return [`import type { ${[...used].sort().join(', ')} } from './models.generated.js';`];
}
