// Counts in messages: `plural(1, 'file')` → "1 file", `plural(3, 'file')` → "3 files".

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
