/**
 * Vitest setup file: after each test, let the worker's event loop turn once. A file of long synchronous tests (the
 * extractor fuzzing, on a loaded machine) otherwise keeps the worker from reading vitest's replies for over a minute,
 * and vitest then fails the run with "[vitest-worker]: Timeout calling onTaskUpdate" although every test passed
 * (vitest-dev/vitest#8164; the 60 s limit is not configurable).
 */
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
