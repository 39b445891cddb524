/**
 * Relations from background knowledge (basis 'knowledge') are drawn dashed, text relations solid, and the Basis
 * filter hides either: checked on the pixels of the real viewer in the bundled Chromium (software WebGL).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewServer } from '../../src/view/server.js';
import { inkAt, launchChromium, screenshot, serveGraph, tempDir, waitForLayout, waitForViewer } from './browser.js';

type Point = { x: number; y: number };

const node = (key: string, label: string, kind: string) => ({
  key,
  attributes: { label, kind, aliases: [], mentions: 1, articles: ['a1'], rules: ['fixture'], examples: [] },
});
const edge = (source: string, relation: string, target: string, basis: 'text' | 'knowledge', former = false) => ({
  key: `${source}|${relation}|${target}`,
  source,
  target,
  attributes: {
    relation,
    label: relation,
    weight: 1,
    confidence: 0.9,
    evidence: [],
    rules: ['fixture'],
    basis,
    ...(former ? { former } : {}),
  },
});

/** Two separate pairs, one joined by a text relation and one by a knowledge relation; a third pair has both. */
const GRAPH = {
  options: { type: 'directed', multi: true, allowSelfLoops: false },
  attributes: {
    schema: 'newsgraph/1',
    createdWith: 'newsgraph test fixture',
    articles: [{ id: 'a1', title: 'A', source: 'test', published: null, url: null, file: 'a1.txt' }],
  },
  nodes: [
    node('person:ada', 'Ada Quill', 'person'),
    node('organisation:union', 'Rivet Union', 'organisation'),
    node('place:harbour', 'Stonehaven', 'place'),
    node('state:norland', 'Norland', 'state'),
    node('person:bo', 'Bo Marsh', 'person'),
    node('organisation:guild', 'Glass Guild', 'organisation'),
  ],
  edges: [
    edge('person:ada', 'member-of', 'organisation:union', 'text'),
    edge('place:harbour', 'located-in', 'state:norland', 'knowledge'),
    edge('person:bo', 'works-for', 'organisation:guild', 'text', true),
    edge('person:bo', 'member-of', 'organisation:guild', 'knowledge'),
  ],
};

let browser: Browser;
let server: ViewServer;
let page: Page;

