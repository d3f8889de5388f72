// The one place text from the spec (titles, keys, `$ref` paths, messages quoting them) is made
// safe to print on a terminal. Control characters would otherwise drive it: ESC starts ANSI
// sequences (clear screen, recolor, set the window title with OSC … BEL), C1 controls (0x80–0x9f,
// e.g. CSI 0x9b) do the same on many terminals, and CR overwrites a line already printed.
// Each such character is shown as a visible `\uXXXX` escape instead, so nothing is hidden.

 
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export interface TerminalSafeOptions {
  /**
   * What a line feed becomes: `keep` for multi-line messages apigw-gen wrote itself (errors with a
   * hint on the next line), `space` to keep one diagnostic on one line, `escape` (`\n`) for a
   * table cell that must stay one line and show where the break was.
   */
  newlines?: 'keep' | 'space' | 'escape';
}

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character (and bidi override) written as a visible escape. */
export function terminalSafe(text: string, options: TerminalSafeOptions = {}): string {
  const newlines = options.newlines ?? 'keep';
  const safe = text.replace(UNSAFE, escapeChar);
  if (newlines === 'keep') return safe;
  return safe.replace(/\n/g, newlines === 'space' ? ' ' : '\\n');
}
