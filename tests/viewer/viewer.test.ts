/**
 * The viewer in a real browser (bundled Chromium, headless, software WebGL), served by the real `newsgraph view`
 * server. One browser for the file; each test opens its own page. Screenshots go to test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { serializeGraph } from '../../src/graph/file.js';
import { KIND_COLORS } from '../../src/graph/palette.js';
import { validateGraphData } from '../../src/graph/validate.js';
import { ingestFile } from '../../src/ingest/index.js';
import type { ViewServer } from '../../src/view/server.js';
import { countInk, launchChromium, screenshot, serveGraph, tempDir, waitForLayout, waitForViewer } from './browser.js';
import { diplomacyGraph, MARKUP_LABEL, MARKUP_SENTENCE, markupGraph } from './fixtures.js';

let browser: Browser;
const servers: Record<string, ViewServer> = {};
const dir = tempDir('viewer');

beforeAll(async () => {
  const articles = await ingestFile('seeds/000_73fc8d6edca50fa8.txt');
  const seedGraph = buildGraph(articles.map((article) => extractArticle(article)));
  const broken = diplomacyGraph();
  broken.edges[3]!.target = 'state:atlantis';
  const [seed, diplomacy, markup, malformed, notJson] = await Promise.all([
    serveGraph(dir, 'seed.graph.json', serializeGraph(seedGraph)),
    serveGraph(dir, 'diplomacy.json', diplomacyGraph()),
    serveGraph(dir, 'markup.json', markupGraph()),
    serveGraph(dir, 'broken.json', broken),
    serveGraph(dir, 'truncated.json', JSON.stringify(diplomacyGraph()).slice(0, 500)),
  ]);
  Object.assign(servers, { seed, diplomacy, markup, malformed, notJson });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

/**
 * One page for the whole file (a new browser context per test costs seconds on a busy machine). Each open goes
 * through about:blank first, so a URL that differs only in its hash still loads the app afresh.
 */
let shared: Page;
const pageErrors: string[] = [];

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  if (!shared) {
    // bypassCSP lets playwright evaluate its wait predicates; the markup test thus checks the viewer itself, not the CSP.
    shared = await browser.newPage({ viewport: { width: 1280, height: 780 }, bypassCSP: true, acceptDownloads: true });
    shared.on('pageerror', (error) => pageErrors.push(error.message));
    shared.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }
  await shared.goto('about:blank');
  pageErrors.length = 0;
  await shared.goto(url);
  return { page: shared, errors: pageErrors };
}

const probe = <T>(page: Page, expression: string): Promise<T> =>
  page.evaluate(`window.newsgraph.${expression}`) as Promise<T>;
const details = (page: Page) => page.getByRole('region', { name: 'Entity details' });
const search = (page: Page) => page.getByRole('combobox', { name: 'Search entities' });

async function waitForHash(page: Page, fragment: string): Promise<void> {
  await page.waitForFunction(`location.hash.includes(${JSON.stringify(fragment)})`, undefined, { timeout: 5000 });
}

