/**
 * Vitest global setup: finds the browser for the browser tests once per run (unpacking the bundled Chromium on the
 * first run after an install) and hands its launch data to the test files through `inject('chromium')`.
 */
import type { TestProject } from 'vitest/node';
import { type ChromiumLaunch, chromiumLaunch } from '../../scripts/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumLaunch;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromium', await chromiumLaunch());
}
