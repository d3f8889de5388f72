// Where a node sits in one source file. A YAML file's index is built from the very event stream its
// data was constructed from (see parse.ts), so positions cost no second parse and stay exactly
// js-yaml's; a JSON file (read by JSON.parse) re-reads its text with js-yaml's event parser on the
// first lookup (offsets only, no values built). Lookups walk one mapping/sequence per pointer token
// through child tables built once per visited collection, so a lookup costs O(depth), and siblings
// (e.g. 1,000 `/components/schemas/X`) share their parent's table.

import { EVENT_ID, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';

export interface LineColumn {
  line: number;
  column: number;
}

const QUOTED_SINGLE = 2;
const QUOTED_DOUBLE = 3;

/** The first offset of a node, counting its anchor, tag and opening quote. -1 when it has no text. */
function nodeStart(ev: Event): number {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return earliest(earliest(earliest(-1, ev.style === QUOTED_SINGLE || ev.style === QUOTED_DOUBLE ? ev.valueStart - 1 : ev.valueStart), ev.tagStart), ev.anchorStart - 1); // anchorStart is just after `&`
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return earliest(earliest(earliest(-1, ev.start), ev.tagStart), ev.anchorStart - 1);
    case EVENT_ID.ALIAS:
      return earliest(-1, ev.anchorStart - 1); // `*`
    default:
      return -1;
  }
}

/**
 * The earlier of offset `a` (-1: none yet) and `b` (negative: none). A plain function rather than a
 * closure made per event (Stripe has 209,000 events).
 */
function earliest(a: number, b: number): number {
  if (b < 0) return a;
  return a < 0 || b < a ? b : a;
}

/**
 * The event stream packed into typed arrays (21 bytes an event instead of a ~100-byte object), so
 * that keeping it for the life of a load is cheap: Stripe's 4 MB spec has 209,000 events (4.4 MB).
 */
export interface EventIndex {
  type: Uint8Array;
  /** First offset of the node (see nodeStart), -1 when it has no text. */
  start: Int32Array;
  /** Index just past the node's subtree. */
  end: Int32Array;
  /** Scalar fields needed to decode a key with getScalarValue. */
  valueStart: Int32Array;
  valueEnd: Int32Array;
  /** style | chomping << 3 | fast << 5 | (indent + 1) << 6 (see packScalar). */
  scalar: Int32Array;
  /** Some node has a tag (`!Sub`, `!!str`, …). */
  tagged: boolean;
}

/** Set when the scalar's text is its value (js-yaml's `fast`: no quotes to undo, escapes or folding). */
const FAST = 1 << 5;
/** Members a lookup compares one by one before it builds the mapping's key table. */
const SCAN_LIMIT = 8;

function packScalar(ev: ScalarEvent): number {
  return ev.style | (ev.chomping << 3) | (ev.fast ? FAST : 0) | ((ev.indent + 1) << 6);
}

export function buildIndex(events: readonly Event[]): EventIndex {
  const n = events.length;
  const index: EventIndex = {
    type: new Uint8Array(n), start: new Int32Array(n), end: new Int32Array(n),
    valueStart: new Int32Array(n), valueEnd: new Int32Array(n), scalar: new Int32Array(n), tagged: false,
  };
  const { type, start, end, valueStart, valueEnd, scalar } = index;
  const open: number[] = [];
  let tagged = false;
  for (let i = 0; i < n; i++) {
    const ev = events[i] as Event;
    const t = ev.type;
    type[i] = t;
    start[i] = nodeStart(ev);
    end[i] = i + 1;
    if (t === EVENT_ID.SCALAR) {
      valueStart[i] = ev.valueStart;
      valueEnd[i] = ev.valueEnd;
      scalar[i] = packScalar(ev);
      if (ev.tagStart >= 0) tagged = true;
    } else if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) {
      open.push(i);
      if (ev.tagStart >= 0) tagged = true;
    } else if (t === EVENT_ID.DOCUMENT) {
      open.push(i);
    } else if (t === EVENT_ID.POP) {
      const opened = open.pop();
      if (opened !== undefined) end[opened] = i + 1;
    }
  }
  index.tagged = tagged;
  return index;
}

