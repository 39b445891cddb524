import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { alignBlocks, sourceText } from '../../src/ingest/formats/html.js';
import { detectFormat, ingestFile, ingestString } from '../../src/ingest/index.js';
import { toOffsetMap } from '../../src/ingest/mapped.js';
import { toOriginalSpan } from '../../src/ingest/offsets.js';
import type { Article } from '../../src/ingest/types.js';
import { fixture, mismatchedWords, repoFile } from './helpers.js';

const only = async (name: string): Promise<Article> => {
  const articles = await ingestFile(fixture(name), name);
  expect(articles).toHaveLength(1);
  return articles[0]!;
};

const meta = (a: Article) => ({ title: a.title, source: a.source, published: a.published, url: a.url });

/** original.slice of the mapped span of the first occurrence of `needle` in text. */
const originalOf = (a: Article, needle: string): string => {
  const at = a.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = toOriginalSpan(a.map, { start: at, end: at + needle.length });
  return a.original.slice(span.start, span.end);
};

describe('HTML news page', () => {
  it('keeps the article and drops navigation, cookie banner, adverts, related links and footer', async () => {
    const a = await only('news-page.html');
    expect(a.format).toBe('html');
    expect(a.text).toMatch(/^Dockworkers at the port of Rotterdam voted on Wednesday/);
    expect(a.text).toContain(
      'Work at the terminals is expected to resume on Thursday morning, the port authority said.',
    );
    expect(a.text.split('\n\n')).toHaveLength(6);
    for (const boilerplate of [
      'cookies',
      'Accept all',
      'Subscribe',
      'Politics',
      'Advertisement',
      'Related stories',
      'Ferry fares',
      'headphones',
      'Privacy policy',
      'All rights reserved',
      'Share on X',
      'Read more',
      'Home',
    ]) {
      expect(a.text).not.toContain(boilerplate);
    }
    expect(a.text).not.toContain('Port strike ends as dockworkers'); // the headline is the title, not body text
  });

  it('reads metadata from Open Graph, article:published_time, JSON-LD and the canonical link', async () => {
    expect(meta(await only('news-page.html'))).toEqual({
      title: 'Port strike ends as dockworkers accept wage deal',
      source: 'The Harbour Ledger',
      published: '2024-03-14T07:30:00Z',
      url: 'https://www.harbourledger.example/business/port-strike-ends',
    });
  });

  it('decodes entities and maps them back to the raw source', async () => {
    const a = await only('news-page.html');
    expect(a.text).toContain('"This is a fair result');
    expect(a.text).toContain('about €180 million');
    expect(originalOf(a, 'AT&T')).toBe('AT&amp;T');
    expect(originalOf(a, "don't")).toBe('don&rsquo;t');
    expect(originalOf(a, '€180')).toBe('&euro;180');
  });

  it('reads JSON-LD metadata when there are no meta tags', () => {
    const html = `<!doctype html><html><head><title>Page</title>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"Glacier loss speeds up",
      "datePublished":"2022-09-05","publisher":{"@type":"Organization","name":"Alpine Post"},"mainEntityOfPage":{"@id":"https://alpine.example/glaciers"}}]</script>
      </head><body><article><p>${'Swiss glaciers lost six percent of their volume this year, scientists said on Monday. '.repeat(4)}</p></article></body></html>`;
    const [a] = ingestString(html, 'page.html');
    expect(meta(a!)).toEqual({
      title: 'Glacier loss speeds up',
      source: 'Alpine Post',
      published: '2022-09-05',
      url: 'https://alpine.example/glaciers',
    });
    expect(a!.text).toMatch(/^Swiss glaciers lost six percent/);
  });

  it.each([
    ['Floods in Porto | Iberia Today', 'Floods in Porto'],
    ['Iberia Today - Floods in Porto', 'Floods in Porto'],
    ['Floods in Porto \u2013 a city under water', 'Floods in Porto \u2013 a city under water'],
  ])('takes the site name out of the page title %j', (pageTitle, title) => {
    const html = `<html><head><title>${pageTitle}</title><meta property="og:site_name" content="Iberia Today"></head><body><p>${'Floods closed roads near Porto on Sunday, officials said. '.repeat(5)}</p></body></html>`;
    expect(ingestString(html, 'p.html')[0]!.title).toBe(title);
  });

  it('falls back to <time datetime> for the date', () => {
    const html = `<html><body><article><h1>Ferry service resumes</h1><time datetime="2021-06-01T09:00:00Z">1 June</time><p>${'The ferry between Dover and Calais resumed service on Tuesday after repairs. '.repeat(4)}</p></article></body></html>`;
    const [a] = ingestString(html, 'page.html');
    expect(a!.published).toBe('2021-06-01T09:00:00Z');
    expect(a!.title).toBe('Ferry service resumes');
  });
});

