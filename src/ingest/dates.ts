/**
 * Dates as news pages write them, parsed to ISO 8601.
 *
 * Output: a date alone gives "YYYY-MM-DD"; a date with a time gives "YYYY-MM-DDTHH:MM:SSZ" in UTC (a time with no
 * zone is taken as UTC). Understood: ISO 8601 ("2023-02-21", "2023-02-21T17:12+0000", "2023-02-21 17:12:05Z"),
 * day-first dotted dates ("21.02.2023", "21.02.2023 17:12"), slashed dates (month first unless the first number
 * is over 12: "02/21/2023", "21/02/2023"), "YYYY/MM/DD", written months ("February 21, 2023", "Feb. 21, 2023",
 * "21 February 2023", "Tuesday, 21 Feb 2023"), RFC 2822 ("Tue, 21 Feb 2023 17:12:00 +0000"), optional
 * 12-hour times ("5:12 PM") and zone names (UTC, GMT, EST, CET, MSK, ...). Every pattern is anchored with bounded
 * repetition, so parsing is linear in the input.
 */

export interface ParsedDate {
  iso: string;
  /** index just past the date (and time, if any) in the parsed string */
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** UTC offsets of zone abbreviations common in English-language news datelines, in minutes. */
const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  cst: 360 * -1,
  cdt: -300,
  est: -300,
  edt: -240,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  hkt: 480,
  sgt: 480,
};

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3}/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const DASHED = /^(\d{1,2})-(\d{1,2})-(\d{4})/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})/;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?([A-Za-z]{3,9})\.?,?\s{1,3}(\d{4})/;
const TIME =
  /^(?:,?\s{0,3}(?:at\s{1,3}|-\s{0,3}|\|\s{0,3}|T)?\s{0,3})(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s{0,2}([AaPp])\.?[Mm]\.?)?/;
const ZONE_OFFSET = /^\s{0,2}(?:(?:UTC|GMT)\s{0,1})?([+-])(\d{2}):?(\d{2})?/;
const ZONE_NAME = /^\s{0,2}\(?([A-Za-z]{1,4})\)?(?![A-Za-z])/;
const ZONE_Z = /^Z(?![A-Za-z])/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

interface Parts {
  year: number;
  month: number;
  day: number;
  end: number;
}

function dateParts(s: string): Parts | null {
  let offset = 0;
  const weekday = WEEKDAY.exec(s);
  if (weekday) offset = weekday[0].length;
  const rest = s.slice(offset);
  let m = ISO.exec(rest);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, end: offset + 10 };
  if ((m = YMD_SLASH.exec(rest))) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, end: offset + m[0].length };
  if ((m = DOTTED.exec(rest)) || (m = DASHED.exec(rest)))
    return { year: +m[3]!, month: +m[2]!, day: +m[1]!, end: offset + m[0].length };
  if ((m = SLASHED.exec(rest))) {
    const a = +m[1]!;
    const b = +m[2]!;
    // English-language news writes month first; a first number over 12 can only be a day
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return { year: +m[3]!, month, day, end: offset + m[0].length };
  }
  if ((m = MONTH_FIRST.exec(rest))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) return { year: +m[3]!, month, day: +m[2]!, end: offset + m[0].length };
  }
  if ((m = DAY_FIRST.exec(rest))) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) return { year: +m[3]!, month, day: +m[1]!, end: offset + m[0].length };
  }
  return null;
}

/** Parses a date (and optional time and zone) at the start of `s`. Returns null when `s` does not start with one. */
export function parseDateAt(s: string): ParsedDate | null {
  const parts = dateParts(s);
  if (!parts) return null;
  const { year, month, day } = parts;
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  let end = parts.end;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const time = TIME.exec(s.slice(end));
  if (!time) return { iso: date, end };
  let hour = +time[1]!;
  const minute = +time[2]!;
  const second = time[3] ? +time[3] : 0;
  const meridiem = time[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { iso: date, end };
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { iso: date, end };
  end += time[0].length;
  let offsetMinutes = 0;
  const after = s.slice(end);
  let z: RegExpExecArray | null;
  if ((z = ZONE_Z.exec(after))) end += 1;
  else if ((z = ZONE_OFFSET.exec(after))) {
    const sign = z[1] === '-' ? -1 : 1;
    offsetMinutes = sign * (+z[2]! * 60 + (z[3] ? +z[3] : 0));
    end += z[0].length;
  } else if ((z = ZONE_NAME.exec(after))) {
    const known = ZONES[z[1]!.toLowerCase()];
    if (known !== undefined) {
      offsetMinutes = known;
      end += z[0].length;
    }
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return { iso: `${new Date(utc).toISOString().slice(0, 19)}Z`, end };
}

/** Parses a string that is a date and nothing else (surrounding spaces and a trailing period allowed). */
export function parseDate(value: string): string | null {
  const s = value.trim();
  if (!s || s.length > 80) return null;
  const parsed = parseDateAt(s);
  if (!parsed) return null;
  const rest = s.slice(parsed.end).trim();
  return rest === '' || rest === '.' ? parsed.iso : null;
}

/** A date from a JSON value: a date string, or a Unix timestamp in seconds or milliseconds. */
export function dateFromValue(value: unknown): string | null {
  if (typeof value === 'string') return parseDate(value);
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value > 1e11 ? value : value * 1000;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return null;
    return `${d.toISOString().slice(0, 19)}Z`;
  }
  return null;
}

/**
 * The earliest of several ISO dates. A date alone counts as the end of its day, so that "21.02.2023" next to
 * "2023-02-21T17:12+0000" yields the more precise timestamp, while a date on an earlier day still wins.
 */
export function earliest(dates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestTime = Infinity;
  for (const d of dates) {
    const t = Date.parse(d.length === 10 ? `${d}T23:59:59Z` : d);
    if (Number.isFinite(t) && t < bestTime) {
      best = d;
      bestTime = t;
    }
  }
  return best;
}