/** The lazily built indexes of one text, shared by every view of it (see FilePositions.within). */
interface SharedIndexes {
  index?: EventIndex;
  lineStarts?: Int32Array;
  /**
   * Per mapping event visited by a lookup: decoded key → the key's event index (the value follows
   * it). A Map, not an object, so keys like `__proto__` are data. The first of duplicate keys wins.
   */
  keys?: Map<number, Map<string, number>>;
  /** Per sequence event visited by a lookup: the event index of each item. */
  items?: Map<number, Int32Array>;
}

export class FilePositions {
  /**
   * @param text the text that was parsed
   * @param columnShifts spaces the lenient YAML reader inserted at the start of a line (1-based), so
   *   that reported columns still match the file on disk
   * @param prefix tokens prepended to every located pointer (a view of a subtree, see `within`)
   */
  constructor(
    private readonly text: string,
    private readonly columnShifts?: ReadonlyMap<number, number>,
    private readonly prefix: readonly string[] = [],
    private readonly shared: SharedIndexes = {},
  ) {}

  /** Positions of `text` from the events it was parsed into (no second parse on lookup). */
  static fromEvents(text: string, events: readonly Event[], columnShifts?: ReadonlyMap<number, number>): FilePositions {
    return new FilePositions(text, columnShifts, [], { index: buildIndex(events) });
  }

  /**
   * Positions of the subtree at `prefix`, located by pointers relative to it: an OpenAPI document
   * embedded in a CloudFormation template (`/Resources/Api/Properties/DefinitionBody`) is located
   * by its own pointers. Shares this text's index, so it is built at most once.
   */
  within(prefix: readonly string[]): FilePositions {
    return new FilePositions(this.text, this.columnShifts, [...this.prefix, ...prefix], this.shared);
  }

  /** Line and column (1-based) of an offset in the text. */
  offsetToLineColumn(offset: number): LineColumn {
    const starts = this.getLineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = lo + 1;
    const shift = this.columnShifts?.get(line) ?? 0;
    return { line, column: Math.max(1, offset - (starts[lo] as number) + 1 - shift) };
  }

  /**
   * Position of the node at `tokens` (unescaped JSON pointer tokens), or of its nearest ancestor
   * found in the text. A mapping member is reported at its key (the line that declares it), a
   * sequence item at the item.
   */
  locate(relative: readonly string[]): LineColumn {
    const tokens = this.prefix.length === 0 ? relative : [...this.prefix, ...relative];
    const ix = this.getIndex();
    const count = ix.type.length;
    let cur = ix.type[0] === EVENT_ID.DOCUMENT ? 1 : 0;
    let offset = cur < count ? Math.max(0, ix.start[cur] as number) : 0;
    for (const token of tokens) {
      if (cur >= count) break;
      let next = -1;
      if (ix.type[cur] === EVENT_ID.MAPPING) {
        const key = this.findKey(ix, cur, token);
        if (key !== -1) {
          if ((ix.start[key] as number) >= 0) offset = ix.start[key] as number;
          next = ix.end[key] as number;
        }
      } else if (ix.type[cur] === EVENT_ID.SEQUENCE && /^(0|[1-9][0-9]*)$/.test(token)) {
        const item = this.itemsOf(ix, cur)[Number(token)];
        if (item !== undefined) {
          if ((ix.start[item] as number) >= 0) offset = ix.start[item] as number;
          next = item;
        }
      }
      if (next === -1) break;
      cur = next;
    }
    return this.offsetToLineColumn(offset);
  }

  /**
   * The key event index of member `token` of mapping event `mapping`, or -1. Small mappings are
   * scanned in place (comparing text, no allocation); a scan that walks past SCAN_LIMIT members
   * builds the mapping's key table, which every later lookup in it uses.
   */
  private findKey(ix: EventIndex, mapping: number, token: string): number {
    const table = this.shared.keys?.get(mapping);
    if (table) return table.get(token) ?? -1;
    let members = 0;
    for (let j = mapping + 1; j < ix.type.length && ix.type[j] !== EVENT_ID.POP; members++) {
      if (members === SCAN_LIMIT) return this.keysOf(ix, mapping).get(token) ?? -1;
      if (ix.type[j] === EVENT_ID.SCALAR && this.scalarEquals(ix, j, token)) return j;
      j = ix.end[ix.end[j] as number] as number; // past the key, then past the value's subtree
    }
    return -1;
  }

