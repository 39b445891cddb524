/**
 * Dates as news pages write them, parsed to ISO 8601.
 *
 * Output: a date alone gives "YYYY-MM-DD"; a date with a time gives "YYYY-MM-DDTHH:MM:SSZ" in UTC (a time with no
 * zone is taken as UTC). Understood: ISO 8601 ("2023-02-21", "2023-02-21T17:12+0000", "2023-02-21 17:12:05Z"),
 * day-first dotted dates ("21.02.2023", "21.02.2023 17:12"), slashed dates (month first unless the first number
 * is over 12: "02/21/2023", "21/02/2023"), "YYYY/MM/DD", written months ("February 21, 2023", "Feb. 21, 2023",
 * "21 February 2023", "Tuesday, 21 Feb 2023"), RFC 2822 ("Tue, 21 Feb 2023 17:12:00 +0000"), optional
 * 12-hour times ("5:12 PM") and zone abbreviations (data/timezones.json: UTC, GMT, EST, CET, IST, ...), also with
 * the time before the date ("01:38:07 PM IST Nov 20, 2019"). Placeholder dates that content systems write when they
 * have none (0001-01-01, 1970-01-01, 1900-01-01) are never a date. Every pattern is anchored with bounded
 * repetition, so parsing is linear in the input.
 */

import { zoneOffset } from './zones.js';

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
// zone abbreviations are written in capitals; a lower-case word after a time ("at 5 pm eat") is no zone
const ZONE_NAME = /^\s{0,2}\(?([A-Z]{1,4})\)?(?![A-Za-z])/;
/** A time written before its date: "01:38:07 PM IST Nov 20, 2019", "17:12 GMT, 21 February 2023". */
const LEADING_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s{0,2}([AaPp])\.?[Mm]\.?)?/;
const TIME_DATE_GAP = /^\s{0,3}(?:[,|\u2013\u2014-]\s{0,3})?(?:on\s{1,3})?/;
/** Dates that content systems write when they have none: never a publication date. */
const PLACEHOLDER_DAYS = new Set(['1970-01-01', '1900-01-01']);
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

interface Clock {
  hour: number;
  minute: number;
  second: number;
}

/** Hours, minutes and seconds from a time match, or null when they are out of range. */
function clock(hourText: string, minuteText: string, secondText: string | undefined, meridiem?: string): Clock | null {
  let hour = +hourText;
  const minute = +minuteText;
  const second = secondText ? +secondText : 0;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/** A zone (Z, a numeric offset or a known abbreviation) at the start of `s`: its offset and length. */
function zoneAt(s: string): { offset: number; length: number } | null {
  let z: RegExpExecArray | null;
  if ((z = ZONE_Z.exec(s))) return { offset: 0, length: 1 };
  if ((z = ZONE_OFFSET.exec(s))) {
    const sign = z[1] === '-' ? -1 : 1;
    return { offset: sign * (+z[2]! * 60 + (z[3] ? +z[3] : 0)), length: z[0].length };
  }
  if ((z = ZONE_NAME.exec(s))) {
    const known = zoneOffset(z[1]!);
    if (known !== undefined) return { offset: known, length: z[0].length };
  }
  return null;
}

function isoOf(year: number, month: number, day: number, time: Clock | null, offsetMinutes: number): string {
  if (!time) return `${year}-${pad(month)}-${pad(day)}`;
  const utc = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) - offsetMinutes * 60_000;
  return `${new Date(utc).toISOString().slice(0, 19)}Z`;
}

/** A valid calendar date at the start of `s` (placeholders such as 1970-01-01 are none). */
function validDateParts(s: string): Parts | null {
  const parts = dateParts(s);
  if (!parts) return null;
  const { year, month, day } = parts;
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (PLACEHOLDER_DAYS.has(`${year}-${pad(month)}-${pad(day)}`)) return null;
  return parts;
}

/** "01:38:07 PM IST Nov 20, 2019": a time (and zone) written before the date. */
function timeFirstAt(s: string): ParsedDate | null {
  const t = LEADING_TIME.exec(s);
  if (!t) return null;
  const time = clock(t[1]!, t[2]!, t[3], t[4]);
  if (!time) return null;
  let end = t[0].length;
  const zone = zoneAt(s.slice(end));
  if (zone) end += zone.length;
  end += TIME_DATE_GAP.exec(s.slice(end))![0].length;
  const parts = validDateParts(s.slice(end));
  if (!parts) return null;
  return { iso: isoOf(parts.year, parts.month, parts.day, time, zone?.offset ?? 0), end: end + parts.end };
}

/** Parses a date (and optional time and zone) at the start of `s`. Returns null when `s` does not start with one. */
export function parseDateAt(s: string): ParsedDate | null {
  const parts = validDateParts(s);
  if (!parts) return timeFirstAt(s);
  const { year, month, day } = parts;
  let end = parts.end;
  const t = TIME.exec(s.slice(end));
  const time = t ? clock(t[1]!, t[2]!, t[3], t[4]) : null;
  if (!t || !time) return { iso: isoOf(year, month, day, null, 0), end };
  end += t[0].length;
  const zone = zoneAt(s.slice(end));
  if (zone) end += zone.length;
  return { iso: isoOf(year, month, day, time, zone?.offset ?? 0), end };
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
    const iso = d.toISOString();
    if (PLACEHOLDER_DAYS.has(iso.slice(0, 10))) return null;
    return `${iso.slice(0, 19)}Z`;
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
