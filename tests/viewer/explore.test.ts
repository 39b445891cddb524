/**
 * Exploring a corpus in the viewer, in real headless Chromium: reduce, focus, paths, the Article region, the
 * timeline, the tables and the small things of issue #16. The graph is built by the real pipeline from a
 * generated corpus of 300 articles (./corpus.ts); expected counts come from the graph file through plain loops
 * (./expect.ts), and each control is found by its accessible name and driven with the keyboard where it matters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/viewer.js';
import { extractArticle } from '../../src/extract/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { serializeGraph } from '../../src/graph/file.js';
import { ingestFile } from '../../src/ingest/index.js';
import type { ViewServer } from '../../src/view/server.js';
import { countInk, launchChromium, screenshot, serveGraph, tempDir, waitForViewer } from './browser.js';
import { writeCorpus } from './corpus.js';
import { ball, components, distance, type GraphData, kCore, neighbours, withDegreeAtLeast } from './expect.js';
import { diplomacyGraph } from './fixtures.js';

interface View {
  nodes: number;
  edges: number;
  drawn: number;
  visible: string[];
  focus: { node: string; hops: number } | null;
  path: { from: string; to: string; nodes: string[]; edges: string[] } | null;
  named: string[];
  filters: {
    dateFrom: string | null;
    dateTo: string | null;
    hideUnconnected: boolean;
    minDegree: number;
    kCore: number;
    largestComponent: boolean;
  };
}

let browser: Browser;
let data: GraphData;
const servers: Record<string, ViewServer> = {};
const dir = tempDir('explore');
/** Relations marked as background knowledge in the served file (what the #14 build adds), to test the Basis filter. */
let knowledgeEdges = 0;
/** Rows the Tables region draws at most (ROWS_SHOWN in viewer/src/tables.ts, which needs the DOM and so is not imported here). */
const ROWS_SHOWN = 300;
/** An entity added with the same label as a person, to test telling them apart in search. */
let twin: { person: string; place: string; label: string };
/** Keys of the people of the corpus's second camp, which never meets the first (./corpus.ts). */
let camp: string[];

beforeAll(async () => {
  const corpus = writeCorpus(join(dir, 'articles'));
  const extractions = [];
  for (const file of corpus.files)
    for (const article of await ingestFile(file)) extractions.push(extractArticle(article));
  data = JSON.parse(serializeGraph(buildGraph(extractions))) as GraphData;
  // Membership is marked as knowledge too, so the Basis filter has many edges to hide; the build's own knowledge
  // edges (based-in, located-in, ...) count as well.
  for (const edge of data.edges) {
    if (edge.attributes.relation === 'member-of') edge.attributes.basis = 'knowledge';
    if (edge.attributes.basis === 'knowledge') knowledgeEdges++;
  }
  const campNames = new Set(corpus.people.filter((person) => person.camp === 1).map((person) => person.name));
  camp = data.nodes
    .filter((node) => node.attributes.kind === 'person' && campNames.has(node.attributes.label))
    .map((node) => node.key);
  const person = data.nodes.find((node) => node.attributes.kind === 'person' && node.attributes.articles.length > 2)!;
  twin = { person: person.key, place: 'place:twin-town', label: person.attributes.label };
  data.nodes.push({
    key: twin.place,
    attributes: {
      ...person.attributes,
      kind: 'place',
      articles: [person.attributes.articles[0]!],
      mentions: 1,
      aliases: [],
      rules: ['fixture'],
      examples: [],
    } as GraphData['nodes'][number]['attributes'],
  });

  const withText = diplomacyGraph();
  const article = withText.attributes.articles[0]!;
  article.text =
    'Arctic states meet\n\nSergei Lavrov spoke in <b onmouseover="window.__xss=1">Moscow</b>.\n\nFinland listened.';
  article.url = 'javascript:window.__xss=2';

  // Imports fine but breaks the contract: the viewer draws it while the worker checks, then closes it.
  const invalid = diplomacyGraph();
  invalid.edges[0]!.attributes.confidence = 7;

  const [main, texts, large, checked] = await Promise.all([
    serveGraph(dir, 'corpus.json', data),
    serveGraph(dir, 'texts.json', withText),
    serveGraph(dir, 'large.json', syntheticGraph(1200, 900)),
    serveGraph(dir, 'invalid.json', invalid),
  ]);
  Object.assign(servers, { main, texts, large, checked });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

let shared: Page;
const pageErrors: string[] = [];

async function open(url: string, expected = 'ready'): Promise<Page> {
  if (!shared) {
    shared = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true, acceptDownloads: true });
    shared.on('pageerror', (error) => pageErrors.push(error.message));
  }
  await shared.goto('about:blank');
  pageErrors.length = 0;
  await shared.goto(url);
  expect(await waitForViewer(shared)).toBe(expected);
  return shared;
}

