import { describe, expect, it } from 'vitest';
import { ingestString } from '../../src/ingest/index.js';

const BODY = `<article><p>${'The harbour authority reopened the northern pier on Friday after two weeks of repairs to its concrete deck. '.repeat(4)}</p></article>`;

/** A page whose head holds `head` and whose body starts with `top` before the article. */
const page = (head: string, top = '') =>
  `<!doctype html><html><head><title>Pier reopens</title>${head}</head><body>${top}${BODY}</body></html>`;

const published = (html: string) => ingestString(html, 'page.html')[0]!.published;

describe('HTML publication dates', () => {
  it.each([
    [
      'article:published_time meta',
      '<meta property="article:published_time" content="2022-05-06T10:00:00Z">',
      '2022-05-06T10:00:00Z',
    ],
    [
      'article:published meta',
      '<meta property="article:published" content="2022-05-06T10:00:00+02:00">',
      '2022-05-06T08:00:00Z',
    ],
    ['publish_date meta', '<meta name="publish_date" content="May 6, 2022">', '2022-05-06'],
    [
      'JSON-LD NewsArticle',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-06T10:00:00Z"}</script>',
      '2022-05-06T10:00:00Z',
    ],
    [
      'JSON-LD WebPage',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","name":"Pier","datePublished":"2022-05-07"}</script>',
      '2022-05-07',
    ],
    [
      'JSON-LD ClaimReview in @graph',
      '<script type="application/ld+json">{"@graph":[{"@type":"Organization","name":"Checkers"},{"@type":"ClaimReview","datePublished":"2021-11-02T08:15:00Z","claimReviewed":"x"}]}</script>',
      '2021-11-02T08:15:00Z',
    ],
    [
      'JSON-LD MedicalWebPage',
      '<script type="application/ld+json">[{"@type":"MedicalWebPage","datePublished":"2020-03-09"}]</script>',
      '2020-03-09',
    ],
    [
      'JSON-LD with a raw line break inside a string',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier\nreopens","datePublished":"2019-08-01T12:00:00Z"}</script>',
      '2019-08-01T12:00:00Z',
    ],
    [
      'JSON-LD with trailing commas',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-08-02",}</script>',
      '2019-08-02',
    ],
    [
      'JSON-LD in a CDATA wrapper',
      '<script type="application/ld+json">//<![CDATA[\n{"@type":"Article","datePublished":"2019-08-03"}\n//]]></script>',
      '2019-08-03',
    ],
    [
      'JSON-LD beyond repair (read by pattern)',
      '<script type="application/ld+json">{"@type":"NewsArticle", "author": {"name": "A" "B"}, "datePublished": "2019-08-04T06:30:00Z"</script>',
      '2019-08-04T06:30:00Z',
    ],
    [
      'a textual dateline with its zone',
      '',
      '2019-11-20T08:08:07Z',
      '<div class="article-date">Updated: 01:38:07 PM IST Nov 20, 2019</div>',
    ],
    [
      'a short US date before a time in a dateline',
      '',
      '2015-03-09T08:00:00Z',
      '<span class="published">3/09/15 8:00am</span>',
    ],
    [
      'a <time> element without datetime',
      '',
      '2018-02-14',
      '<p class="meta">By a staff writer, <time>February 14, 2018</time></p>',
    ],
  ])('%s', (_name, head, expected, top = '') => {
    expect(published(page(head, top))).toBe(expected);
  });

  it.each([
    ['0001-01-01 meta', '<meta property="article:published_time" content="0001-01-01T00:00:00+00:00">'],
    [
      '1970-01-01 JSON-LD',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"1970-01-01T00:00:00Z"}</script>',
    ],
    ['epoch timestamp', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":0}</script>'],
  ])('a placeholder (%s) never counts', (_name, head) => {
    expect(published(page(head))).toBeNull();
  });

  it.each([
    ['Feb. 23, 2015 -- Doctors at the clinic said', '2015-02-23'],
    ['Published: 17 April 2015 | The harbour board met', '2015-04-17'],
  ])('reads a dateline that opens the text: %s', (opening, expected) => {
    const html = `<html><head><title>Pier</title></head><body><article><p>${opening} on Friday that repairs were done.</p>${BODY}</article></body></html>`;
    expect(published(html)).toBe(expected);
  });

  it('takes no date from a paragraph that merely starts with one', () => {
    const html = `<html><head><title>Pier</title></head><body><article><p>March 3, 2021 was the day the pier first closed for repairs to its deck.</p>${BODY}</article></body></html>`;
    expect(published(html)).toBeNull();
  });

  it('takes the real date over a placeholder in another field', () => {
    const head =
      '<meta property="article:published_time" content="0001-01-01T00:00:00Z"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-06"}</script>';
    expect(published(page(head))).toBe('2022-05-06');
  });

  it('prefers the article object of JSON-LD over another typed object', () => {
    const head =
      '<script type="application/ld+json">[{"@type":"WebPage","datePublished":"2022-01-01"},{"@type":"NewsArticle","datePublished":"2022-05-06"}]</script>';
    expect(published(page(head))).toBe('2022-05-06');
  });
});
