// Which names a generated module's code uses, so it imports exactly those: an import nothing uses
// breaks consumers that compile with noUnusedLocals.

/**
 * Comments and double-quoted string literals: the only forms spec text takes in a generated module
 * (see shared/escape.ts), where a summary saying "Pet" must not count as a use of the type `Pet`.
 */
const NOT_CODE = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"/g;
const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;

/** Every identifier in the code of `text` (comments and string literals left out). */
export function codeWords(text: string): Set<string> {
  return new Set(text.replace(NOT_CODE, ' ').match(IDENTIFIER) ?? []);
}

/** `import type { … } from './models.generated.js'` for every model type name among `words`. */
export function importModels(words: ReadonlySet<string>, modelTypeNames: ReadonlySet<string>): string[] {
  const used = [...words].filter((w) => modelTypeNames.has(w));
  if (used.length === 0) return [];
  return [`import type { ${used.sort().join(', ')} } from './models.generated.js';`];
}
