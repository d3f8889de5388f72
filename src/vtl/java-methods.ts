// Java methods and bean properties of the built-in value types (String, Integer/Double, Boolean,
// Map, List, Map.Entry), resolved the way Velocity's introspector does: `$s.length()` calls
// String.length(); `$m.key` is Map.get("key"); `$e.key` is Entry.getKey().
// A method that does not exist for the type returns NO_METHOD; a Java exception (e.g.
// StringIndexOutOfBoundsException) is thrown as JavaException and becomes a render error.

import { javaRegex, javaReplacement, javaSplit } from './java-regex.js';
import {
  JavaIterator,
  JDouble,
  JsonList,
  MapEntry,
  NO_METHOD,
  isNumber,
  isVtlObject,
  javaTypeName,
  numberValue,
  toJavaString,
} from './values.js';

export class JavaException extends Error {}

/** Java `Object.equals` as Velocity's `==` and `.equals()` see it for same-typed values. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (isNumber(a) && isNumber(b)) return numberValue(a) === numberValue(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => javaEquals(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !javaEquals(v, b.get(k))) return false;
    return true;
  }
  return false;
}

function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function outOfBounds(what: string): never {
  throw new JavaException(`StringIndexOutOfBoundsException: ${what}`);
}

/** Call `name(args)` on a String. */
function stringMethod(s: string, name: string, args: unknown[]): unknown {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case 'length/0': return s.length;
    case 'isEmpty/0': return s.length === 0;
    case 'toString/0': return s;
    case 'trim/0': return s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
    case 'toLowerCase/0': return s.toLowerCase();
    case 'toUpperCase/0': return s.toUpperCase();
    case 'hashCode/0': {
      let h = 0;
      for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
      return h;
    }
    case 'charAt/1': {
      const i = int(a);
      if (i === undefined) return NO_METHOD;
      if (i < 0 || i >= s.length) outOfBounds(`index ${i}, length ${s.length}`);
      return s[i];
    }
    case 'substring/1': {
      const i = int(a);
      if (i === undefined) return NO_METHOD;
      if (i < 0 || i > s.length) outOfBounds(`begin ${i}, end ${s.length}, length ${s.length}`);
      return s.slice(i);
    }
    case 'substring/2': {
      const i = int(a);
      const j = int(b);
      if (i === undefined || j === undefined) return NO_METHOD;
      if (i < 0 || j > s.length || i > j) outOfBounds(`begin ${i}, end ${j}, length ${s.length}`);
      return s.slice(i, j);
    }
    case 'indexOf/1':
    case 'lastIndexOf/1': {
      const t = str(a);
      if (t === undefined) return NO_METHOD;
      return name === 'indexOf' ? s.indexOf(t) : s.lastIndexOf(t);
    }
    case 'indexOf/2': {
      const t = str(a);
      const from = int(b);
      if (t === undefined || from === undefined) return NO_METHOD;
      return s.indexOf(t, Math.max(0, from));
    }
    case 'contains/1': {
      if (a === null || a === undefined) throw new JavaException('NullPointerException: contains(null)');
      return typeof a === 'string' ? s.includes(a) : NO_METHOD;
    }
    case 'startsWith/1': return str(a) === undefined ? NO_METHOD : s.startsWith(a as string);
    case 'startsWith/2': return str(a) === undefined || int(b) === undefined ? NO_METHOD : s.startsWith(a as string, b as number);
    case 'endsWith/1': return str(a) === undefined ? NO_METHOD : s.endsWith(a as string);
    case 'equals/1': return typeof a === 'string' && a === s;
    case 'equalsIgnoreCase/1': return typeof a === 'string' && a.toLowerCase() === s.toLowerCase();
    case 'compareTo/1': return str(a) === undefined ? NO_METHOD : compareStrings(s, a as string);
    case 'compareToIgnoreCase/1': return str(a) === undefined ? NO_METHOD : compareStrings(s.toLowerCase(), (a as string).toLowerCase());
    case 'concat/1': return str(a) === undefined ? NO_METHOD : s + (a as string);
    case 'replace/2': {
      // String.replace(CharSequence, CharSequence) replaces every occurrence, literally.
      if (str(a) === undefined || str(b) === undefined) return NO_METHOD;
      return s.split(a as string).join(b as string);
    }
    case 'replaceAll/2':
    case 'replaceFirst/2': {
      if (str(a) === undefined || str(b) === undefined) return NO_METHOD;
      const re = javaRegex(a as string);
      const replacer = javaReplacement(b as string);
      if (name === 'replaceAll') {
        re.lastIndex = 0;
        return s.replace(re, replacer);
      }
      return s.replace(new RegExp(re.source, re.flags.replace('g', '')), replacer);
    }
    case 'matches/1': {
      if (str(a) === undefined) return NO_METHOD;
      const re = javaRegex(a as string);
      return new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')).test(s);
    }
    case 'split/1': return str(a) === undefined ? NO_METHOD : javaSplit(s, a as string);
    case 'split/2': return str(a) === undefined || int(b) === undefined ? NO_METHOD : javaSplit(s, a as string, b as number);
    default: return NO_METHOD;
  }
}

