/**
 * Closing credits of an article (bylines, editors' initials, agency lists): names there are staff, not actors in the
 * story, so the entity stage drops the mentions found from where the credits start.
 */

/**
 * Where the article's closing credits start in a sentence, or -1: a byline ("Author: ...", "Editor: ..."), editors'
 * initials with agencies ("tkw/AFP/dpa", "mz/msh (AP, AFP)"), or a bracketed agency list after the last full stop.
 */
export function creditLineStart(all: readonly string[]): number {
  let start = -1;
  for (let k = 0; k + 1 < all.length; k++) {
    const byline = /^(Author|Authors|Editor|Editors)$/.test(all[k]!) && all[k + 1] === ':';
    const reportedBy = k === 0 && /^(Reporting|Compiled|Written|Edited)$/.test(all[k]!) && all[k + 1] === 'by';
    if (byline || reportedBy) {
      start = k;
      break;
    }
    // "tkw / AFP / AP / dpa": lower-case initials, then a slash-separated list.
    if (/^\p{Ll}{1,4}$/u.test(all[k]!) && all[k + 1] === '/' && (k === 0 || /^[.!?"”’)]$/.test(all[k - 1]!))) {
      start = k;
      break;
    }
  }
  const bracketed = bracketedCreditStart(all);
  if (bracketed >= 0 && (start < 0 || bracketed < start)) start = bracketed;
  return start;
}

function bracketedCreditStart(all: readonly string[]): number {
  let from = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    if (all[i] === '.' || all[i] === '!' || all[i] === '?') {
      from = i + 1;
      break;
    }
  }
  // Closing quotes of the last sentence come before the credit line.
  while (from < all.length && /^["”’'»)]$/.test(all[from]!)) from++;
  return creditTokens(all.slice(from)) ? from : -1;
}

function creditTokens(tokens: readonly string[]): boolean {
  const open = tokens.indexOf('(');
  if (open < 0 || open > 5 || tokens[tokens.length - 1] !== ')') return false;
  for (let i = 0; i < open; i++) if (!/^(\p{Ll}{1,4}|\/|,)$/u.test(tokens[i]!)) return false;
  const inner = tokens.slice(open + 1, -1);
  if (inner.length === 0) return false;
  // Inside: agency names (one or two capitalised words or acronyms) separated by commas or slashes.
  let words = 0;
  for (const t of inner) {
    if (t === ',' || t === '/' || t === 'and' || t === '&') words = 0;
    else if (/^[\p{L}.-]+$/u.test(t) && ++words <= 3) continue;
    else return false;
  }
  return true;
}
