// Where a node sits in one source file, computed lazily. Loading never pays for positions: the first
// lookup in a file re-reads its text with js-yaml's event parser (offsets only, no values built),
// which handles YAML block and flow styles, multi-line scalars and JSON alike (JSON is YAML flow).

import { EVENT_ID, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';

export interface LineColumn {
  line: number;
  column: number;
}

const QUOTED_SINGLE = 2;
const QUOTED_DOUBLE = 3;

/** The first offset of a node, counting its anchor, tag and opening quote. -1 when it has no text. */
function nodeStart(ev: Event): number {
  let start = -1;
  const take = (o: number): void => {
    if (o >= 0 && (start === -1 || o < start)) start = o;
  };
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      take(ev.style === QUOTED_SINGLE || ev.style === QUOTED_DOUBLE ? ev.valueStart - 1 : ev.valueStart);
      take(ev.tagStart);
      take(ev.anchorStart - 1); // anchorStart is just after `&`
      break;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      take(ev.start);
      take(ev.tagStart);
      take(ev.anchorStart - 1);
      break;
    case EVENT_ID.ALIAS:
      take(ev.anchorStart - 1); // `*`
      break;
    default:
      break;
  }
  return start;
}

/**
 * The event stream packed into typed arrays (about 20 bytes an event instead of a ~150-byte object),
 * so that a file whose positions were asked for once stays cheap to keep: Stripe's 4 MB spec has
 * 200,000 events.
 */
interface EventIndex {
  type: Uint8Array;
  /** First offset of the node (see nodeStart), -1 when it has no text. */
  start: Int32Array;
  /** Index just past the node's subtree. */
  end: Int32Array;
  /** Scalar fields needed to decode a key with getScalarValue. */
  valueStart: Int32Array;
  valueEnd: Int32Array;
  style: Uint8Array;
  chomping: Uint8Array;
  indent: Int32Array;
  fast: Uint8Array;
}

function buildIndex(events: readonly Event[]): EventIndex {
  const n = events.length;
  const index: EventIndex = {
    type: new Uint8Array(n), start: new Int32Array(n), end: new Int32Array(n),
    valueStart: new Int32Array(n), valueEnd: new Int32Array(n), style: new Uint8Array(n),
    chomping: new Uint8Array(n), indent: new Int32Array(n), fast: new Uint8Array(n),
  };
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const ev = events[i] as Event;
    index.type[i] = ev.type;
    index.start[i] = nodeStart(ev);
    index.end[i] = i + 1;
    if (ev.type === EVENT_ID.SCALAR) {
      index.valueStart[i] = ev.valueStart;
      index.valueEnd[i] = ev.valueEnd;
      index.style[i] = ev.style;
      index.chomping[i] = ev.chomping;
      index.indent[i] = ev.indent;
      index.fast[i] = ev.fast ? 1 : 0;
    } else if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE || ev.type === EVENT_ID.DOCUMENT) {
      open.push(i);
    } else if (ev.type === EVENT_ID.POP) {
      const start = open.pop();
      if (start !== undefined) index.end[start] = i + 1;
    }
  }
  return index;
}

/** The lazily built indexes of one text, shared by every view of it (see FilePositions.within). */
interface SharedIndexes {
  index?: EventIndex;
  lineStarts?: Int32Array;
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
        for (let j = cur + 1; j < count && ix.type[j] !== EVENT_ID.POP; ) {
          const valueIndex = ix.end[j] as number;
          if (ix.type[j] === EVENT_ID.SCALAR && this.scalarText(ix, j) === token) {
            if ((ix.start[j] as number) >= 0) offset = ix.start[j] as number;
            next = valueIndex;
            break;
          }
          j = ix.end[valueIndex] as number;
        }
      } else if (ix.type[cur] === EVENT_ID.SEQUENCE && /^(0|[1-9][0-9]*)$/.test(token)) {
        let remaining = Number(token);
        let j = cur + 1;
        while (remaining > 0 && j < count && ix.type[j] !== EVENT_ID.POP) {
          j = ix.end[j] as number;
          remaining--;
        }
        if (j < count && ix.type[j] !== EVENT_ID.POP) {
          if ((ix.start[j] as number) >= 0) offset = ix.start[j] as number;
          next = j;
        }
      }
      if (next === -1) break;
      cur = next;
    }
    return this.offsetToLineColumn(offset);
  }

  /** The decoded value of scalar event `i` (keys may be quoted, escaped or folded). */
  private scalarText(ix: EventIndex, i: number): string {
    const valueStart = ix.valueStart[i] as number;
    if (ix.fast[i] === 1 && ix.style[i] === 1) return this.text.slice(valueStart, ix.valueEnd[i]);
    const event: ScalarEvent = {
      type: EVENT_ID.SCALAR, valueStart, valueEnd: ix.valueEnd[i] as number,
      anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1,
      style: ix.style[i] as ScalarEvent['style'], chomping: ix.chomping[i] as ScalarEvent['chomping'],
      indent: ix.indent[i] as number, fast: ix.fast[i] === 1,
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