describe('HTML alignment', () => {
  it('aligns a paragraph that Readability changed word by word, leaving out the words it removed', () => {
    const html = '<p>Ministers met in <b>Oslo</b> <span class="share">Share this</span> on Monday &amp; Tuesday.</p>';
    const [block] = alignBlocks(['Ministers met in Oslo on Monday & Tuesday.'], sourceText(html).text);
    expect(block!.text).toBe('Ministers met in Oslo on Monday & Tuesday.');
    const map = toOffsetMap(block!);
    for (const word of ['Ministers', 'Oslo', 'Monday', 'Tuesday']) {
      const at = block!.text.indexOf(word);
      const span = toOriginalSpan(map, { start: at, end: at + word.length });
      expect(html.slice(span.start, span.end)).toBe(word);
    }
    const amp = block!.text.indexOf('&');
    const span = toOriginalSpan(map, { start: amp, end: amp + 1 });
    expect(html.slice(span.start, span.end)).toBe('&amp;');
  });

  it('finds paragraphs in source order even when the same words occur earlier in page furniture', () => {
    const html = '<nav>Oslo</nav><p>Talks in Oslo ended.</p><p>Oslo was calm.</p>';
    const blocks = alignBlocks(['Talks in Oslo ended.', 'Oslo was calm.'], sourceText(html).text);
    const second = toOriginalSpan(toOffsetMap(blocks[1]!), { start: 0, end: 4 });
    expect(second.start).toBe(html.lastIndexOf('Oslo'));
  });
});

describe('HTML robustness', () => {
  it('reads a page nested thousands of elements deep without Readability, and an unclosed page', () => {
    const deep = `<html><body><nav>Menu</nav>${'<div>'.repeat(3000)}<p>Floods closed roads near Porto on Sunday.</p>${'</div>'.repeat(3000)}</body></html>`;
    expect(ingestString(deep, 'deep.html')[0]!.text).toBe('Floods closed roads near Porto on Sunday.');
    const unclosed = `<html><body>${'<div><span>'.repeat(500)}<p>Floods closed roads near Porto on Sunday`;
    expect(ingestString(unclosed, 'unclosed.html')[0]!.text).toBe('Floods closed roads near Porto on Sunday');
  });

  it('maps text exactly in a page whose head is never closed and whose head holds an unclosed <select>', () => {
    const html = `<html><head><title>Floods</title><select><option>menu</head><body><article><p>${'Floods closed roads near Porto on Sunday. '.repeat(6)}</p></article></body></html>`;
    const [a] = ingestString(html, 'broken.html');
    expect(a!.text).toMatch(/^Floods closed roads near Porto on Sunday\./);
    expect(mismatchedWords(a!)).toEqual([]);
  });

  it('reads a page with no article element and no paragraphs through the body fallback', () => {
    const [a] = ingestString(
      '<html><body><header>Site</header>Heavy rain hit Genoa.<footer>(c) Site</footer></body></html>',
      'short.html',
    );
    expect(a!.text).toBe('Heavy rain hit Genoa.');
  });
});

