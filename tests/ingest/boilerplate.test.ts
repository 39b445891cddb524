import { describe, expect, it } from 'vitest';
import { ingestString } from '../../src/ingest/index.js';

const P1 =
  'The harbour authority reopened the northern pier on Friday after two weeks of repairs to its concrete deck, which had cracked during the winter storms.';
const P2 =
  'Engineers replaced forty metres of railing and resurfaced the walkway, and the ferry operator said crossings would resume on the usual timetable from Monday.';
const P3 =
  'Local traders, who had complained of falling custom while the pier was closed, welcomed the decision and said they expected a busy weekend on the waterfront.';
const OTHER =
  'In a separate vote on Thursday evening the town council approved its budget for the coming year, with more money set aside for schools and road repairs.';
const OTHER2 =
  'Councillors from the opposition benches said the spending plans relied on optimistic forecasts of business rates and voted against the final package.';

/** The body text ingestion reads from a page whose <body> is `body`. */
const bodyOf = (body: string, title = 'Northern pier reopens') =>
  ingestString(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'page.html')[0]!
    .text;

const count = (text: string, part: string) => text.split(part).length - 1;

describe('HTML boilerplate', () => {
  // each row: a class of boilerplate or of legitimate text Readability alone gets wrong; what must stay and go
  it.each([
    {
      name: 'a container holding the next article keeps the one the page is titled by',
      body: `<main><div class="stream"><article><h1>Northern pier reopens</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article><article><h2>Council approves budget</h2><p>${OTHER}</p><p>${OTHER2}</p><p>${OTHER}</p></article></div></main>`,
      kept: [P1, P3],
      dropped: [OTHER, OTHER2],
    },
    {
      name: 'a container holding neighbouring articles with no matching title keeps the longest',
      title: 'Waterfront news',
      body: `<div class="stream"><article><h2>Pier</h2><p>${P1}</p><p>${P2}</p><p>${P3}</p></article><article><h2>Budget</h2><p>${OTHER2}</p></article></div>`,
      kept: [P1, P2],
      dropped: [OTHER2],
    },
    {
      name: 'a comment section inside the article',
      body: `<article><p>${P1}</p><p>${P2}</p><p>${P3}</p><div class="comments-area"><h3>2 comments</h3><div class="comment-body"><p>What a relief for everyone who works down there, I walk along it every single morning.</p></div></div></article>`,
      kept: [P1, P3],
      dropped: ['What a relief', '2 comments'],
    },
    {
      name: 'comment prompts',
      body: `<article><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>Leave a comment</p><p>Comments (14)</p></article>`,
      kept: [P3],
      dropped: ['Leave a comment', 'Comments (14)'],
    },
    {
      name: 'a tag list, by class',
      body: `<article><p>${P1}</p><p>${P2}</p><div class="post-tags"><a href="/t/h">harbour</a> <a href="/t/f">ferries</a></div><p>${P3}</p></article>`,
      kept: [P1, P3],
      dropped: ['ferries'],
    },
    {
      name: 'a tag list, by label (long enough to pass the link filter)',
      body: `<article><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>Filed under: <a href="/a">harbour authority</a>, <a href="/b">northern pier repairs</a>, <a href="/c">ferry timetables</a>, <a href="/d">waterfront traders</a>, <a href="/e">winter storm damage</a>, <a href="/f">local transport</a></p></article>`,
      kept: [P3],
      dropped: ['Filed under', 'winter storm damage'],
    },
    {
      name: 'an embedded post made mostly of links stays',
      body: `<article><p>${P1}</p><blockquote class="twitter-tweet"><p lang="en">Open again <a href="https://t.co/x">#HarbourNews</a> <a href="https://t.co/y">pic.twitter.com/q8Zk3</a></p>&mdash; Harbour Desk (@harbourdesk) <a href="https://t.co/z">June 3, 2022</a></blockquote><p>${P2}</p><p>${P3}</p></article>`,
      kept: ['Open again #HarbourNews', P3],
      dropped: [],
    },
    {
      name: 'a list of links between paragraphs stays',
      body: `<article><p>${P1}</p><p>${P2}</p><p>Earlier coverage:</p><ul><li><a href="/1">How the tides wore down the old stone walls</a></li><li><a href="/2">The engineers who rebuilt the southern jetty</a></li><li><a href="/3">A short history of the ferry terminal</a></li></ul><p>${P3}</p></article>`,
      kept: ['How the tides wore down the old stone walls', 'A short history of the ferry terminal', P3],
      dropped: [],
    },
    {
      name: 'a lone link paragraph inside the text (a teaser for another story) goes',
      body: `<article><p>${P1}</p><p><a href="/other">Town council approves its budget for next year</a></p><p>${P2}</p><p>${P3}</p></article>`,
      kept: [P1, P2],
      dropped: ['approves its budget'],
    },
    {
      name: 'links after the text (related stories) and buttons go',
      body: `<article><p><a href="/share">Share</a></p><p>${P1}</p><p>${P2}</p><p>${P3}</p><ul><li><a href="/r1">Storm damage closes coastal road for a week</a></li><li><a href="/r2">New ferry route to the islands announced</a></li></ul></article>`,
      kept: [P1, P3],
      dropped: ['Share', 'Storm damage closes', 'New ferry route'],
    },
  ])('$name', ({ body, title, kept, dropped }) => {
    const text = bodyOf(body, title);
    for (const part of kept) expect(text).toContain(part);
    for (const part of dropped) expect(text).not.toContain(part);
  });

  it('keeps every entry of a live blog (many articles in one container)', () => {
    const entries = [P1, P2, P3, OTHER, OTHER2, `${P1} Later on the same day.`]
      .map((p, i) => `<article><h2>Update ${i + 1}</h2><p>${p}</p></article>`)
      .join('');
    const text = bodyOf(`<div class="liveblog">${entries}</div>`, "Harbour live: all the day's news");
    for (const p of [P1, P2, P3, OTHER, OTHER2]) expect(text).toContain(p);
  });

  it('keeps a repeated image caption once, and a repeated paragraph twice', () => {
    const caption = 'Workers resurface the walkway of the northern pier. Photo: Harbour Authority';
    const figure = `<figure><img src="a.jpg" alt=""><figcaption>${caption}</figcaption></figure>`;
    const text = bodyOf(`<article><p>${P1}</p>${figure}<p>${P2}</p>${figure}<p>${P3}</p><p>${P3}</p></article>`);
    expect(count(text, caption)).toBe(1);
    expect(count(text, P3)).toBe(2);
  });

  it('keeps a caption classed as such once', () => {
    const caption = 'The ferry arriving at the pier on Friday morning (Photo: staff)';
    const shot = `<p class="image-caption">${caption}</p>`;
    const text = bodyOf(`<div class="story"><p>${P1}</p>${shot}<p>${P2}</p>${shot}<p>${P3}</p></div>`);
    expect(count(text, caption)).toBe(1);
  });
});
