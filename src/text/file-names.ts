// Portable file names: generated files are committed and checked out on Windows and macOS as well
// as Linux, so a name is portable only when all three accept it (Microsoft's "Naming Files, Paths,
// and Namespaces"). Emitters choose names with portableFileStem; the writer refuses any other.

import { createHash } from 'node:crypto';

/** The longest name of one file or folder that ext4, APFS and NTFS all accept, in UTF-8 bytes. */
export const MAX_FILE_NAME_BYTES = 255;

/** Device names Windows reserves, with or without an extension (`nul.ts` is the NUL device), in any case. */
export const WINDOWS_DEVICE_NAMES: readonly string[] = [
  'con', 'prn', 'aux', 'nul', 'conin$', 'conout$',
  ...[...'0123456789¹²³'].flatMap((d) => [`com${d}`, `lpt${d}`]),
];

const DEVICE_PREFIX = new RegExp(`^(?:${WINDOWS_DEVICE_NAMES.map((n) => n.replace('$', '\\$')).join('|')})`, 'iu');
const DEVICE_NAME = new RegExp(`${DEVICE_PREFIX.source} *(?:\\..*)?$`, 'iu');
/** Characters Windows refuses in a name (macOS only `:` and `/`), and the C0 controls. */
const NOT_IN_FILE_NAMES = /[<>:"/\\|?*\u0000-\u001f]/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `name` (one path segment) cannot be a file or folder name on Windows, macOS and Linux alike; undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  if (name === '') return 'the name is empty';
  if (LONE_SURROGATE.test(name)) return 'the name is not valid Unicode (a lone surrogate)';
  const bad = NOT_IN_FILE_NAMES.exec(name);
  if (bad) return `the name contains ${JSON.stringify(bad[0])}, which Windows does not allow in file names`;
  if (/[. ]$/.test(name)) return 'the name ends in a dot or a space, which Windows drops';
  if (DEVICE_NAME.test(name)) return `${name.split('.')[0]!.trim()} is a device name reserved on Windows (with any extension)`;
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_FILE_NAME_BYTES) return `the name is ${bytes} bytes long in UTF-8; file systems accept at most ${MAX_FILE_NAME_BYTES}`;
  return undefined;
}

/**
 * A file-name stem that stays portable with any extension appended: characters Windows refuses
 * become `-`, trailing dots and spaces go, a Windows device name gets a `_` (`con` → `con_`,
 * `nul.d` → `nul_.d`), and a stem over `maxBytes` UTF-8 bytes is cut on a character boundary and ends in a
 * hash of the whole stem, so two long names that share a beginning stay distinct. Deterministic.
 */
export function portableFileStem(stem: string, maxBytes: number, fallback = 'file'): string {
  let out = stem.normalize('NFC').replace(new RegExp(`${NOT_IN_FILE_NAMES.source}|${LONE_SURROGATE.source}`, 'gu'), '-').replace(/[. ]+$/u, '');
  if (out === '') out = fallback;
  if (DEVICE_NAME.test(out)) out = out.replace(DEVICE_PREFIX, '$&_');
  if (Buffer.byteLength(out, 'utf8') > maxBytes) {
    const hash = createHash('sha256').update(stem).digest('hex').slice(0, 8);
    out = `${cutToBytes(out, maxBytes - hash.length - 1).replace(/[-. ]+$/u, '')}-${hash}`;
  }
  return out;
}

/** The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}
