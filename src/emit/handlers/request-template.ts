// What a non-proxy Lambda integration's request mapping template hands the function. Many real
// templates are a JSON object whose values are `$input`/`$context` references; for those we can
// say exactly what the event looks like. Anything with directives (`#set`, `#foreach`, …) is
// beyond a static reading, and the caller falls back to the request model.

/** The shape of one value the template produces. */
export type TemplateValue =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'literal'; value: string | number | boolean | null }
  /** The request body, or the part of it a JSONPath (`$.a.b`) selects. `path` is the property chain. */
  | { kind: 'body'; path: (string | number)[] }
  | { kind: 'unknown' }
  | { kind: 'object'; fields: [string, TemplateValue][] }
  | { kind: 'array'; items: TemplateValue[] };

export interface TemplateShape {
  value: TemplateValue;
  /** Top-level field holding `$context.httpMethod`, if any: lets one function serve several non-proxy routes. */
  methodField?: string;
  /** Top-level field holding `$context.resourcePath`. */
  resourceField?: string;
}

const PLACEHOLDER = '\u0000ref:';

/** The event shape a template produces, or undefined when the template is not a plain JSON document of references. */
export function analyzeRequestTemplate(template: string): TemplateShape | undefined {
  const text = stripComments(template);
  if (/(^|[^\\$])#(set|if|elseif|else|end|foreach|macro|define|parse|include|break|stop|evaluate)\b/.test(text)) return undefined;
  const refs: string[] = [];
  const json = replaceBareReferences(text, refs);
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const value = toValue(parsed, refs);
  const shape: TemplateShape = { value };
  if (value.kind === 'object' && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key] of value.fields) {
      const raw = Object.getOwnPropertyDescriptor(parsed, key)?.value;
      if (typeof raw !== 'string') continue;
      const ref = raw.trim();
      if (/^\$\{?context\.httpMethod\}?$/.test(ref) && shape.methodField === undefined) shape.methodField = key;
      if (/^\$\{?context\.resourcePath\}?$/.test(ref) && shape.resourceField === undefined) shape.resourceField = key;
    }
  }
  return shape;
}

function stripComments(template: string): string {
  return template.replace(/#\*[\s\S]*?\*#/g, '').replace(/(^|[^\\])##[^\n]*/g, '$1');
}

/**
 * Replaces every reference that stands outside a JSON string (`"body": $input.json('$')`) with a
 * placeholder string, so the template parses as JSON. Returns undefined on unbalanced input.
 */
function replaceBareReferences(text: string, refs: string[]): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === '$' && /[!{A-Za-z]/.test(text[i + 1] ?? '')) {
      const end = referenceEnd(text, i);
      if (end < 0) return undefined;
      refs.push(text.slice(i, end));
      out += JSON.stringify(`${PLACEHOLDER}${refs.length - 1}`);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  return -1;
}

/** End (exclusive) of a VTL reference: `$a.b('x').c`, `$!{a.b}`, `$input.params().header.get('h')`. */
function referenceEnd(text: string, start: number): number {
  let j = start + 1;
  if (text[j] === '!') j++;
  if (text[j] === '{') {
    const close = text.indexOf('}', j);
    return close < 0 ? -1 : close + 1;
  }
  const ident = /^[A-Za-z_][\w-]*/;
  let m = ident.exec(text.slice(j));
  if (!m) return -1;
  j += m[0].length;
  for (;;) {
    if (text[j] === '(' || text[j] === '[') {
      const close = balancedEnd(text, j);
      if (close < 0) return -1;
      j = close;
    } else if (text[j] === '.' && (m = ident.exec(text.slice(j + 1)))) {
      j += 1 + m[0].length;
    } else return j;
  }
}

function balancedEnd(text: string, start: number): number {
  const open = text[start]!;
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let j = start; j < text.length; j++) {
    const c = text[j]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, j + 1);
      if (end < 0) return -1;
      j = end;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return -1;
}

function toValue(node: unknown, refs: string[]): TemplateValue {
  if (typeof node === 'string') {
    if (node.startsWith(PLACEHOLDER)) return bareReference(refs[Number(node.slice(PLACEHOLDER.length))] ?? '');
    return node.includes('$') ? { kind: 'string' } : { kind: 'literal', value: node };
  }
  if (typeof node === 'number' || typeof node === 'boolean' || node === null) return { kind: 'literal', value: node };
  if (Array.isArray(node)) return { kind: 'array', items: node.map((n) => toValue(n, refs)) };
  if (typeof node === 'object') {
    const fields: [string, TemplateValue][] = [];
    for (const key of Object.keys(node)) fields.push([key, toValue((node as Record<string, unknown>)[key], refs)]);
    return { kind: 'object', fields };
  }
  return { kind: 'unknown' };
}

/** A reference written outside quotes: its text is inserted as JSON. */
function bareReference(ref: string): TemplateValue {
  const r = ref.replace(/^\$!?\{?/, '$').replace(/\}$/, '');
  const json = /^\$input\.(?:json|path)\(\s*(['"])(.*)\1\s*\)$/.exec(r);
  if (json) {
    const path = jsonPath(json[2]!);
    return path ? { kind: 'body', path } : { kind: 'unknown' };
  }
  if (r === '$input.body') return { kind: 'body', path: [] };
  if (/^\$context\.(requestTimeEpoch|authorizer\.integrationLatency|responseLatency)$/.test(r)) return { kind: 'number' };
  return { kind: 'unknown' };
}

/** `$`, `$.a.b`, `$['a'].b[0]` → property chain; undefined for filters, wildcards, recursion. */
export function jsonPath(path: string): (string | number)[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/y;
  re.lastIndex = 1;
  let i = 1;
  while (i < path.length) {
    const m = re.exec(path);
    if (!m) return undefined;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4])!));
    i = re.lastIndex;
  }
  return out;
}