// Software WebGL on a shared 2-core machine: generous bounds (these are not timing assertions).
describe('viewer in chromium', { timeout: 120_000 }, () => {
  it('opens the seed graph built by the real pipeline and draws it on the canvas', async () => {
    const { page, errors } = await open(servers.seed!.url);
    expect(await waitForViewer(page)).toBe('ready');
    await page.waitForTimeout(300);
    const png = await screenshot(page, 'viewer-seed.png', '#graph');
    const kinds = Object.keys(await probe<Record<string, number>>(page, 'drawnKinds()'));
    const ink = await countInk(
      page,
      png,
      kinds.map((kind) => KIND_COLORS[kind as keyof typeof KIND_COLORS]),
    );
    await screenshot(page, 'viewer-seed-full.png');
    // A blank canvas has no ink at all; drawn nodes and labels give thousands of pixels.
    expect(ink.ink).toBeGreaterThan(2000);
    const coloured = Object.values(ink.colors).filter((count) => count > 30);
    expect(coloured.length).toBeGreaterThanOrEqual(Math.min(2, kinds.length));
    await expect(page.locator('#graph-name').textContent()).resolves.toMatch(/seed\.graph\.json · \d+ entities/);
    expect(errors).toEqual([]);
  });

  it('hover highlights neighbours; searching "Russia" selects it, moves the camera and opens its relations with evidence', async () => {
    const { page, errors } = await open(servers.diplomacy!.url);
    await waitForViewer(page);
    await waitForLayout(page);

    // Hover: the node and its neighbours keep their colours, the rest fades; leaving restores them.
    const at = await probe<{ x: number; y: number }>(page, 'nodeViewport("person:sergei-lavrov")');
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForFunction(
      `window.newsgraph.nodeColor("state:finland") !== ${JSON.stringify(KIND_COLORS.state)}`,
      undefined,
      { timeout: 10_000 },
    );
    expect(await probe<string>(page, 'nodeColor("state:russia")')).toBe(KIND_COLORS.state);
    expect(await probe<string>(page, 'nodeColor("person:sergei-lavrov")')).toBe(KIND_COLORS.person);
    expect(await probe<string>(page, 'nodeColor("organisation:european-union")')).not.toBe(KIND_COLORS.organisation);
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.waitForFunction(
      `window.newsgraph.nodeColor("state:finland") === ${JSON.stringify(KIND_COLORS.state)}`,
      undefined,
      { timeout: 10_000 },
    );

    const ratioBefore = (await probe<{ ratio: number }>(page, 'camera()')).ratio;

    // An alias finds the entity too.
    await search(page).fill('kreml');
    await expect(page.getByRole('option').first().textContent()).resolves.toContain('Russia');
    await search(page).fill('Russ');
    const option = page.getByRole('option', { name: /^Russia/ });
    await option.waitFor();
    await search(page).press('Enter');

    const panel = details(page);
    await panel.waitFor();
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Russia');
    expect(await probe<string>(page, 'selected()')).toBe('state:russia');
    await expect(panel.textContent()).resolves.toContain('Russian Federation');
    // Russia takes part in 7 relations in the fixture, each listed with its other end and confidence.
    const relations = panel.getByRole('list', { name: 'Relations' }).locator(':scope > li');
    await expect(relations.count()).resolves.toBe(7);
    const lavrov = relations.filter({ has: page.getByRole('button', { name: 'Sergei Lavrov', exact: true }) });
    await expect(lavrov.textContent()).resolves.toMatch(/speaks-for[\s\S]*confidence 0\.92/);
    // Evidence: the sentence, the names marked, the article's title, source and date.
    const firstEvidence = lavrov.locator('.evidence').first();
    await expect(firstEvidence.textContent()).resolves.toContain('would answer any NATO deployment in Finland');
    await expect(firstEvidence.textContent()).resolves.toContain(
      'Arctic states meet as Moscow warns over NATO expansion — Nordic Wire, 2023-03-02',
    );
    const marks = await firstEvidence.locator('mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Moscow']));

    await page.waitForTimeout(700); // the camera animation
    const camera = await probe<{ ratio: number }>(page, 'camera()');
    expect(camera.ratio).toBeLessThan(ratioBefore);
    await screenshot(page, 'viewer-details-russia.png');

    // The other end of a relation opens that entity.
    await lavrov.getByRole('button', { name: 'Sergei Lavrov' }).click();
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Sergei Lavrov');
    expect(errors).toEqual([]);
  });

  it('a kind filter hides that kind; filters, selection and camera survive a reload; exports follow the filters', async () => {
    const { page, errors } = await open(servers.diplomacy!.url);
    await waitForViewer(page);
    expect((await probe<Record<string, number>>(page, 'drawnKinds()')).person).toBe(4);
    await page.getByRole('checkbox', { name: /^person\b/ }).uncheck();
    const drawn = await probe<Record<string, number>>(page, 'drawnKinds()');
    expect(drawn.person).toBeUndefined();
    expect(drawn.state).toBe(5);
    await search(page).fill('Finland');
    await search(page).press('Enter');
    await waitForHash(page, 'node=state%3Afinland');
    await waitForHash(page, 'hideKinds=person');
    await page.waitForTimeout(800); // camera animation, then the debounced URL update
    const camera = await probe<{ x: number; y: number; ratio: number }>(page, 'camera()');

    await page.reload();
    await waitForViewer(page);
    await expect(page.getByRole('checkbox', { name: /^person\b/ }).isChecked()).resolves.toBe(false);
    expect((await probe<Record<string, number>>(page, 'drawnKinds()')).person).toBeUndefined();
    expect(await probe<string>(page, 'selected()')).toBe('state:finland');
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Finland');
    const restored = await probe<{ x: number; y: number; ratio: number }>(page, 'camera()');
    expect(restored.ratio).toBeCloseTo(camera.ratio, 3);

    // Exports follow the filters: people stay out of the JSON and the GEXF.
    const save = async (label: string): Promise<Buffer> => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      return readFileSync((await download.path())!);
    };
    const json = JSON.parse((await save('Export the filtered graph as JSON')).toString('utf8')) as {
      nodes: unknown[];
      edges: unknown[];
    };
    expect(() => validateGraphData(json, 'export')).not.toThrow();
    expect(json.nodes).toHaveLength(10); // 14 entities minus 4 people
    expect(json.edges).toHaveLength(13); // 18 relations minus the 5 that touch a person
    const gexf = (await save('Export the filtered graph as GEXF')).toString('utf8');
    expect(gexf).toContain('version="1.3"');
    expect(gexf.match(/<node /g)).toHaveLength(10);
    expect(gexf).toMatch(/<node [^>]*label="Russia"/);
    expect(gexf).not.toMatch(/<node [^>]*label="Sergei Lavrov"/);
    const png = await save('Export the current view as PNG');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(errors).toEqual([]);
  });

  it('a shared link with a minimum confidence hides weaker relations; Louvain colouring, PageRank sizing, date range', async () => {
    const { page, errors } = await open(`${servers.diplomacy!.url}#node=state%3Afinland&minConfidence=0.5`);
    await waitForViewer(page);
    const panel = details(page);
    await panel.waitFor();
    // Finland: member-of NATO (0.9), criticised by Russia (0.71); opposed by Russia at 0.45 is below the bar.
    await expect(panel.getByRole('list', { name: 'Relations' }).locator(':scope > li').count()).resolves.toBe(2);
    await expect(panel.textContent()).resolves.toContain('1 more hidden by the filters');
    await expect(page.locator('#min-confidence').inputValue()).resolves.toBe('0.5');

    await page.getByText('Community', { exact: true }).click();
    await expect(page.locator('.community-legend').textContent()).resolves.toMatch(
      /\d+ communities \(Louvain\), modularity 0\.\d{3}/,
    );
    expect(await probe<string>(page, 'nodeColor("state:russia")')).not.toBe(KIND_COLORS.state);
    await page.getByText('PageRank', { exact: true }).click();
    await waitForHash(page, 'size=pagerank');
    await waitForHash(page, 'color=community');

    // Date range: only entities and relations from the April article remain (two of its people, no Finland).
    await page.getByLabel('Published from').fill('2023-04-01');
    await page.getByLabel('Published until').fill('2023-04-30');
    await waitForHash(page, 'to=2023-04-30');
    const drawn = await probe<Record<string, number>>(page, 'drawnKinds()');
    expect(drawn.person).toBe(2);
    expect(await probe<string | null>(page, 'nodeColor("state:finland")')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('shows a readable error for a malformed graph file instead of a blank page', async () => {
    const { page } = await open(servers.malformed!.url);
    expect(await waitForViewer(page)).toBe('error');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(
      /Could not open the graph.*broken\.json: edge 3 .*target 'state:atlantis' is not a node/,
    );
    await expect(page.getByText('Choose a file…').isVisible()).resolves.toBe(true);
    await screenshot(page, 'viewer-malformed.png');

    const truncated = await open(servers.notJson!.url);
    expect(await waitForViewer(truncated.page)).toBe('error');
    await expect(truncated.page.getByRole('alert').textContent()).resolves.toMatch(/truncated\.json: not a JSON file/);

    // The file picker then opens a good graph in place.
    await truncated.page.setInputFiles('#file-input', {
      name: 'picked.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(diplomacyGraph())),
    });
    await truncated.page.waitForFunction('window.newsgraph.state === "ready"');
    await expect(truncated.page.getByRole('alert').isHidden()).resolves.toBe(true);
    await expect(truncated.page.locator('#graph-name').textContent()).resolves.toContain('picked.json · 14 entities');
  });

  it('opens ?graph=URL, and markup in labels, aliases, titles and evidence shows as text and never runs', async () => {
    const { page, errors } = await open(
      `${servers.markup!.url}?graph=${encodeURIComponent(`${servers.markup!.url}graph.json`)}`,
    );
    expect(await waitForViewer(page)).toBe('ready');
    await expect(page.locator('#graph-name').textContent()).resolves.toContain('16 entities');
    await search(page).fill('evil');
    const option = page.getByRole('option').first();
    await expect(option.textContent()).resolves.toContain(MARKUP_LABEL);
    await search(page).press('Enter');
    const panel = details(page);
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(MARKUP_LABEL);
    const sentence = panel.locator('.sentence').first();
    await expect(sentence.textContent()).resolves.toBe(MARKUP_SENTENCE);
    await expect(panel.textContent()).resolves.toContain('<svg onload="window.__xss=4">Leaked memo</svg>');
    await expect(panel.textContent()).resolves.toContain('Ministry <i>of</i> Truth');
    // Nothing the data spelled became an element, and the javascript: URL did not become a link.
    await expect(
      page
        .locator(
          '#details img, #details script, #details svg, #details iframe, #details b, #details i, #details a[href^="javascript"]',
        )
        .count(),
    ).resolves.toBe(0);
    await page.mouse.move(700, 400);
    await page.waitForTimeout(200);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(errors).toEqual([]);
    await screenshot(page, 'viewer-markup.png');
  });
});
