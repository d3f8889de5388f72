// Reading untrusted spec data: every accessor tolerates a wrong type and returns undefined
// rather than throwing, because normalize records what it sees and lint reports it.
// Lookups use own properties only, so a spec key such as `__proto__` or `constructor` is data.

import type { Intrinsic, Value } from './types.js';

export type Json = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

export function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An own property of a spec object (never one inherited from Object.prototype). */
export function get(obj: unknown, key: string): unknown {
  return isObject(obj) && hasOwn.call(obj, key) ? obj[key] : undefined;
}

export function getObject(obj: unknown, key: string): Json | undefined {
  const v = get(obj, key);
  return isObject(v) ? v : undefined;
}

export function getArray(obj: unknown, key: string): unknown[] | undefined {
  const v = get(obj, key);
  return Array.isArray(v) ? v : undefined;
}

export function getString(obj: unknown, key: string): string | undefined {
  const v = get(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** Strings as written; numbers and booleans turned into their text (YAML `200:` keys, `1.0` versions). */
export function getText(obj: unknown, key: string): string | undefined {
  return asText(get(obj, key));
}

export function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A version-like field (`payloadFormatVersion: 1.0` in YAML is the number 1): `1` → `"1.0"`. */
export function getVersionText(obj: unknown, key: string): string | undefined {
  const v = get(obj, key);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(v);
  return typeof v === 'string' ? v : undefined;
}

export function getBoolean(obj: unknown, key: string): boolean | undefined {
  const v = get(obj, key);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function getNumber(obj: unknown, key: string): number | undefined {
  const v = get(obj, key);
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** The string items of an array field (others dropped); a lone string becomes a one-item list. */
export function getStringList(obj: unknown, key: string): string[] {
  const v = get(obj, key);
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v) if (typeof item === 'string') out.push(item);
  return out;
}

/** A map built from spec keys: no prototype, so `__proto__` is an ordinary key. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A shallow copy of a spec map into a prototype-free object. */
export function copyMap(v: unknown): Record<string, unknown> {
  const out = dict<unknown>();
  if (isObject(v)) for (const k of Object.keys(v)) out[k] = v[k];
  return out;
}

/** Keep only string values: templates are text (an `Fn::Sub` template keeps its source text). */
export function copyTemplates(v: unknown): Record<string, string> {
  const out = dict<string>();
  if (!isObject(v)) return out;
  for (const k of Object.keys(v)) {
    const t = v[k];
    if (typeof t === 'string') out[k] = t;
    else {
      const sub = subTemplate(t);
      if (sub !== undefined) out[k] = sub;
    }
  }
  return out;
}

// ---------------------------------------------------------------- CloudFormation intrinsics

/** `{ "Fn::Sub": … }`, `{ "Ref": … }`, `{ "Condition": … }`: an object with exactly one intrinsic key. */
export function intrinsicName(x: unknown): string | undefined {
  if (!isObject(x)) return undefined;
  let name: string | undefined;
  for (const k in x) {
    if (!hasOwn.call(x, k)) continue;
    if (name !== undefined) return undefined;
    name = k;
  }
  if (name === undefined) return undefined;
  return name === 'Ref' || name === 'Condition' || name.startsWith('Fn::') ? name : undefined;
}

export function toIntrinsic(x: unknown): Intrinsic | undefined {
  const fn = intrinsicName(x);
  return fn === undefined ? undefined : { intrinsic: true, fn, args: (x as Json)[fn] };
}

/** A string field that may hold an intrinsic; numbers/booleans become text; anything else is absent. */
export function toValue(x: unknown): Value | undefined {
  const t = asText(x);
  if (t !== undefined) return t;
  return toIntrinsic(x);
}

export function getValue(obj: unknown, key: string): Value | undefined {
  return toValue(get(obj, key));
}

export function isIntrinsic(v: unknown): v is Intrinsic {
  return isObject(v) && v.intrinsic === true && typeof v.fn === 'string';
}

/** The template text of `{ "Fn::Sub": "…" }` or `{ "Fn::Sub": ["…", {…}] }`. */
export function subTemplate(x: unknown): string | undefined {
  const args = get(x, 'Fn::Sub');
  if (typeof args === 'string') return args;
  if (Array.isArray(args) && typeof args[0] === 'string') return args[0];
  return undefined;
}

/**
 * The text a value stands for, with CloudFormation references written as `${Name}` /
 * `${Name.Attr}` the way `Fn::Sub` writes them: `Fn::Join` pieces are joined, `Fn::Sub`
 * variables that are themselves `Ref`/`Fn::GetAtt` are rewritten to that form. Returns
 * undefined for intrinsics whose result cannot be written down (`Fn::If`, `Fn::ImportValue`, …).
 */
export function valueText(x: unknown, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (typeof x === 'string') return x;
  if (isIntrinsic(x)) return valueText({ [x.fn]: x.args }, depth);
  const fn = intrinsicName(x);
  if (fn === undefined) return asText(x);
  const args = (x as Json)[fn];
  switch (fn) {
    case 'Ref':
      return typeof args === 'string' ? `\${${args}}` : undefined;
    case 'Fn::GetAtt': {
      if (typeof args === 'string') return `\${${args}}`;
      if (Array.isArray(args) && typeof args[0] === 'string' && typeof args[1] === 'string') return `\${${args[0]}.${args[1]}}`;
      return undefined;
    }
    case 'Fn::Sub': {
      if (typeof args === 'string') return args;
      if (!Array.isArray(args) || typeof args[0] !== 'string') return undefined;
      const vars = isObject(args[1]) ? args[1] : undefined;
      if (!vars) return args[0];
      return args[0].replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
        if (!hasOwn.call(vars, name)) return whole;
        return valueText(vars[name], depth + 1) ?? whole;
      });
    }
    case 'Fn::Join': {
      if (!Array.isArray(args) || typeof args[0] !== 'string' || !Array.isArray(args[1])) return undefined;
      const parts: string[] = [];
      for (const p of args[1]) {
        const t = valueText(p, depth + 1);
        if (t === undefined) return undefined;
        parts.push(t);
      }
      return parts.join(args[0]);
    }
    default:
      return undefined;
  }
}
