/** Feeds, sitemaps and URLs without the network: what a document is, the links it lists, one spelling per URL. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { isPrivateAddress } from '../../src/sources/address.js';
import { canonicalUrl, siteOf } from '../../src/sources/canonical.js';
import { classifyDocument } from '../../src/sources/documents.js';
import { canonicalLink, parseSourceList } from '../../src/sources/index.js';

const BASE = 'https://news.example/feeds/world.xml';

describe('classifyDocument', () => {
  it('reads RSS 2.0 items: link (relative ones resolved), title, date, channel as source', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Example World</title>
      <item><title>Talks in Lisbon</title><link>https://news.example/world/lisbon-talks</link><pubDate>Mon, 02 Mar 2026 09:30:00 GMT</pubDate></item>
      <item><title>Second &amp; last</title><link>/world/second</link></item>
      <item><title>Only a guid</title><guid isPermaLink="true">https://news.example/world/guid-only</guid></item>
      <item><title>No link at all</title><description>text</description></item>
    </channel></rss>`;
    const doc = classifyDocument(rss, 'application/rss+xml', BASE);
    expect(doc).toMatchObject({ kind: 'feed', format: 'rss', title: 'Example World' });
    if (doc.kind !== 'feed') throw new Error('not a feed');
    expect(doc.items).toEqual([
      {
        url: 'https://news.example/world/lisbon-talks',
        title: 'Talks in Lisbon',
        published: '2026-03-02T09:30:00Z',
        source: 'Example World',
      },
      { url: 'https://news.example/world/second', title: 'Second & last', published: null, source: 'Example World' },
      { url: 'https://news.example/world/guid-only', title: 'Only a guid', published: null, source: 'Example World' },
    ]);
  });

  it('reads Atom entries through their alternate link, even served as text/xml', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
      <entry><title>First</title><link rel="self" href="https://news.example/api/1"/><link rel="alternate" href="https://news.example/a/1"/><published>2026-02-01T10:00:00Z</published></entry>
      <entry><title>Second</title><link href="https://news.example/a/2"/><updated>2026-02-02T11:00:00+01:00</updated></entry>
    </feed>`;
    const doc = classifyDocument(atom, 'text/xml', BASE);
    if (doc.kind !== 'feed') throw new Error('not a feed');
    expect(doc.format).toBe('atom');
    expect(doc.items.map((i) => [i.url, i.published])).toEqual([
      ['https://news.example/a/1', '2026-02-01T10:00:00Z'],
      ['https://news.example/a/2', '2026-02-02T10:00:00Z'],
    ]);
  });

  it('reads a JSON Feed, and takes other JSON for an article', () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON Desk',
      items: [
        { id: '1', url: 'https://news.example/j/1', title: 'J', date_published: '2026-01-05T08:00:00Z' },
        { id: '2' },
      ],
    });
    const doc = classifyDocument(feed, 'application/feed+json', BASE);
    expect(doc).toEqual({
      kind: 'feed',
      format: 'json-feed',
      title: 'JSON Desk',
      items: [{ url: 'https://news.example/j/1', title: 'J', published: '2026-01-05T08:00:00Z', source: 'JSON Desk' }],
    });
    expect(classifyDocument('{"title":"x","text":"y"}', 'application/json', BASE)).toEqual({
      kind: 'article',
      format: 'json',
    });
  });

  it('reads news sitemaps and sitemap indexes', () => {
    const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example/s/1</loc><news:news><news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-03-01</news:publication_date><news:title>Sitemap story</news:title></news:news></url>
      <url><loc>https://news.example/s/2</loc><lastmod>2026-03-02T00:00:00Z</lastmod></url></urlset>`;
    const doc = classifyDocument(sitemap, 'application/xml', BASE);
    if (doc.kind !== 'sitemap') throw new Error('not a sitemap');
    expect(doc.items[0]).toEqual({
      url: 'https://news.example/s/1',
      title: 'Sitemap story',
      published: expect.stringMatching(/^2026-03-01/),
      source: 'Example News',
    });
    expect(doc.items[1]?.url).toBe('https://news.example/s/2');
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://news.example/sm-1.xml</loc></sitemap></sitemapindex>`;
    expect(classifyDocument(index, 'text/xml', BASE)).toEqual({
      kind: 'sitemap',
      items: [],
      sitemaps: ['https://news.example/sm-1.xml'],
    });
  });

  it('does not expand nested entities of a hostile feed (billion laughs)', () => {
    let entities = '<!ENTITY a0 "lol">';
    for (let i = 1; i < 10; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss version="2.0"><channel><title>&a9;</title><item><link>https://news.example/a</link></item></channel></rss>`;
    const doc = classifyDocument(bomb, 'application/rss+xml', BASE);
    if (doc.kind !== 'feed') throw new Error('not a feed');
    expect((doc.title ?? '').length).toBeLessThan(1000);
    expect(doc.items.map((i) => i.url)).toEqual(['https://news.example/a']);
  });

  it('reports malformed XML with its line, and an HTML page is an article', () => {
    const broken = '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>Open</item></channel></rss>';
    expect(() => classifyDocument(broken, 'application/rss+xml', BASE)).toThrow(InputError);
    expect(() => classifyDocument(broken, 'application/rss+xml', BASE)).toThrow(/malformed XML \(line 3/);
    expect(classifyDocument('<!doctype html><html><body><p>Hi</p></body></html>', 'text/html', BASE)).toEqual({
      kind: 'article',
      format: 'html',
    });
    expect(
      classifyDocument(
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        'application/xhtml+xml',
        BASE,
      ),
    ).toEqual({ kind: 'article', format: 'html' });
  });
});

describe('canonicalUrl', () => {
  it('removes tracking parameters, fragments and AMP editions, and keeps parameters that select the article', () => {
    expect(
      canonicalUrl('https://News.Example:443/world/story?utm_source=tw&utm_medium=social&id=7&fbclid=abc#comments'),
    ).toBe('https://news.example/world/story?id=7');
    expect(canonicalUrl('https://news.example/world/story/amp/')).toBe('https://news.example/world/story');
    expect(canonicalUrl('https://amp.news.example/world/story.amp.html')).toBe('https://news.example/world/story.html');
    expect(canonicalUrl('https://news-example.cdn.ampproject.org/c/s/news.example/world/story')).toBe(
      'https://news.example/world/story',
    );
    expect(canonicalUrl('https://news.example/?b=2&a=1')).toBe('https://news.example/?a=1&b=2');
    expect(canonicalUrl('mailto:desk@news.example')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(siteOf('https://www.news.example/x')).toBe(siteOf('https://amp.news.example/y'));
  });

  it('finds a canonical link in the head whatever the attribute order', () => {
    expect(
      canonicalLink(
        '<head><link href="/world/story?utm_campaign=x" rel="canonical"></head>',
        'https://news.example/amp/world/story',
      ),
    ).toBe('https://news.example/world/story');
    expect(canonicalLink('<head><link rel="stylesheet" href="/a.css"></head>', 'https://news.example/')).toBeNull();
  });
});

describe('source lists and private addresses', () => {
  it('takes a text file for a source list only when every line is a URL', () => {
    expect(parseSourceList('# feeds\nhttps://a.example/rss\n\nhttp://b.example/atom.xml\n')).toEqual([
      'https://a.example/rss',
      'http://b.example/atom.xml',
    ]);
    expect(parseSourceList('The minister said https://a.example/rss was wrong.\n')).toBeNull();
    expect(parseSourceList('\n# nothing\n')).toBeNull();
  });

  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      '[::1]',
      'fe80::1',
      'fd12::3',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', 'localhost'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});
