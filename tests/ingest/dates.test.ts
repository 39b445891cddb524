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
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('reads Unix timestamps in seconds and milliseconds', () => {
    expect(dateFromValue(1_676_999_520)).toBe('2023-02-21T17:12:00Z');
    expect(dateFromValue(1_676_999_520_000)).toBe('2023-02-21T17:12:00Z');
    expect(dateFromValue('not a date')).toBeNull();
  });

  it('takes the earliest date, preferring a timestamp over a bare date of the same day', () => {
    expect(earliest(['2023-02-21T17:55:00Z', '2023-02-21T17:12:00Z', '2023-02-21'])).toBe('2023-02-21T17:12:00Z');
    expect(earliest(['2023-02-21T17:12:00Z', '2023-02-20'])).toBe('2023-02-20');
    expect(earliest([])).toBeNull();
  });
});