function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function numberMethod(n: number | JDouble, name: string, args: unknown[]): unknown {
  const v = numberValue(n);
  switch (`${name}/${args.length}`) {
    case 'toString/0': return toJavaString(n);
    case 'intValue/0':
    case 'longValue/0': return Math.trunc(v);
    case 'doubleValue/0':
    case 'floatValue/0': return new JDouble(v);
    case 'equals/1': {
      const o = args[0];
      // Integer.equals(Double) is false in Java: the types must match.
      return isNumber(o) && typeof o === typeof n && (o instanceof JDouble) === (n instanceof JDouble) && numberValue(o) === v;
    }
    case 'compareTo/1': return isNumber(args[0]) ? Math.sign(v - numberValue(args[0])) : NO_METHOD;
    case 'hashCode/0': return typeof n === 'number' ? n | 0 : NO_METHOD;
    default: return NO_METHOD;
  }
}

function mapMethod(m: Map<string, unknown>, name: string, args: unknown[]): unknown {
  // Hot paths of typical templates (passthrough loops), without building the switch key.
  if (args.length === 1 && name === 'get') return m.get(keyOf(args[0])) ?? null;
  if (args.length === 0 && name === 'keySet') {
    const keys: string[] = [];
    for (const k of m.keys()) keys.push(k);
    return keys;
  }
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case 'get/1': return m.get(keyOf(a)) ?? null;
    case 'containsKey/1': return m.has(keyOf(a));
    case 'containsValue/1': return [...m.values()].some((v) => javaEquals(v, a));
    case 'keySet/0': return [...m.keys()];
    case 'values/0': return [...m.values()];
    case 'entrySet/0': return [...m].map(([k, v]) => new MapEntry(k, v));
    case 'size/0': return m.size;
    case 'isEmpty/0': return m.size === 0;
    case 'put/2': {
      const k = keyOf(a);
      const old = m.get(k) ?? null;
      m.set(k, b);
      return old;
    }
    case 'putAll/1': {
      if (!(a instanceof Map)) return NO_METHOD;
      for (const [k, v] of a) m.set(k, v);
      return null;
    }
    case 'remove/1': {
      const k = keyOf(a);
      const old = m.get(k) ?? null;
      m.delete(k);
      return old;
    }
    case 'clear/0': return m.clear(), null;
    case 'toString/0': return toJavaString(m);
    case 'equals/1': return javaEquals(m, a);
    default: return NO_METHOD;
  }
}

function keyOf(k: unknown): string {
  return typeof k === 'string' ? k : toJavaString(k);
}

function listIndex(list: unknown[], i: unknown, forInsert = false): number {
  const n = int(i);
  if (n === undefined) throw new JavaException(`list index must be an Integer, got ${javaTypeName(i)}`);
  if (n < 0 || n > list.length || (!forInsert && n === list.length))
    throw new JavaException(`IndexOutOfBoundsException: Index ${n} out of bounds for length ${list.length}`);
  return n;
}

