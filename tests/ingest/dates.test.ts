import { describe, expect, it } from 'vitest';
import { dateFromValue, earliest, parseDate } from '../../src/ingest/dates.js';

describe('parseDate', () => {
  it.each([
    ['2023-02-21', '2023-02-21'],
    ['2023-02-21T17:12+0000', '2023-02-21T17:12:00Z'],
    ['2024-03-14T08:30:00+01:00', '2024-03-14T07:30:00Z'],
    ['2024-03-14T08:30:00.123Z', '2024-03-14T08:30:00Z'],
    ['2024-03-14 08:30:05', '2024-03-14T08:30:05Z'],
    ['21.02.2023', '2023-02-21'],
    ['21.02.2023 17:12', '2023-02-21T17:12:00Z'],
    ['3.7.2022', '2022-07-03'],
    ['12/25/2023', '2023-12-25'],
    ['25/12/2023', '2023-12-25'],
    ['2023/12/25', '2023-12-25'],
    ['February 21, 2023', '2023-02-21'],
    ['Feb. 21, 2023', '2023-02-21'],
    ['Sept 3, 2021', '2021-09-03'],
    ['21 February 2023', '2023-02-21'],
    ['1st of May 2020', '2020-05-01'],
    ['Tuesday, February 21, 2023', '2023-02-21'],
    ['February 21, 2023 5:12 PM EST', '2023-02-21T22:12:00Z'],
    ['February 21, 2023 at 12:05 a.m. UTC', '2023-02-21T00:05:00Z'],
    ['Tue, 21 Feb 2023 17:12:00 +0000', '2023-02-21T17:12:00Z'],
    ['Thu, 21 Dec 2023 10:00:00 GMT', '2023-12-21T10:00:00Z'],
    ['Thu, 21 Dec 2023 10:00:00 +0100', '2023-12-21T09:00:00Z'],
    ['21 Feb 2023 17:12 MSK', '2023-02-21T14:12:00Z'],
    // the time (and zone) before the date
    ['01:38:07 PM IST Nov 20, 2019', '2019-11-20T08:08:07Z'],
    ['9:05 AM EDT, June 3, 2021', '2021-06-03T13:05:00Z'],
    ['17:12 GMT, 21 February 2023', '2023-02-21T17:12:00Z'],
    ['11:30 pm AEDT on 4 January 2022', '2022-01-04T12:30:00Z'],
    ['6:00 AM (SGT) 2024-05-06', '2024-05-05T22:00:00Z'],
    // zone abbreviations from data/timezones.json
    ['March 2, 2020 10:00 PKT', '2020-03-02T05:00:00Z'],
    ['2 March 2020 10:00 NZDT', '2020-03-01T21:00:00Z'],
    ['2 March 2020 10:00 CEST', '2020-03-02T08:00:00Z'],
    ['2 March 2020 10:00 SAST', '2020-03-02T08:00:00Z'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '31.02.2023',
    '2023-13-01',
    'February 30, 2023',
    '21.02.2023, Sputnik International',
    '12:30',
    'Smarch 3, 2020',
    '13/13/2023',
    // placeholders that content systems write for "no date"
    '0001-01-01',
    '0001-01-01T00:00:00+00:00',
    '1970-01-01T00:00:00Z',
    '1970-01-01',
    '1900-01-01',
    // a time with no date
    '10:42 PM EST',
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('reads Unix timestamps in seconds and milliseconds', () => {
    expect(dateFromValue(1_676_999_520)).toBe('2023-02-21T17:12:00Z');
    expect(dateFromValue(1_676_999_520_000)).toBe('2023-02-21T17:12:00Z');
    expect(dateFromValue('not a date')).toBeNull();
  });

  it('never takes the Unix epoch for a date', () => {
    expect(dateFromValue(1)).toBeNull();
    expect(dateFromValue(0)).toBeNull();
  });

  it('leaves a lower-case word after a time alone', () => {
    expect(parseDate('2 March 2020 10:00 eat')).toBeNull();
  });

  it('takes the earliest date, preferring a timestamp over a bare date of the same day', () => {
    expect(earliest(['2023-02-21T17:55:00Z', '2023-02-21T17:12:00Z', '2023-02-21'])).toBe('2023-02-21T17:12:00Z');
    expect(earliest(['2023-02-21T17:12:00Z', '2023-02-20'])).toBe('2023-02-20');
    expect(earliest([])).toBeNull();
  });
});
