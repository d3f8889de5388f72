// The Java value model the evaluator works on. API Gateway runs Apache Velocity on the JVM, so
// values behave like Java objects: Integer vs Double arithmetic, `Map.toString()` as `{k=v}`,
// `List.toString()` as `[a, b]`, and lists that came from JSON (json-smart's JSONArray)
// printing themselves as compact JSON.
//
//   Java            here
//   String          string
//   Integer/Long    number (always an integer value)
//   Double          JDouble
//   Boolean         boolean
//   null            null
//   Map             Map<string, unknown> (insertion order, like LinkedHashMap)
//   List            Array (Velocity-made lists, keySet(), values(), split())
//   JSONArray       JsonList (lists that came out of a JSON document)

/** A Java `double`. Integers are plain JS numbers; a double keeps its type even when whole (`1.0`). */
export class JDouble {
  constructor(readonly value: number) {}
  toString(): string {
    return javaDoubleToString(this.value);
  }
}

/** A list parsed from JSON. Java's json-smart JSONArray renders itself as compact JSON. */
export class JsonList extends Array<unknown> {
  static override get [Symbol.species]() {
    return Array;
  }
}

/**
 * Make `items` a JsonList in place. Much cheaper than constructing the Array subclass (`new
 * JsonList()` goes through V8's slow derived-constructor path; the JSON reader builds many lists).
 */
export function asJsonList(items: unknown[]): JsonList {
  return Object.setPrototypeOf(items, JsonList.prototype) as JsonList;
}

/** A map whose `toString()` is empty: API Gateway's nested `$context` objects print as "". */
export class OpaqueMap extends Map<string, unknown> {}

/** `Map.Entry` as returned by `entrySet()`. */
export class MapEntry {
  constructor(
    readonly key: string,
    public value: unknown,
  ) {}
}

/** Objects that expose Java-like members to templates ($input, $util, $foreach …). */
export interface VtlObject {
  /** `$obj.name`; return undefined when there is no such property. */
  vtlProperty(name: string): unknown;
  /** `$obj.name(args)`; return NO_METHOD when there is no such method. */
  vtlMethod(name: string, args: unknown[]): unknown;
  /** What `$obj` prints. */
  vtlToString(): string;
}

/** `$list.iterator()`: `hasNext()` / `next()`; #foreach over it takes the items not yet taken. */
export class JavaIterator implements VtlObject {
  private next = 0;
  constructor(private readonly items: readonly unknown[]) {}
  /** The items not yet taken, now taken. */
  drain(): unknown[] {
    const rest = this.items.slice(this.next);
    this.next = this.items.length;
    return rest;
  }
  vtlProperty(): unknown {
    return undefined;
  }
  vtlMethod(name: string, args: unknown[]): unknown {
    if (args.length) return NO_METHOD;
    if (name === 'hasNext') return this.next < this.items.length;
    if (name === 'next') {
      if (this.next >= this.items.length) throw new NoSuchElement();
      return this.items[this.next++];
    }
    return NO_METHOD;
  }
  vtlToString(): string {
    return 'java.util.ArrayList$Itr';
  }
}

/** Thrown by `next()` past the end (the evaluator reports it as Java's NoSuchElementException). */
export class NoSuchElement extends Error {
  constructor() {
    super('NoSuchElementException: the iterator has no more items');
  }
}

/** Returned by method dispatch when the object has no such method (Velocity then prints the reference literally). */
export const NO_METHOD: unique symbol = Symbol('NO_METHOD');

export function isVtlObject(value: unknown): value is VtlObject {
  return typeof value === 'object' && value !== null && 'vtlMethod' in value;
}

export function isNumber(value: unknown): value is number | JDouble {
  return typeof value === 'number' || value instanceof JDouble;
}

export function numberValue(value: number | JDouble): number {
  return typeof value === 'number' ? value : value.value;
}

/** Java's `Double.toString(double)`. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  // Scientific: shortest digits, mantissa always has a fractional part, exponent without '+'.
  const [mantissa, exponent] = d.toExponential().split('e') as [string, string];
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.replace('+', '')}`;
}

/** What Velocity prints for a non-null value: Java's `toString()`. */
export function toJavaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : javaDoubleToString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JDouble) return value.toString();
  if (value instanceof JsonList) return toJson(value);
  if (Array.isArray(value)) return `[${value.map(toJavaString).join(', ')}]`;
  if (value instanceof OpaqueMap) return '';
  if (value instanceof Map) {
    const parts: string[] = [];
    for (const [k, v] of value) parts.push(`${k}=${toJavaString(v)}`);
    return `{${parts.join(', ')}}`;
  }
  if (value instanceof MapEntry) return `${value.key}=${toJavaString(value.value)}`;
  if (isVtlObject(value)) return value.vtlToString();
  return String(value);
}

/** Compact JSON as json-smart writes it (used by `$input.json` and by JSON lists' toString). */
export function toJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof JDouble) return toJavaString(value);
  // Plain concatenation: cheaper than map/join for the small containers of request bodies.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + toJson(value[i]);
    return `${out}]`;
  }
  if (value instanceof Map) {
    let out = '{';
    let first = true;
    for (const [k, v] of value) {
      out += (first ? '' : ',') + jsonString(k) + ':' + toJson(v);
      first = false;
    }
    return `${out}}`;
  }
  if (value instanceof MapEntry) return `{${jsonString(value.key)}:${toJson(value.value)}}`;
  return jsonString(toJavaString(value));
}

const NEEDS_JSON_ESCAPE = /["\\\x00-\x1f\x7f-\x9f]/;

function jsonString(s: string): string {
  if (!NEEDS_JSON_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Java-ish class name, for error messages. */
export function javaTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'Integer';
  if (value instanceof JDouble) return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  if (value instanceof Map) return 'Map';
  return 'Object';
}