describe('Markdown', () => {
  it('reads front matter and the prose, without code blocks, markup or the title heading', async () => {
    const a = await only('council-vote.md');
    expect(a.format).toBe('markdown');
    expect(meta(a)).toEqual({
      title: 'City council approves tram extension to the airport',
      source: 'Leipzig Civic Review',
      published: '2024-05-02T16:45:00Z',
      url: 'https://civic-review.example/transport/tram-extension',
    });
    expect(a.text).toMatch(/^The Leipzig city council voted 41 to 19/);
    expect(a.text).toContain('estimated to cost €212 million. Mayor'); // soft line break joined, ** removed
    expect(a.text).toContain('"We have waited long enough," said Anja Weber'); // block quote marker removed
    expect(a.text).toContain('The operator, Leipziger Verkehrsbetriebe, expects'); // link text kept, URL dropped
    expect(a.text).toContain('buses & cycle lanes');
    expect(a.text).toContain('a spokesman said on Friday.');
    for (const markup of ['---', 'title:', '**', '](', '```', 'notProse', '#', '>'])
      expect(a.text).not.toContain(markup);
  });

  it('maps escapes and entities back to the source', async () => {
    const a = await only('council-vote.md');
    expect(originalOf(a, 'buses & cycle')).toBe('buses \\& cycle');
    expect(originalOf(a, 'said on Friday')).toBe('said&nbsp;on Friday');
    expect(originalOf(a, 'million. Mayor')).toBe('million**. Mayor');
  });

  it('takes a leading heading as the title when there is no front matter', () => {
    const [a] = ingestString('# Storm hits Lisbon\n\nHeavy rain flooded streets in *Lisbon* on Monday.\n', 'storm.md');
    expect(a!.title).toBe('Storm hits Lisbon');
    expect(a!.text).toBe('Heavy rain flooded streets in Lisbon on Monday.');
  });
});

