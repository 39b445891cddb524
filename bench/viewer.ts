/**
 * Browser figures for `npm run bench`: the viewer opening a synthetic 10,000-entity / 50,000-relation graph in
 * headless Chromium (the bundled build or CHROMIUM_PATH; software WebGL), served by the real `newsgraph view` server.
 *
 * The structure is synthetic on purpose (this measures rendering, not extraction): clustered entities with
 * heavy-tailed degrees, five kinds, eight relations, one evidence sentence per relation, dated articles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumLaunch } from '../scripts/chromium.js';
import { startViewServer } from '../src/view/server.js';
import { seededRandom as random } from '../src/util/random.js';

export interface ViewerBenchOptions {
  nodes?: number;
  edges?: number;
  chromiumPath?: string;
  /** How long to sample the frame rate while zooming, in ms. */
  interactionMs?: number;
}

export interface ViewerBenchResult {
  nodes: number;
  edges: number;
  fileBytes: number;
  /** Navigation start to the first frame sigma drew (fetch, validation, import, metrics, first render). */
  loadToFirstRenderMs: number;
  /** Navigation start to the graph parsed and validated (before appearance and rendering). */
  loadToParsedMs: number;
  /** ForceAtlas2 in its worker, until it stopped (stable or at its time bound), then noverlap. */
  layoutMs: number;
  layoutIterations: number;
  layoutConverged: boolean;
  /** Frames per second the page drew while the camera was zoomed with the wheel, after the layout. */
  interactionFps: number;
}

const KINDS = ['person', 'state', 'organisation', 'topic', 'place'] as const;
const RELATIONS = ['speaks-for', 'member-of', 'supports', 'opposes', 'meets', 'criticises', 'located-in', 'part-of'];

/** A newsgraph/1 graph with `order` nodes in clusters and `size` edges, mostly within clusters. */
export function syntheticGraph(order: number, size: number, seed = 7): string {
  const rng = random(seed);
  const articles = Array.from({ length: 200 }, (_, i) => ({
    id: `a${i}`,
    title: `Synthetic article ${i}`,
    source: `Source ${i % 12}`,
    published: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    url: null,
    file: `a${i}.txt`,
  }));
  const clusters = Math.max(1, Math.round(order / 200));
  const nodes = Array.from({ length: order }, (_, i) => ({
    key: `n${i}`,
    attributes: {
      label: `Entity ${i}`,
      kind: KINDS[Math.floor(rng() * KINDS.length)]!,
      aliases: [],
      mentions: 1 + Math.floor(rng() * 20),
      articles: [`a${i % articles.length}`],
      rules: ['synthetic'],
      examples: [],
    },
  }));
  const clusterOf = (node: number) => node % clusters;
  const members = Array.from({ length: clusters }, (_, c) => nodes.map((_, i) => i).filter((i) => clusterOf(i) === c));
  // Heavy tail: pick endpoints with probability skewed towards low ranks in the cluster.
  const pick = (list: number[]) => list[Math.floor(list.length * rng() ** 2.5)]!;
  const edges: Array<{ key: string; source: string; target: string; attributes: object }> = [];
  const seen = new Set<string>();
  while (edges.length < size) {
    const source = Math.floor(rng() * order);
    const cluster = rng() < 0.85 ? clusterOf(source) : Math.floor(rng() * clusters);
    const target = pick(members[cluster]!);
    const relation = RELATIONS[Math.floor(rng() * RELATIONS.length)]!;
    const key = `n${source}|${relation}|n${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    const sentence = `Entity ${source} ${relation.replace(/-/g, ' ')} Entity ${target}, the report said.`;
    const article = `a${edges.length % articles.length}`;
    edges.push({
      key,
      source: `n${source}`,
      target: `n${target}`,
      attributes: {
        relation,
        label: relation,
        weight: 1,
        confidence: Math.round((0.3 + rng() * 0.7) * 100) / 100,
        evidence: [{ article, sentence, start: 0, end: sentence.length, rule: 'synthetic' }],
        rules: ['synthetic'],
      },
    });
  }
  return JSON.stringify({
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: { schema: 'newsgraph/1', createdWith: 'newsgraph bench', articles },
    nodes,
    edges,
  });
}

interface ProbeMetrics {
  parsedAt: number;
  firstRenderAt: number;
  layout: { ms: number; iterations: number; converged: boolean } | null;
}

export async function benchViewer(options: ViewerBenchOptions = {}): Promise<ViewerBenchResult> {
  const order = options.nodes ?? 10_000;
  const size = options.edges ?? 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-viewer-'));
  const file = join(dir, 'synthetic.json');
  const text = syntheticGraph(order, size);
  writeFileSync(file, text);
  const server = await startViewServer({ graphFile: file, port: 0 });
  const launch = options.chromiumPath ? { executablePath: options.chromiumPath, env: {} } : await chromiumLaunch();
  const browser = await chromium.launch({ executablePath: launch.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...launch.env } });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await page.goto(server.url);
    await page.waitForFunction('window.newsgraph && window.newsgraph.state !== "loading"', undefined, { timeout: 120_000 });
    const state = (await page.evaluate('window.newsgraph.state')) as string;
    if (state !== 'ready') throw new Error(`viewer bench: the viewer did not open the synthetic graph (state ${state})`);
    await page.waitForFunction('window.newsgraph.metrics().layout !== null', undefined, { timeout: 120_000 });
    const metrics = (await page.evaluate('window.newsgraph.metrics()')) as ProbeMetrics;

    // Interaction: zoom in and out with the wheel while counting frames.
    const interactionMs = options.interactionMs ?? 2000;
    const frames = page.evaluate(`new Promise((resolve) => {
      let frames = 0;
      const start = performance.now();
      const tick = () => { frames++; if (performance.now() - start < ${interactionMs}) requestAnimationFrame(tick); else resolve(frames * 1000 / (performance.now() - start)); };
      requestAnimationFrame(tick);
    })`) as Promise<number>;
    await page.mouse.move(800, 400);
    const deadline = Date.now() + interactionMs;
    for (let i = 0; Date.now() < deadline; i++) {
      await page.mouse.wheel(0, i % 8 < 4 ? -120 : 120);
      await page.waitForTimeout(50);
    }
    const interactionFps = await frames;

    const layout = metrics.layout!;
    return {
      nodes: order,
      edges: size,
      fileBytes: Buffer.byteLength(text),
      loadToFirstRenderMs: Math.round(metrics.firstRenderAt),
      loadToParsedMs: Math.round(metrics.parsedAt),
      layoutMs: Math.round(layout.ms),
      layoutIterations: layout.iterations,
      layoutConverged: layout.converged,
      interactionFps: Math.round(interactionFps * 10) / 10,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