beforeAll(async () => {
  server = await serveGraph(tempDir('dashed'), 'basis.json', GRAPH);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 760 }, bypassCSP: true });
  await page.goto(server.url);
  expect(await waitForViewer(page)).toBe('ready');
  await waitForLayout(page);
  await page.waitForFunction('!window.newsgraph.layoutRunning()', undefined, { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const viewport = async (key: string): Promise<Point> => {
  const point = (await page.evaluate(`window.newsgraph.nodeViewport(${JSON.stringify(key)})`)) as Point | null;
  if (!point) throw new Error(`${key} is not drawn`);
  return point;
};

/** Node labels as the fixture names them, to keep the traced points off the text drawn beside each node. */
const LABELS = new Map(GRAPH.nodes.map((n) => [n.key, n.attributes.label]));

/**
 * Whether a point may lie on a node's label: sigma writes it to the right of the node, one line high (about 7 px a
 * character at the viewer's size; generous, since the layout decides where labels fall).
 */
function onLabel(p: Point, node: Point, label: string): boolean {
  return p.x >= node.x - 2 && p.x <= node.x + 14 + 8 * label.length && Math.abs(p.y - node.y) <= 10;
}

/** Points one pixel apart on the middle 60% of the straight line between two nodes, off both nodes' labels. */
async function middleOf(from: string, to: string): Promise<Point[]> {
  const [a, b] = [await viewport(from), await viewport(to)];
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const points: Point[] = [];
  for (let d = 0.2 * length; d <= 0.8 * length; d++) {
    const p = { x: a.x + ((b.x - a.x) * d) / length, y: a.y + ((b.y - a.y) * d) / length };
    if (onLabel(p, a, LABELS.get(from) ?? '') || onLabel(p, b, LABELS.get(to) ?? '')) continue;
    points.push(p);
  }
  return points;
}

/** Share of points drawn, and the number of gaps (runs of at least 2 undrawn points between drawn ones). */
function trace(inked: boolean[]): { drawn: number; gaps: number } {
  let gaps = 0;
  let run = 0;
  let seenInk = false;
  for (const ink of inked) {
    if (ink) {
      if (seenInk && run >= 2) gaps++;
      seenInk = true;
      run = 0;
    } else run++;
  }
  return { drawn: inked.filter(Boolean).length / inked.length, gaps };
}

async function traces(name: string): Promise<{ text: ReturnType<typeof trace>; knowledge: ReturnType<typeof trace> }> {
  const png = await screenshot(page, name, '#graph');
  const text = await middleOf('person:ada', 'organisation:union');
  const knowledge = await middleOf('place:harbour', 'state:norland');
  expect(text.length).toBeGreaterThan(40);
  expect(knowledge.length).toBeGreaterThan(40);
  return { text: trace(await inkAt(page, png, text)), knowledge: trace(await inkAt(page, png, knowledge)) };
}

/**
 * Points one pixel apart on the middle half of a quadratic curve between two nodes, its control point `offset`
 * pixels off the midpoint, square to the chord (negative: the other side): how sigma's curved edges are drawn.
 */
function curve(a: Point, b: Point, offset: number): Point[] {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const control = {
    x: (a.x + b.x) / 2 + (-(b.y - a.y) / length) * offset,
    y: (a.y + b.y) / 2 + ((b.x - a.x) / length) * offset,
  };
  const points: Point[] = [];
  const steps = Math.round(length / 2);
  for (let i = 0; i <= steps; i++) {
    const t = 0.25 + (0.5 * i) / steps;
    const u = 1 - t;
    points.push({
      x: u * u * a.x + 2 * u * t * control.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * control.y + t * t * b.y,
    });
  }
  return points;
}

describe('knowledge relations in the viewer', { timeout: 180_000 }, () => {
  it('draws a knowledge relation dashed and a text relation solid', async () => {
    const { text, knowledge } = await traces('basis-dashed.png');
    expect(text.drawn).toBeGreaterThan(0.97);
    expect(text.gaps).toBe(0);
    // 7 px dashes, 5 px gaps: a bit over half drawn (antialiasing widens the dashes), one gap every 12 px.
    expect(knowledge.drawn).toBeGreaterThan(0.4);
    expect(knowledge.drawn).toBeLessThan(0.85);
    expect(knowledge.gaps).toBeGreaterThanOrEqual(3);
  });

  it('the Basis filter hides knowledge relations, then text relations', async () => {
    // The canvas is redrawn on the next frame after a filter changes: poll, since a loaded machine may be slow to.
    const redrawn = async (name: string, done: (t: Awaited<ReturnType<typeof traces>>) => boolean) => {
      let last = await traces(name);
      for (let i = 0; i < 40 && !done(last); i++) {
        await page.waitForTimeout(250);
        last = await traces(name);
      }
      return last;
    };
    const knowledgeBox = page.getByRole('checkbox', { name: /^knowledge\b/ });
    const textBox = page.getByRole('checkbox', { name: /^text\b/ });
    try {
      await knowledgeBox.uncheck();
      let { text, knowledge } = await redrawn('basis-no-knowledge.png', (t) => t.knowledge.drawn < 0.15);
      expect(text.drawn).toBeGreaterThan(0.97);
      expect(knowledge.drawn).toBeLessThan(0.15); // a node's label may lie across the line
      await knowledgeBox.check();
      await textBox.uncheck();
      ({ text, knowledge } = await redrawn('basis-no-text.png', (t) => t.text.drawn < 0.15 && t.knowledge.gaps >= 3));
      expect(text.drawn).toBeLessThan(0.15);
      expect(knowledge.gaps).toBeGreaterThanOrEqual(3);
    } finally {
      await knowledgeBox.check();
      await textBox.check();
      await redrawn('basis-restored.png', (t) => t.text.drawn > 0.97);
    }
  });

  it('draws parallel relations as two curves, the knowledge one dashed', async () => {
    const png = await screenshot(page, 'basis-curved.png', '#graph');
    const [a, b] = [await viewport('person:bo'), await viewport('organisation:guild')];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    // The curvature is the viewer's choice: try control points on both sides and keep, per side, the best fit.
    const candidates: number[] = [];
    for (let k = 1; k <= 20; k++) for (const side of [1, -1]) candidates.push(side * k * 0.04 * length);
    const curves = candidates.map((offset) => curve(a, b, offset));
    // One decode of the screenshot for every candidate: the inked flags come back in order and are split per curve.
    const inked = await inkAt(page, png, curves.flat());
    let from = 0;
    const traced = curves.map((points, i) => {
      const flags = inked.slice(from, from + points.length);
      from += points.length;
      return { offset: candidates[i]!, ...trace(flags) };
    });
    const best = (side: number) =>
      traced.filter((t) => Math.sign(t.offset) === side).sort((x, y) => y.drawn - x.drawn)[0]!;
    const [solid, dashed] = [best(1), best(-1)].sort((x, y) => y.drawn - x.drawn);
    expect(solid!.drawn).toBeGreaterThan(0.95);
    expect(solid!.gaps).toBe(0);
    expect(dashed!.drawn).toBeGreaterThan(0.3);
    expect(dashed!.drawn).toBeLessThan(0.85);
    expect(dashed!.gaps).toBeGreaterThanOrEqual(3);
  });

  it('the details mark a former role and a knowledge relation', async () => {
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('Bo Marsh');
    await search.press('Enter');
    const heads = page.getByRole('region', { name: 'Entity details' }).locator('.relation-head');
    await expect.poll(() => heads.count()).toBe(2);
    const texts = await heads.allTextContents();
    expect(texts.find((t) => t.includes('works-for'))).toContain('former');
    expect(texts.find((t) => t.includes('member-of'))).toContain('knowledge');
    expect(texts.find((t) => t.includes('member-of'))).not.toContain('former');
  });
});