function listMethod(list: unknown[], name: string, args: unknown[]): unknown {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case 'get/1': return list[listIndex(list, a)] ?? null;
    case 'size/0': return list.length;
    case 'isEmpty/0': return list.length === 0;
    case 'contains/1': return list.some((x) => javaEquals(x, a));
    case 'indexOf/1': return list.findIndex((x) => javaEquals(x, a));
    case 'add/1': return list.push(a), true;
    case 'add/2': return list.splice(listIndex(list, a, true), 0, b), null;
    case 'addAll/1': {
      if (!Array.isArray(a)) return NO_METHOD;
      // One push per item (spreading a long list into push() overflows the call stack), over the
      // length it had: `$l.addAll($l)` doubles the list, as in Java.
      const n = a.length;
      for (let i = 0; i < n; i++) list.push(a[i]);
      return true;
    }
    case 'iterator/0': return new JavaIterator(list);
    case 'set/2': {
      const i = listIndex(list, a);
      const old = list[i];
      list[i] = b;
      return old ?? null;
    }
    case 'remove/1': {
      if (typeof a === 'number') return list.splice(listIndex(list, a), 1)[0] ?? null;
      const i = list.findIndex((x) => javaEquals(x, a));
      if (i >= 0) list.splice(i, 1);
      return i >= 0;
    }
    case 'subList/2': {
      const i = int(a);
      const j = int(b);
      if (i === undefined || j === undefined) return NO_METHOD;
      if (i < 0 || j > list.length || i > j) throw new JavaException(`IndexOutOfBoundsException: subList(${i}, ${j})`);
      return list instanceof JsonList ? JsonList.from(list.slice(i, j)) : list.slice(i, j);
    }
    case 'clear/0': return (list.length = 0), null;
    case 'toString/0': return toJavaString(list);
    case 'equals/1': return javaEquals(list, a);
    default: return NO_METHOD;
  }
}

/** `$target.name(args)`. */
export function callJavaMethod(target: unknown, name: string, args: unknown[]): unknown {
  if (typeof target === 'string') return stringMethod(target, name, args);
  // Maps ($context, params, JSON objects) and environment objects are the common targets: test them first.
  if (target instanceof Map) return mapMethod(target, name, args);
  if (isNumber(target)) return numberMethod(target, name, args);
  if (typeof target === 'boolean') {
    if (name === 'toString' && args.length === 0) return String(target);
    if (name === 'booleanValue' && args.length === 0) return target;
    if (name === 'equals' && args.length === 1) return args[0] === target;
    return NO_METHOD;
  }
  if (target instanceof Map) return mapMethod(target, name, args);
  if (Array.isArray(target)) return listMethod(target, name, args);
  if (target instanceof MapEntry) {
    if (args.length === 0 && name === 'getKey') return target.key;
    if (args.length === 0 && name === 'getValue') return target.value;
    if (args.length === 1 && name === 'setValue') {
      const old = target.value;
      target.value = args[0];
      return old;
    }
    if (args.length === 0 && name === 'toString') return toJavaString(target);
    return NO_METHOD;
  }
  if (isVtlObject(target)) return target.vtlMethod(name, args);
  return NO_METHOD;
}

/**
 * `$target.name` the way Velocity resolves a property: a Map's get(name); otherwise the getter
 * getName()/isName(). Returns undefined when there is nothing by that name.
 */
export function getJavaProperty(target: unknown, name: string): unknown {
  if (target instanceof Map) return target.has(name) ? target.get(name) : undefined;
  if (isVtlObject(target)) return target.vtlProperty(name);
  if (target === null || target === undefined) return undefined;
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  for (const getter of [`get${cap}`, `is${cap}`, `get${name}`]) {
    const r = callJavaMethod(target, getter, []);
    if (r !== NO_METHOD) return r;
  }
  if (typeof target === 'string' && name === 'empty') return target.length === 0;
  if (Array.isArray(target) && name === 'empty') return target.length === 0;
  return undefined;
}

/** `$target[index]` (Velocity 1.7 index notation): List.get(int) or Map.get(key). */
export function getJavaIndex(target: unknown, index: unknown): unknown {
  if (Array.isArray(target)) {
    const i = int(index);
    if (i === undefined) return undefined;
    // Velocity 1.7 also accepts negative indexes counting from the end.
    const j = i < 0 ? target.length + i : i;
    if (j < 0 || j >= target.length) throw new JavaException(`IndexOutOfBoundsException: Index ${i} out of bounds for length ${target.length}`);
    return target[j];
  }
  if (target instanceof Map) return target.get(keyOf(index)) ?? null;
  if (isVtlObject(target)) {
    const r = target.vtlMethod('get', [index]);
    return r === NO_METHOD ? undefined : r;
  }
  return undefined;
}
