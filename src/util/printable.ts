/**
 * Text made safe to print on a terminal in a one-line message. File names and entity names come from users and
 * articles: a newline would split the message, and an escape sequence (ESC [ ...) could move the cursor, recolour
 * or retitle the terminal. Control characters are shown escaped the way JavaScript writes them (`\n`, `\x1b`);
 * bidirectional overrides, which reorder what the eye reads, are shown as `\u202e`. Everything else is kept.
 */

// C0 controls, DEL, C1 controls, and the Unicode format characters that reorder or hide text.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character escaped (see the module comment). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar);
}

/** A message line: the text escaped, then one newline. */
export function printableLine(text: string): string {
  return `${printable(text)}\n`;
}
