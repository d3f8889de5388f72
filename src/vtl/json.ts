// A JSON reader that keeps what Java's json-smart keeps and JSON.parse loses: integers vs doubles
// (`1.0` stays a Double), and object key order even for numeric keys (`{"2":…,"1":…}`).
// Objects become Map, arrays JsonList. `__proto__` is an ordinary key.

import { JDouble, asJsonList, type JsonList } from './values.js';

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJson(text: string): unknown {
  const reader = new Reader(text);
  reader.ws();
  const value = reader.value();
  reader.ws();
  if (reader.i < text.length) reader.fail('unexpected text after the JSON value');
  return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Reader {
  i = 0;
  constructor(private readonly s: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(`${message} at offset ${this.i}`, this.i);
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(): unknown {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't' && this.s.startsWith('true', this.i)) return (this.i += 4), true;
    if (c === 'f' && this.s.startsWith('false', this.i)) return (this.i += 5), false;
    if (c === 'n' && this.s.startsWith('null', this.i)) return (this.i += 4), null;
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    return this.fail(c === undefined ? 'unexpected end of JSON' : `unexpected character '${c}'`);
  }

  object(): Map<string, unknown> {
    const map = new Map<string, unknown>();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return this.i++, map;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a string key');
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail("expected ':'");
      this.i++;
      this.ws();
      map.set(key, this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c === '}') return this.i++, map;
      else this.fail("expected ',' or '}'");
    }
  }

  array(): JsonList {
    const list: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return this.i++, asJsonList(list);
    for (;;) {
      this.ws();
      list.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c === ']') return this.i++, asJsonList(list);
      else this.fail("expected ',' or ']'");
    }
  }

  string(): string {
    const s = this.s;
    let out = '';
    this.i++;
    for (;;) {
      const end = this.i;
      let j = end;
      while (j < s.length && s[j] !== '"' && s[j] !== '\\') j++;
      out += s.slice(end, j);
      this.i = j;
      if (j >= s.length) this.fail('unterminated string');
      if (s[j] === '"') return this.i++, out;
      const e = s[j + 1];
      this.i = j + 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = s.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
          break;
        }
        default:
          this.i = j;
          this.fail(`invalid escape \\${e ?? ''}`);
      }
    }
  }

  number(): number | JDouble {
    // Sticky regex at the current offset: no slice of the rest of the document per number.
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) return this.fail('bad number');
    this.i += m[0].length;
    const n = Number(m[0]);
    // json-smart: a number with a fraction or exponent is a Double; an integer beyond Long is too.
    if (m[1] !== undefined || m[2] !== undefined || !Number.isSafeInteger(n)) return new JDouble(n);
    return n;
  }
}
