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

export class FilePositions {
  private events: Event[] | undefined;
  /** For each event index, the index just past its subtree (its POP + 1 for collections). */
  private ends: Int32Array | undefined;
  private lineStarts: Int32Array | undefined;

  /**
   * @param text the text that was parsed
   * @param columnShifts spaces the lenient YAML reader inserted at the start of a line (1-based), so
   *   that reported columns still match the file on disk
   */
  constructor(
    private readonly text: string,
    private readonly columnShifts?: ReadonlyMap<number, number>,
  ) {}

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
  locate(tokens: readonly string[]): LineColumn {
    const events = this.getEvents();
    const ends = this.ends as Int32Array;
    let cur = events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
    let offset = Math.max(0, events[cur] ? nodeStart(events[cur] as Event) : 0);
    for (const token of tokens) {
      const ev = events[cur];
      if (!ev) break;
      let next = -1;
      if (ev.type === EVENT_ID.MAPPING) {
        let j = cur + 1;
        while (j < events.length && events[j]?.type !== EVENT_ID.POP) {
          const keyEv = events[j] as Event;
          const valueIndex = ends[j] as number;
          if (keyEv.type === EVENT_ID.SCALAR && getScalarValue(this.text, keyEv as ScalarEvent) === token) {
            const keyStart = nodeStart(keyEv);
            if (keyStart >= 0) offset = keyStart;
            next = valueIndex;
            break;
          }
          j = ends[valueIndex] as number;
        }
      } else if (ev.type === EVENT_ID.SEQUENCE && /^(0|[1-9][0-9]*)$/.test(token)) {
        let index = Number(token);
        let j = cur + 1;
        while (index > 0 && j < events.length && events[j]?.type !== EVENT_ID.POP) {
          j = ends[j] as number;
          index--;
        }
        if (events[j] && events[j]?.type !== EVENT_ID.POP) {
          const start = nodeStart(events[j] as Event);
          if (start >= 0) offset = start;
          next = j;
        }
      }
      if (next === -1) break;
      cur = next;
    }
    return this.offsetToLineColumn(offset);
  }

  private getEvents(): Event[] {
    if (!this.events) {
      let events: Event[];
      try {
        events = parseEvents(this.text, {});
      } catch {
        events = []; // the text parsed once already; should it not now, positions degrade to 1:1
      }
      const ends = new Int32Array(events.length);
      const open: number[] = [];
      for (let i = 0; i < events.length; i++) {
        const type = (events[i] as Event).type;
        if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE || type === EVENT_ID.DOCUMENT) {
          open.push(i);
        } else if (type === EVENT_ID.POP) {
          const start = open.pop();
          if (start !== undefined) ends[start] = i + 1;
          ends[i] = i + 1;
        } else {
          ends[i] = i + 1;
        }
      }
      this.events = events;
      this.ends = ends;
    }
    return this.events;
  }

  private getLineStarts(): Int32Array {
    if (!this.lineStarts) {
      const starts = [0];
      let i = this.text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = this.text.indexOf('\n', i + 1);
      }
      this.lineStarts = Int32Array.from(starts);
    }
    return this.lineStarts;
  }
}
