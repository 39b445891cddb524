import { describe, expect, it } from 'vitest';
import { detectHeader, parseDateline } from '../../src/ingest/header.js';
import { ingestFile, ingestString } from '../../src/ingest/index.js';
import { fixture, mismatchedWords, repoFile } from './helpers.js';

describe('plain-text header', () => {
  it('reads the seed header as metadata and keeps it out of the body text', async () => {
    const [article] = await ingestFile(repoFile('seeds/000_73fc8d6edca50fa8.txt'));
    expect(article).toBeDefined();
    const a = article!;
    const firstLine = a.original.slice(0, a.original.indexOf('\n'));
    expect(a.title).toBe(firstLine.trim());
    expect(a.source).toBe('Sputnik International');
    expect(a.published).toBe('2023-02-21T17:12:00Z');
    // no header line survives in the body: not the title, not the teaser, not the dateline, not the timestamps
    expect(a.text.startsWith(firstLine)).toBe(false);
    expect(a.text).not.toContain(firstLine);
    expect(a.text).not.toContain('Sputnik International');
    expect(a.text).not.toContain('+0000');
    expect(a.text).not.toContain('...');
    const teaser = a.original.split('\n')[2]!.slice(0, 60);
    expect(a.text).not.toContain(teaser);
    // the body is what follows the header, glued sentences split and quotes straight
    expect(a.text).toMatch(/^Russia and China seek/);
    expect(a.text).not.toMatch(/[a-z]\.[A-Z]/);
    expect(a.text).not.toMatch(/[\u2018\u2019\u201c\u201d]/);
    expect(mismatchedWords(a)).toEqual([]);
  });

  it('reads a scraped header with a teaser, a "date, Source" tail and timestamps', async () => {
    const [a] = await ingestFile(fixture('scraped-header.txt'));
    expect(a!.title).toBe('Fishing quotas cut as cod stocks fall in the Baltic');
    expect(a!.source).toBe('Baltic Times Wire');
    expect(a!.published).toBe('2023-12-12T05:40:00Z'); // the earliest timestamp, 06:40 CET
    expect(a!.text).toMatch(
      /^EU fisheries ministers agreed early on Tuesday to cut cod catches in the eastern Baltic after/,
    );
    expect(a!.text).not.toContain('Updated');
    expect(a!.text).not.toContain('20 per cent');
    expect(a!.text).toContain('recovered. The European Commission');
    expect(mismatchedWords(a!)).toEqual([]);
  });

  it.each([
    [
      'key-value lines',
      'Title: Drought forces Panama Canal to limit crossings\nSource: Isthmus Shipping News\nDate: 2023-08-03\nURL: https://isthmus.example/canal\n\nThe Panama Canal Authority cut daily crossings to 32.',
      {
        title: 'Drought forces Panama Canal to limit crossings',
        source: 'Isthmus Shipping News',
        published: '2023-08-03',
        url: 'https://isthmus.example/canal',
      },
      'The Panama Canal Authority',
    ],
    [
      'a byline with a date and a bare URL line',
      'Drought forces Panama Canal to limit crossings\nBy Ana Morales | August 3, 2023\nhttps://isthmus.example/canal\n\nThe Panama Canal Authority cut daily crossings to 32.',
      {
        title: 'Drought forces Panama Canal to limit crossings',
        source: null,
        published: '2023-08-03',
        url: 'https://isthmus.example/canal',
      },
      'The Panama Canal Authority',
    ],
    [
      'a "Source | date" line',
      'Drought forces Panama Canal to limit crossings\n\nIsthmus Shipping News | Thu, 03 Aug 2023 14:00:00 GMT\n\nThe Panama Canal Authority cut daily crossings to 32.',
      {
        title: 'Drought forces Panama Canal to limit crossings',
        source: 'Isthmus Shipping News',
        published: '2023-08-03T14:00:00Z',
        url: null,
      },
      'The Panama Canal Authority',
    ],
    [
      'a title line alone',
      'Drought forces Panama Canal to limit crossings\n\nThe Panama Canal Authority cut daily crossings to 32.',
      { title: 'Drought forces Panama Canal to limit crossings', source: null, published: null, url: null },
      'The Panama Canal Authority',
    ],
    [
      'a lead paragraph repeated before the timestamps',
      'Canal limits crossings\n\nThe Panama Canal Authority cut daily crossings to 32.\n\n2023-08-03T09:00Z\n\nThe Panama Canal Authority cut daily crossings to 32. Water levels in Gatun Lake are low.',
      { title: 'Canal limits crossings', source: null, published: '2023-08-03T09:00:00Z', url: null },
      'The Panama Canal Authority cut daily crossings to 32. Water levels',
    ],
  ])('reads %s', (_name, text, meta, bodyStart) => {
    const [a] = ingestString(text, 'story.txt');
    expect({ title: a!.title, source: a!.source, published: a!.published, url: a!.url }).toEqual(meta);
    expect(a!.text.startsWith(bodyStart)).toBe(true);
    expect(mismatchedWords(a!)).toEqual([]);
  });

  it.each([
    [
      'a file that starts with a body paragraph',
      'Storms cut power to 200,000 homes in Brittany on Thursday, the grid operator said.\n\nRepairs began on Friday.',
    ],
    [
      'a first line ending in a full stop',
      'Storms cut power.\nRepairs began on Friday and continued into the weekend across the region.',
    ],
    ['a short first line followed by a shorter one', 'Storms in Brittany\nRepairs began.'],
  ])('finds no header in %s', (_name, text) => {
    expect(detectHeader(text).bodyStart).toBe(0);
    const [a] = ingestString(text, 'story.txt');
    expect(a!.text).toBe(text.replace(/\s+$/, ''));
  });

  it.each([
    ['21.02.2023, Sputnik International', { date: '2023-02-21', source: 'Sputnik International', byline: false }],
    ['Reuters | February 21, 2023', { date: '2023-02-21', source: 'Reuters', byline: false }],
    ['Published: 21 Feb 2023 17:12 GMT', { date: '2023-02-21T17:12:00Z', source: null, byline: false }],
    ['By Jane Doe - 2023-02-21', { date: '2023-02-21', source: null, byline: true }],
  ])('parses the dateline %j', (line, expected) => {
    expect(parseDateline(line)).toEqual(expected);
  });

  it.each([
    'The talks ended on February 21, 2023, without a deal.',
    'Russia and China have ramped up cooperation',
    '2023',
  ])('rejects %j as a dateline', (line) => {
    expect(parseDateline(line)).toBeNull();
  });
});
