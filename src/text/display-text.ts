// A spec value as text for a message, a key or a sample, whatever its type. `String(x)` throws on an
// object without a prototype (the emitters and lint samples build those so that `__proto__` keys
// stay data) and says "[object Object]" on any other: a spec that puts a mapping where a name
// belongs must get a diagnostic or a refusal, not an internal error.

/** Like `String(value)` (arrays joined by commas), but objects are written as JSON. */
export function displayText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => (item === null || item === undefined ? '' : displayText(item))).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