const view = (page: Page) => page.evaluate('window.newsgraph.view()') as Promise<View>;
const details = (page: Page) => page.getByRole('region', { name: 'Entity details' });
const search = (page: Page) => page.getByRole('combobox', { name: 'Search entities' });
const label = (key: string) => data.nodes.find((node) => node.key === key)!.attributes.label;

async function waitForHash(page: Page, fragment: string): Promise<void> {
  await page.waitForFunction(`location.hash.includes(${JSON.stringify(fragment)})`, undefined, { timeout: 5000 });
}

async function chooseEntity(page: Page, box: string, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: box, exact: true });
  await input.fill(text);
  await input.press('ArrowDown');
  await input.press('Enter');
}

/** The most connected entity (distinct neighbours), ties by key. */
function hub(): string {
  return [...neighbours(data)].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0]![0];
}

describe('exploring a corpus in chromium', { timeout: 120_000 }, () => {
  it('reduce: Hide unconnected, Minimum degree, Largest component only and k-core change what is drawn and survive a reload', async () => {
    const page = await open(servers.main!.url);
    const total = data.nodes.length;
    expect((await view(page)).nodes).toBe(total); // under 1,000 entities: unconnected ones show by default
    const before = await countInk(page, await screenshot(page, 'explore-all.png', '#graph'));

    await page.getByRole('checkbox', { name: 'Hide unconnected' }).check();
    const connected = withDegreeAtLeast(data, 1).length;
    expect(connected).toBeLessThan(total);
    let shown = await view(page);
    expect(shown.nodes).toBe(connected);
    expect(shown.drawn).toBe(connected);
    await expect(page.locator('.stats').textContent()).resolves.toContain(`${connected} of ${total}`);

    const degree = page.getByRole('slider', { name: 'Minimum degree' });
    await degree.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect((await view(page)).nodes).toBe(withDegreeAtLeast(data, 3).length);
    await page.keyboard.press('Home');
    expect((await view(page)).nodes).toBe(connected);

    await page.getByRole('checkbox', { name: 'Largest component only' }).check();
    const parts = components(data);
    // The corpus has a second camp: a component of its own, not the largest.
    const second = parts.findIndex((part) => part.includes(camp[0]!));
    expect(second).toBeGreaterThan(0);
    expect(parts[second]!.length).toBeGreaterThan(1);
    expect((await view(page)).nodes).toBe(parts[0]!.length);
    await page.getByRole('checkbox', { name: 'Largest component only' }).uncheck();

    const core = page.getByRole('slider', { name: 'k-core' });
    await core.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const expected = kCore(data, 3);
    shown = await view(page);
    expect(shown.nodes).toBe(expected.size);
    expect(new Set(shown.visible)).toEqual(expected);
    const after = await countInk(page, await screenshot(page, 'explore-kcore.png', '#graph'));
    expect(after.ink).toBeGreaterThan(500);
    expect(after.ink).toBeLessThan(before.ink); // fewer entities, less drawn

    await waitForHash(page, 'kcore=3');
    await waitForHash(page, 'unconnected=hide');
    await page.reload();
    await waitForViewer(page);
    expect((await view(page)).nodes).toBe(expected.size);
    await expect(page.getByRole('checkbox', { name: 'Hide unconnected' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('slider', { name: 'k-core' }).inputValue()).resolves.toBe('3');
    expect(pageErrors).toEqual([]);
  });

  it('a file that imports but breaks the contract is checked in a worker and closed with the reason', async () => {
    const page = await open(servers.checked!.url, 'error');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/invalid\.json: edge 0 .*confidence/);
    expect(await page.evaluate('window.newsgraph.view()')).toBeNull();
  });

  it('"Hide unconnected" is on by default above 1,000 entities', async () => {
    const page = await open(servers.large!.url);
    const shown = await view(page);
    expect(shown.filters.hideUnconnected).toBe(true);
    const large = JSON.parse(syntheticGraph(1200, 900)) as GraphData;
    const connected = [...neighbours(large).values()].filter((set) => set.size > 0).length;
    expect(connected).toBeLessThan(1200);
    expect(shown.nodes).toBe(connected);
    await expect(page.getByRole('checkbox', { name: 'Hide unconnected' }).isChecked()).resolves.toBe(true);
  });

  it('focus: the neighbourhood on its own, 1 or 2 hops; related entities and browser history move it; back to the whole graph', async () => {
    const page = await open(servers.main!.url);
    const centre = hub();
    await search(page).fill(label(centre));
    await search(page).press('Enter');
    await details(page).getByRole('heading', { level: 2 }).waitFor();
    const focus = details(page).getByRole('button', { name: 'Focus', exact: true });
    await focus.focus();
    await page.keyboard.press('Enter');
    let shown = await view(page);
    expect(shown.focus).toEqual({ node: centre, hops: 1 });
    expect(new Set(shown.visible)).toEqual(ball(data, centre, 1));
    expect(shown.drawn).toBe(ball(data, centre, 1).size);
    const back = page.getByRole('button', { name: 'Back to the whole graph' });
    await expect(back.isVisible()).resolves.toBe(true);
    await page.waitForTimeout(700); // the camera's move to the neighbourhood
    const ink = await countInk(page, await screenshot(page, 'explore-focus.png', '#graph'));
    expect(ink.ink).toBeGreaterThan(500);

    await details(page).getByRole('combobox', { name: 'Hops' }).selectOption('2');
    await details(page).getByRole('button', { name: 'Focus', exact: true }).click();
    shown = await view(page);
    expect(shown.focus).toEqual({ node: centre, hops: 2 });
    expect(shown.nodes).toBe(ball(data, centre, 2).size);
    await waitForHash(page, 'hops=2');

    // A related entity in the details moves the focus there.
    const relation = details(page).getByRole('list', { name: 'Relations' }).locator(':scope > li').first();
    const other = (await relation.locator('.entity-link').textContent())!;
    const otherKey = data.nodes.find((node) => node.attributes.label === other)!.key;
    await relation.locator('.entity-link').click();
    shown = await view(page);
    expect(shown.focus).toEqual({ node: otherKey, hops: 2 });
    expect(shown.nodes).toBe(ball(data, otherKey, 2).size);

    // Back goes to the previous focus; a reload keeps the focus.
    await page.goBack();
    await page.waitForFunction(`window.newsgraph.view().focus?.node === ${JSON.stringify(centre)}`, undefined, {
      timeout: 5000,
    });
    await page.waitForTimeout(300);
    await page.reload();
    await waitForViewer(page);
    shown = await view(page);
    expect(shown.focus?.node).toBe(centre);
    expect(shown.nodes).toBe(ball(data, centre, 2).size);

    await page.getByRole('button', { name: 'Back to the whole graph' }).click();
    shown = await view(page);
    expect(shown.focus).toBeNull();
    expect(shown.nodes).toBe(data.nodes.length);
    await expect(back.isVisible()).resolves.toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('path: From and To with suggestions, the shortest paths highlighted, each relation opening its evidence, limits by relation', async () => {
    const page = await open(servers.main!.url);
    const parts = components(data);
    const main = parts[0]!;
    const start = hub();
    const labels = new Map<string, number>();
    for (const node of data.nodes) labels.set(node.attributes.label, (labels.get(node.attributes.label) ?? 0) + 1);
    // The farthest entity from the hub with a unique label.
    const far = main
      .filter((node) => labels.get(label(node)) === 1)
      .sort((a, b) => (distance(data, start, b) ?? 0) - (distance(data, start, a) ?? 0) || a.localeCompare(b))[0]!;
    const hops = distance(data, start, far)!;
    expect(hops).toBeGreaterThanOrEqual(2);

    const form = page.getByRole('form', { name: 'Path' });
    await chooseEntity(page, 'From', label(start));
    await chooseEntity(page, 'To', label(far));
    await form.getByRole('button', { name: 'Find paths' }).click();
    await expect(form.getByRole('status').textContent()).resolves.toMatch(
      new RegExp(`shortest paths? of ${hops} steps?`),
    );
    const shown = await view(page);
    expect(shown.path?.nodes).toEqual(expect.arrayContaining([start, far]));
    expect(shown.path!.nodes.length).toBeGreaterThanOrEqual(hops + 1);
    const chains = form.getByRole('list', { name: 'Paths found' }).locator(':scope > li');
    await expect(chains.first().locator('.relation-step').count()).resolves.toBe(hops);

    // A relation of the chain opens the details at its evidence.
    await chains.first().locator('.relation-step').first().click();
    await details(page).locator('li.relation.flash').waitFor();
    await expect(details(page).locator('li.relation.flash .evidence').count()).resolves.toBeGreaterThan(0);

    // Limited to one relation: the expected distance under that limit, or no path.
    await form.getByRole('listbox', { name: 'Path relations' }).selectOption(['criticises']);
    await form.getByRole('button', { name: 'Find paths' }).click();
    const limited = distance(data, start, far, (edge) => edge.attributes.relation === 'criticises');
    const status = (await form.getByRole('status').textContent())!;
    if (limited === null) expect(status).toContain('No path');
    else expect(status).toMatch(new RegExp(`of ${limited} steps?`));

    // Two camps are not connected.
    await form.getByRole('listbox', { name: 'Path relations' }).selectOption([]);
    const lone = camp.find((node) => labels.get(label(node)) === 1)!;
    expect(main).not.toContain(lone);
    await chooseEntity(page, 'To', label(lone));
    await form.getByRole('button', { name: 'Find paths' }).click();
    await expect(form.getByRole('status').textContent()).resolves.toContain('No path');
    expect((await view(page)).path).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it("Article: opens from an entity's article list and from an evidence sentence, entities marked and clickable, safe link", async () => {
    const page = await open(servers.main!.url);
    const centre = hub();
    await search(page).fill(label(centre));
    await search(page).press('Enter');
    const panel = details(page);
    // Relations come before the articles, and the article list is collapsed beyond five.
    const headings = await panel.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.findIndex((h) => h.startsWith('Relations'))).toBeLessThan(
      headings.findIndex((h) => h.startsWith('Articles')),
    );
    const articles = panel.getByRole('list', { name: 'Articles' }).locator(':scope > li');
    await expect(articles.count()).resolves.toBe(5);
    await panel.getByRole('button', { name: /^Show all \d+ articles$/ }).click();
    await expect(articles.count()).resolves.toBe(
      data.nodes.find((node) => node.key === centre)!.attributes.articles.length,
    );

    const title = articles.first().getByRole('button');
    const titleText = (await title.textContent())!;
    await title.focus();
    await page.keyboard.press('Enter');
    const region = page.getByRole('region', { name: 'Article' });
    await expect(region.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(titleText);
    await region.locator('.article-text p:not(.muted)').first().waitFor();
    await expect(region.textContent()).resolves.toContain('officials said more talks would follow');
    const link = region.getByRole('link');
    await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\/news\.example\.org\//);
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    const marks = region.locator('button.entity-mark');
    expect(await marks.count()).toBeGreaterThan(2);
    const person = region.locator('button.entity-mark[data-node^="person:"]').first();
    const personKey = (await person.getAttribute('data-node'))!;
    await person.click();
    expect(await page.evaluate('window.newsgraph.selected()')).toBe(personKey);

    // From an evidence sentence: the article opens with that sentence marked.
    const evidence = details(page).locator('.evidence').first();
    const sentence = (await evidence.locator('.sentence').textContent())!;
    await evidence.locator('.sentence').click();
    await expect(region.locator('mark.evidence-focus').textContent()).resolves.toBe(sentence);
    await region.getByRole('button', { name: 'Close article' }).click();
    await expect(region.isHidden()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('Article text from the graph file shows as text, and a javascript: URL makes no link', async () => {
    const page = await open(servers.texts!.url);
    await search(page).fill('Lavrov');
    await search(page).press('Enter');
    await details(page)
      .getByRole('button', { name: 'Arctic states meet as Moscow warns over NATO expansion' })
      .first()
      .click();
    const region = page.getByRole('region', { name: 'Article' });
    await region.locator('.article-text p:not(.muted)').first().waitFor();
    await expect(region.textContent()).resolves.toContain('<b onmouseover="window.__xss=1">');
    await expect(region.locator('b, a[href^="javascript"]').count()).resolves.toBe(0);
    await expect(region.getByRole('link').count()).resolves.toBe(0);
    await expect(region.locator('button.entity-mark', { hasText: 'Sergei Lavrov' }).count()).resolves.toBe(1);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
  });

  it('timeline: a histogram per day and a play button that grows the graph over time (keyboard)', async () => {
    const page = await open(servers.main!.url);
    const bars = page.getByRole('group', { name: /^Articles per (day|week)$/ }).getByRole('button');
    expect(await bars.count()).toBeGreaterThan(30);
    const play = page.getByRole('button', { name: 'Play timeline' });
    await play.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction('window.newsgraph.view().filters.dateTo !== null');
    await expect(page.getByRole('button', { name: 'Pause timeline' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.waitForTimeout(1000);
    await page.keyboard.press('Space'); // pause
    await expect(page.getByRole('button', { name: 'Play timeline' }).getAttribute('aria-pressed')).resolves.toBe(
      'false',
    );
    const shown = await view(page);
    const until = shown.filters.dateTo!;
    const days = new Map(data.attributes.articles.map((a) => [a.id, a.published?.slice(0, 10) ?? '']));
    const expected = data.nodes.filter((node) =>
      node.attributes.articles.some((id) => (days.get(id) ?? '9') <= until),
    ).length;
    expect(shown.nodes).toBe(expected);
    expect(shown.nodes).toBeLessThan(data.nodes.length);
    await waitForHash(page, `to=${until}`);
  });

  it('tables: entities and relations filtered like the graph, sortable, rows select with the keyboard, CSV export', async () => {
    const page = await open(servers.main!.url);
    await page.getByRole('button', { name: 'Tables', exact: true }).click();
    const region = page.getByRole('region', { name: 'Tables' });
    const entities = region.getByRole('table', { name: 'Entities' });
    await expect(entities.locator('tbody tr').count()).resolves.toBe(data.nodes.length);
    // Sorted by degree, most connected first.
    const most = Math.max(...[...neighbours(data).values()].map((set) => set.size));
    await expect(entities.locator('tbody tr').first().locator('td').nth(2).textContent()).resolves.toBe(String(most));
    await entities.getByRole('button', { name: 'Label' }).click();
    await expect(entities.getByRole('columnheader', { name: 'Label' }).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );
    const firstLabel = (await entities.locator('tbody tr').first().locator('td').first().textContent())!;
    const sortedLabels = data.nodes.map((node) => node.attributes.label).sort((a, b) => a.localeCompare(b));
    expect(firstLabel).toBe(sortedLabels[0]);

    const row = entities.locator('tbody tr').nth(2);
    const key = (await row.getAttribute('data-key'))!;
    await row.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('window.newsgraph.selected()')).toBe(key);

    // Filtered like the graph.
    await page.getByRole('checkbox', { name: 'Hide unconnected' }).check();
    await expect(entities.locator('tbody tr').count()).resolves.toBe(withDegreeAtLeast(data, 1).length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    expect(csv[0]).toBe('Label,Kind,Degree,PageRank,Articles');
    expect(csv).toHaveLength(withDegreeAtLeast(data, 1).length + 1);

    // Relations: the page draws at most ROWS_SHOWN rows and says how many there are; the CSV has them all.
    await region.getByRole('button', { name: 'Relations' }).click();
    const relations = region.getByRole('table', { name: 'Relations' });
    const note = region.getByRole('status');
    const expectRows = async (count: number) => {
      await expect(relations.locator('tbody tr').count()).resolves.toBe(Math.min(count, ROWS_SHOWN));
      await expect(note.textContent()).resolves.toBe(
        count > ROWS_SHOWN
          ? `first ${ROWS_SHOWN} of ${count.toLocaleString('en')} rows (the CSV has all)`
          : `${count} rows`,
      );
    };
    await expectRows(data.edges.length);
    await page.getByRole('checkbox', { name: /^knowledge\b/ }).uncheck(); // the Basis filter
    expect(knowledgeEdges).toBeGreaterThan(0);
    await expectRows(data.edges.length - knowledgeEdges);
    expect((await view(page)).edges).toBe(data.edges.length - knowledgeEdges);
    const [relationsCsv] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const relationLines = readFileSync((await relationsCsv.path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    expect(relationLines[0]).toBe('Source,Relation,Target,Confidence,Evidence');
    expect(relationLines).toHaveLength(data.edges.length - knowledgeEdges + 1);
    expect(relationLines.some((line) => line.split(',')[1] === 'member-of')).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('search offers the closest names for a misspelling and tells entities with one label apart; central entities are always named; communities are named', async () => {
    const page = await open(servers.main!.url);
    const [first, last] = twin.label.split(' ') as [string, string];
    // Drop a letter from each word: no substring matches any more.
    await search(page).fill(`${first.slice(0, -1)} ${last.slice(1)}`);
    const closest = page.getByRole('option').filter({ hasText: 'closest' });
    await expect(closest.first().textContent()).resolves.toContain(twin.label);

    await search(page).fill(twin.label);
    await page.getByRole('option').first().waitFor();
    const options = page
      .getByRole('option')
      .filter({ has: page.locator('.option-label', { hasText: new RegExp(`^${twin.label}$`) }) });
    await expect(options.count()).resolves.toBe(2);
    const texts = await options.allTextContents();
    expect(texts.some((text) => /person · \d+ mentions · /.test(text))).toBe(true);
    expect(texts.some((text) => /place · 1 mention/.test(text))).toBe(true);

    const degrees = new Map<string, number>();
    for (const edge of data.edges)
      for (const end of [edge.source, edge.target]) degrees.set(end, (degrees.get(end) ?? 0) + 1);
    const mostConnected = [...degrees].sort((a, b) => b[1] - a[1])[0]![0];
    expect((await view(page)).named).toContain(mostConnected);

    await page.getByText('Community', { exact: true }).click();
    const legend = (await page.locator('.community-legend').textContent())!;
    expect(legend).not.toContain('Community 1');
    expect(legend).toContain(label(mostConnected));
  });

  it('corrections: fix a kind and merge two entities, exported as a corrections JSON file', async () => {
    const page = await open(servers.main!.url);
    await search(page).fill(twin.label);
    await page.getByRole('option').filter({ hasText: 'place' }).first().waitFor();
    await page.getByRole('option').filter({ hasText: 'place' }).first().dispatchEvent('mousedown');
    expect(await page.evaluate('window.newsgraph.selected()')).toBe(twin.place);
    const panel = details(page);
    await panel.getByText('Correct this entity').click();
    await panel.getByRole('combobox', { name: 'Correct kind' }).selectOption('person');
    await panel.getByRole('button', { name: 'Set kind' }).click();
    await chooseEntity(page, 'Merge into', twin.label);
    await panel.getByRole('button', { name: 'Merge', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export corrections as JSON' }).click(),
    ]);
    const corrections = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
    expect(corrections).toEqual({
      merge: [{ from: twin.place, into: twin.person }],
      aliases: [],
      kind: [{ entity: twin.place, kind: 'person' }],
      drop: [],
      distinct: [],
    });
  });
});
