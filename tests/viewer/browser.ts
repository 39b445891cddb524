/**
 * Shared set-up for the browser tests: the bundled Chromium (or CHROMIUM_PATH) driven by playwright-core, the real
 * `newsgraph view` server, and a pixel check on screenshots (decoded by the browser itself, so no image library is needed).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { startViewServer, type ViewServer } from '../../src/view/server.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
export const VIEWER_DIST = join(process.cwd(), 'viewer', 'dist');

/** The browser the global setup (tests/setup/chromium.ts) found or unpacked. */
export function launchChromium(): Promise<Browser> {
  const { executablePath, env } = inject('chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...env } });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `newsgraph-${prefix}-`));
}

/** Writes `data` (an object or raw text) to a temporary file and serves it with the built viewer. */
export async function serveGraph(dir: string, name: string, data: unknown): Promise<ViewServer> {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return startViewServer({ graphFile: file, port: 0, appDir: VIEWER_DIST });
}

/** Waits until the viewer has opened its graph (or failed to) and returns the outcome. */
export async function waitForViewer(page: Page): Promise<string> {
  await page.waitForFunction('window.newsgraph !== undefined && window.newsgraph.state !== "loading"', undefined, {
    timeout: 60_000,
  });
  return (await page.evaluate('window.newsgraph.state')) as string;
}

export async function waitForLayout(page: Page): Promise<void> {
  await page.waitForFunction(
    'window.newsgraph.metrics() !== null && window.newsgraph.metrics().layout !== null',
    undefined,
    { timeout: 60_000 },
  );
}

export async function screenshot(page: Page, name: string, selector = 'body'): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.locator(selector).screenshot({ path: join(ARTIFACTS, name) });
}

export interface InkCount {
  /** Pixels clearly darker or more saturated than the light background. */
  ink: number;
  total: number;
  /** Per requested colour: pixels within a small distance of it. */
  colors: Record<string, number>;
}

/** Page-side statements that decode a PNG into `bitmap` and its RGBA pixels `data` (createImageBitmap + canvas). */
function decodePng(png: Buffer): string {
  return `const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString('base64'))}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;`;
}

/** Counts drawn pixels in a PNG, decoding it in the page. */
export async function countInk(page: Page, png: Buffer, colors: string[] = []): Promise<InkCount> {
  const script = `(async () => {
    ${decodePng(png)}
    const wanted = ${JSON.stringify(colors)}.map((hex) => [hex, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
    const counts = Object.fromEntries(wanted.map(([hex]) => [hex, 0]));
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i], g = data[i + 1], b = data[i + 2];
      if (Math.min(r, g, b) < 200 || Math.max(r, g, b) - Math.min(r, g, b) > 40) ink++;
      for (const [hex, wr, wg, wb] of wanted) if (Math.abs(r - wr) + Math.abs(g - wg) + Math.abs(b - wb) < 24) counts[hex]++;
    }
    return { ink, total: data.length / 4, colors: counts };
  })()`;
  return (await page.evaluate(script)) as InkCount;
}

/**
 * For each point (pixels in the PNG), whether some drawn pixel lies within `radius` of it: the same "ink" test as
 * countInk. Used to follow an edge and see where it is drawn and where it has gaps.
 */
export async function inkAt(
  page: Page,
  png: Buffer,
  points: ReadonlyArray<{ x: number; y: number }>,
  radius = 1,
): Promise<boolean[]> {
  const script = `(async () => {
    ${decodePng(png)}
    const inked = (x, y) => {
      if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
      const i = (y * bitmap.width + x) * 4;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      return Math.min(r, g, b) < 200 || Math.max(r, g, b) - Math.min(r, g, b) > 40;
    };
    const radius = ${radius};
    return ${JSON.stringify(points)}.map(({ x, y }) => {
      const cx = Math.round(x), cy = Math.round(y);
      for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) if (inked(cx + dx, cy + dy)) return true;
      return false;
    });
  })()`;
  return (await page.evaluate(script)) as boolean[];
}