  /** The key table of mapping event `mapping`, built once. */
  private keysOf(ix: EventIndex, mapping: number): Map<string, number> {
    const tables = (this.shared.keys ??= new Map());
    let keys = tables.get(mapping);
    if (keys) return keys;
    keys = new Map();
    for (let j = mapping + 1; j < ix.type.length && ix.type[j] !== EVENT_ID.POP; j = ix.end[ix.end[j] as number] as number) {
      if (ix.type[j] === EVENT_ID.SCALAR) {
        const key = this.scalarText(ix, j);
        if (!keys.has(key)) keys.set(key, j);
      }
    }
    tables.set(mapping, keys);
    return keys;
  }

  /** Whether scalar event `i` decodes to `token`, without decoding it when its text is its value. */
  private scalarEquals(ix: EventIndex, i: number, token: string): boolean {
    if (((ix.scalar[i] as number) & FAST) === 0) return this.scalarText(ix, i) === token;
    const start = ix.valueStart[i] as number;
    if (start < 0) return token === '';
    return (ix.valueEnd[i] as number) - start === token.length && this.text.startsWith(token, start);
  }

  /** The item event indexes of sequence event `sequence`, built on its first visit. */
  private itemsOf(ix: EventIndex, sequence: number): Int32Array {
    const tables = (this.shared.items ??= new Map());
    let items = tables.get(sequence);
    if (items) return items;
    const found: number[] = [];
    for (let j = sequence + 1; j < ix.type.length && ix.type[j] !== EVENT_ID.POP; j = ix.end[j] as number) found.push(j);
    items = Int32Array.from(found);
    tables.set(sequence, items);
    return items;
  }

  /** Whether some node of this text has a tag (`!Sub x`, `!!str 1`, a `%TAG` handle's `!e!x`). */
  hasTags(): boolean {
    return this.getIndex().tagged;
  }

  /**
   * The values (decoded) of the double-quoted scalars whose text holds a backslash: the escapes
   * (`\x41`, `\u0041`, a `\` line join) by which a YAML value can hold text its source does not spell.
   * Only for a text parsed as YAML, whose index is at hand; cheap when the text has no backslash.
   */
  escapedScalarValues(): string[] {
    const slashes: number[] = [];
    for (let i = this.text.indexOf('\\'); i !== -1; i = this.text.indexOf('\\', i + 1)) slashes.push(i);
    if (slashes.length === 0) return [];
    const ix = this.getIndex();
    const out: string[] = [];
    for (let i = 0; i < ix.type.length; i++) {
      if (ix.type[i] !== EVENT_ID.SCALAR || ((ix.scalar[i] as number) & 7) !== QUOTED_DOUBLE) continue;
      const start = ix.valueStart[i] as number;
      const end = ix.valueEnd[i] as number;
      // the first backslash at or after the value's start (binary search), inside the value?
      let lo = 0;
      let hi = slashes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((slashes[mid] as number) < start) lo = mid + 1;
        else hi = mid;
      }
      if (lo < slashes.length && (slashes[lo] as number) < end) out.push(this.scalarText(ix, i));
    }
    return out;
  }

  /** The decoded value of scalar event `i` (keys may be quoted, escaped or folded). */
  private scalarText(ix: EventIndex, i: number): string {
    const valueStart = ix.valueStart[i] as number;
    const packed = ix.scalar[i] as number;
    const style = packed & 7;
    const event: ScalarEvent = {
      type: EVENT_ID.SCALAR, valueStart, valueEnd: ix.valueEnd[i] as number,
      anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1,
      style: style as ScalarEvent['style'], chomping: ((packed >> 3) & 3) as ScalarEvent['chomping'],
      indent: (packed >> 6) - 1, fast: (packed & FAST) !== 0,
    };
    return getScalarValue(this.text, event);
  }

  private getIndex(): EventIndex {
    if (!this.shared.index) {
      let events: Event[];
      try {
        events = parseEvents(this.text, {});
      } catch {
        events = []; // the text parsed once already; should it not now, positions degrade to 1:1
      }
      this.shared.index = buildIndex(events);
    }
    return this.shared.index;
  }

  private getLineStarts(): Int32Array {
    if (!this.shared.lineStarts) {
      const starts = [0];
      let i = this.text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = this.text.indexOf('\n', i + 1);
      }
      this.shared.lineStarts = Int32Array.from(starts);
    }
    return this.shared.lineStarts;
  }
}
