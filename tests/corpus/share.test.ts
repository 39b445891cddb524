/** The channel on which build workers ask for the extractor data the main thread built (src/corpus/share.ts). */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openExtractorOffer, receiveExtractor } from '../../src/corpus/share.js';
import type { SharedExtractor } from '../../src/extract/shared.js';

function fakeExtractor(): { data: SharedExtractor; cells: Int32Array } {
  const cells = new Int32Array(new SharedArrayBuffer(8));
  // Only the transport is under test: any object with shared arrays stands in for the real data.
  return { data: { marker: cells } as unknown as SharedExtractor, cells };
}

describe('extractor data offered to workers', () => {
  it('answers a worker that asked before the data was ready, and one that asks after, with shared memory', async () => {
    const offer = openExtractorOffer(`test-share-${process.pid}-1`);
    try {
      const early = receiveExtractor(`test-share-${process.pid}-1`);
      await sleep(20); // the request arrives while the main thread is still building the data
      const { data, cells } = fakeExtractor();
      offer.offer(data);
      const late = receiveExtractor(`test-share-${process.pid}-1`);
      for (const received of await Promise.all([early, late])) {
        const marker = (received as unknown as { marker: Int32Array }).marker;
        expect(marker.buffer).toBeInstanceOf(SharedArrayBuffer);
        marker[0] = (marker[0] ?? 0) + 1;
      }
      // Both writes landed in the one buffer: the data was shared, not copied.
      expect(cells[0]).toBe(2);
    } finally {
      offer.close();
    }
  });
});