describe('JSON', () => {
  it('reads an article object with nested source and escaped text', async () => {
    const a = await only('wire-story.json');
    expect(a.format).toBe('json');
    expect(meta(a)).toEqual({
      title: 'Chile and Argentina sign lithium research pact',
      source: 'Southern Wire',
      published: '2024-01-09T14:20:00Z',
      url: 'https://southernwire.example/2024/01/09/lithium-pact',
    });
    expect(a.text).toContain('the two governments said.\n\nThe deal was signed');
    expect(a.text).toContain('"We share a salt flat and we should share what we learn," Williams said. The agreement');
    expect(a.text).toContain("the world's largest");
    expect(originalOf(a, "world's")).toBe('world\\u2019s');
    expect(originalOf(a, 'said.\n\nThe')).toBe('said.\\n\\nThe');
  });

  it('reads an array of articles and a NewsAPI-style response, numbering the records', () => {
    const array = JSON.stringify([
      { title: 'A', body: 'Lagos opened a new rail line.', date: '2020-01-02' },
      { title: 'not an article', tags: ['x'] },
      { title: 'C', body: 'Accra hosted the summit.', date: '2020-01-03' },
    ]);
    const records = ingestString(array, 'feed.json', 'feed.json');
    expect(records.map((r) => [r.id, r.title, r.text])).toEqual([
      ['feed.json#1', 'A', 'Lagos opened a new rail line.'],
      ['feed.json#3', 'C', 'Accra hosted the summit.'],
    ]);
    const newsApi = JSON.stringify({
      status: 'ok',
      articles: [
        {
          source: { id: null, name: 'Coast Times' },
          title: 'T',
          publishedAt: '2021-05-05T10:00:00Z',
          content: 'Mombasa port expanded.',
        },
      ],
    });
    const [r] = ingestString(newsApi, 'top.json', 'top.json');
    expect([r!.id, r!.source, r!.published, r!.text]).toEqual([
      'top.json#1',
      'Coast Times',
      '2021-05-05T10:00:00Z',
      'Mombasa port expanded.',
    ]);
  });

  it('reads the text of an HTML body (WordPress REST shape) and maps it into the JSON string', () => {
    const json = JSON.stringify({
      title: { rendered: 'Rates rise &#8211; again' },
      date: '2023-06-01T10:00:00',
      link: 'https://blog.example/rates',
      content: {
        rendered:
          '<p>The central bank of Iceland raised rates to 8.75%.</p>\n<p>Governor &#8220;&Aacute;sgeir&#8221; J&oacute;nsson <a href="/x">spoke</a> in Reykjavik.</p>\n<script>track()</script>',
      },
    });
    const [a] = ingestString(json, 'post.json');
    expect(a!.title).toBe('Rates rise \u2013 again');
    expect(a!.published).toBe('2023-06-01T10:00:00Z');
    expect(a!.text).toBe(
      'The central bank of Iceland raised rates to 8.75%.\n\nGovernor "Ásgeir" Jónsson spoke in Reykjavik.',
    );
    expect(originalOf(a!, 'Jónsson')).toBe('J&oacute;nsson');
    expect(originalOf(a!, 'spoke in')).toBe('spoke</a> in');
    expect(mismatchedWords(a!).filter(([w]) => /^[A-Za-z0-9]+$/.test(w))).toEqual([]);
  });

  it('rejects the gold annotation file as not an article, naming the file', async () => {
    const file = repoFile('seeds/000_73fc8d6edca50fa8.gold.json');
    const error = await ingestFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(file);
    expect((error as InputError).reason).toBe('JSON is not an article (no text or body field)');
  });

  it.each([
    ['broken JSON', '{"title": "x", "text": "unterminated', /^invalid JSON/],
    ['a JSON number', '42', /not an article/],
    ['an article with a blank body', '{"title": "x", "text": "   "}', /not an article/],
  ])('rejects %s with an InputError', (_name, text, reason) => {
    let error: unknown;
    try {
      ingestString(text, 'bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toMatch(reason);
  });
});

describe('JSON Lines', () => {
  it('reads one article per line with ids file#line, passing over non-article lines', async () => {
    const articles = await ingestFile(fixture('wire-feed.jsonl'), 'wire-feed.jsonl');
    expect(articles.map((a) => a.id)).toEqual(['wire-feed.jsonl#1', 'wire-feed.jsonl#3', 'wire-feed.jsonl#4']);
    expect(articles.map(meta)).toEqual([
      {
        title: 'Kenya launches its first earth observation satellite',
        source: 'East Africa Desk',
        published: '2023-04-15',
        url: 'https://eadesk.example/kenya-satellite',
      },
      {
        title: 'Norway raises interest rate to 4.5%',
        source: 'Nordic Markets Daily',
        published: '2023-12-21T09:00:00Z',
        url: 'https://nordicmarkets.example/norges-bank',
      },
      { title: 'Quebec signs hydro deal with New York', source: 'Le Fil Nord', published: '2023-12-05', url: null },
    ]);
    expect(articles[1]!.text).toContain('on Thursday. Governor Ida Wolden Bache');
    expect(articles[1]!.text).toContain('"for some time"');
    expect(articles[2]!.text).toBe(
      'Hydro-Québec signed a 25-year contract to supply power to New York City, the premier of Quebec said. The line will run 545 km.',
    );
    expect(originalOf(articles[2]!, 'Hydro-Québec')).toBe('Hydro-Qu\\u00e9bec');
    // offsets point into the whole file, on the record's own line
    const line3 = articles[1]!.original.split('\n')[2]!;
    expect(line3).toContain(originalOf(articles[1]!, 'Norges Bank raised'));
  });

  it('names the first bad line when no line is an article', () => {
    expect(() => ingestString('{"a": 1}\nnot json\n', 'x.jsonl')).toThrow(/line 2: invalid JSON/);
  });
});

describe('every format maps every word of the text back to the identical word of the original', () => {
  it.each([
    'news-page.html',
    'council-vote.md',
    'wire-story.json',
    'wire-feed.jsonl',
    'scraped-header.txt',
    'article-no-header.txt',
  ])('%s', async (name) => {
    const articles = await ingestFile(fixture(name), name);
    for (const a of articles) {
      expect(a.text.length).toBeGreaterThan(50);
      // words made only of ASCII letters and digits stand verbatim in these sources
      const ascii = mismatchedWords(a).filter(([word]) => /^[A-Za-z0-9]+$/.test(word));
      expect(ascii).toEqual([]);
      // and every other word maps to a non-empty original stretch that decodes to it
      for (const m of a.text.matchAll(/\S+/g)) {
        const span = toOriginalSpan(a.map, { start: m.index, end: m.index + m[0].length });
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(a.original.length);
      }
    }
  });
});

describe('format detection', () => {
  it.each([
    ['story.txt', 'Plain words.', 'text'],
    ['page.txt', '<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['story', '{"title": "x", "text": "y"}', 'json'],
    ['dump.json', '{"text": "a"}\n{"text": "b"}\n', 'jsonl'],
    ['dump.ndjson', '{"text": "a"}\n', 'jsonl'],
    ['notes', '---\ntitle: x\n---\n\nBody.', 'markdown'],
    ['story.txt', '[Reuters] Markets fell on Monday.', 'text'],
    ['page.HTM', 'not really html', 'html'],
  ])('%s with %j is %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });

  it('rejects an empty file', () => {
    expect(() => ingestString(' \n\t', 'empty.txt')).toThrow(InputError);
  });
});
