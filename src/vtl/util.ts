// `$util`: the six functions API Gateway provides, with the Java semantics of the libraries AWS
// uses (aws-apigateway.md §3.3): Commons Lang `StringEscapeUtils.escapeJavaScript`,
// `URLEncoder`/`URLDecoder` with UTF-8, and standard padded base64 over UTF-8 bytes.

import { parseJson as readJson, JsonSyntaxError } from './json.js';
import { JavaException } from './java-methods.js';
import { NO_METHOD, toJavaString, type VtlObject } from './values.js';

/** The only `$util` functions API Gateway has (AppSync's `$util.toJson`, `$util.qr` … do not exist). */
export const UTIL_FUNCTIONS = ['escapeJavaScript', 'parseJson', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode'] as const;
export type UtilFunction = (typeof UTIL_FUNCTIONS)[number];

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/** Apache Commons Lang 2 `StringEscapeUtils.escapeJavaScript`. */
const NEEDS_JS_ESCAPE = /['"\\/\x00-\x1f\u0080-\uffff]/;

export function escapeJavaScript(s: string): string {
  if (!NEEDS_JS_ESCAPE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) out += `\\u${hex4(c)}`;
    else if (c < 32) {
      switch (c) {
        case 8: out += '\\b'; break;
        case 9: out += '\\t'; break;
        case 10: out += '\\n'; break;
        case 12: out += '\\f'; break;
        case 13: out += '\\r'; break;
        default: out += `\\u${hex4(c)}`;
      }
    } else {
      const ch = s[i]!;
      if (ch === "'" || ch === '"' || ch === '\\' || ch === '/') out += `\\${ch}`;
      else out += ch;
    }
  }
  return out;
}

/** `java.net.URLEncoder.encode(s, "UTF-8")`. */
export function urlEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `java.net.URLDecoder.decode(s, "UTF-8")`: `+` is a space; a bad `%` sequence is an error. */
export function urlDecode(s: string): string {
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '%') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new JavaException(`IllegalArgumentException: URLDecoder: Illegal hex characters in escape (%) pattern at index ${i}`);
      bytes.push(parseInt(h, 16));
      i += 2;
    } else {
      flush();
      out += ch === '+' ? ' ' : ch;
    }
  }
  flush();
  return out;
}

export function base64Encode(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Standard base64 (padding optional, as java.util.Base64's basic decoder); anything else is an error. */
export function base64Decode(s: string): string {
  const t = s.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(t) || t.length % 4 === 1)
    throw new JavaException('IllegalArgumentException: Illegal base64 character or length');
  return Buffer.from(t, 'base64').toString('utf8');
}

/** The `$util` object seen by templates. */
export class UtilObject implements VtlObject {
  vtlProperty(): unknown {
    return undefined;
  }

  vtlMethod(name: string, args: unknown[]): unknown {
    if (args.length !== 1) return NO_METHOD;
    const arg = args[0];
    switch (name) {
      case 'escapeJavaScript':
        // Reference §3.3: a null argument is an error.
        if (arg === null || arg === undefined) throw new JavaException('NullPointerException: $util.escapeJavaScript(null)');
        return escapeJavaScript(toJavaString(arg));
      case 'parseJson': {
        if (arg === null || arg === undefined) throw new JavaException('NullPointerException: $util.parseJson(null)');
        try {
          return readJson(toJavaString(arg));
        } catch (e) {
          if (e instanceof JsonSyntaxError) throw new JavaException(`$util.parseJson: invalid JSON: ${e.message}`);
          throw e;
        }
      }
      // AWS renders these as empty for a null argument (recorded: `$util.urlEncode($input.body.x)` → "").
      case 'urlEncode': return arg === null || arg === undefined ? '' : urlEncode(toJavaString(arg));
      case 'urlDecode': return arg === null || arg === undefined ? '' : urlDecode(toJavaString(arg));
      case 'base64Encode': return arg === null || arg === undefined ? '' : base64Encode(toJavaString(arg));
      case 'base64Decode': return arg === null || arg === undefined ? '' : base64Decode(toJavaString(arg));
      default: return NO_METHOD;
    }
  }

  vtlToString(): string {
    return '{}';
  }
}
