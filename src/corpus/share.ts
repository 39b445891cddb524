/**
 * How a build's worker threads receive the extractor data the main thread builds (src/extract/shared.ts). Workers
 * start first and load their modules while the main thread builds the data; each then asks for it on a
 * BroadcastChannel named in its workerData and waits. The channel carries SharedArrayBuffers as shared memory, so
 * the answer is the data itself, not a copy of its large arrays. A worker started later (replacing one that died)
 * asks the same way.
 */
import { BroadcastChannel } from 'node:worker_threads';
import type { SharedExtractor } from '../extract/shared.js';

const NEED = 'need';

export interface ExtractorOffer {
  /** Sets the data and answers every worker that asked or will ask. */
  offer(extractor: SharedExtractor): void;
  close(): void;
}

/**
 * Opens channel `name` for workers to ask on; open it before starting them, since a request sent before the
 * channel exists here is lost. Requests that come before the data is offered are answered when it is.
 */
export function openExtractorOffer(name: string): ExtractorOffer {
  const channel = new BroadcastChannel(name);
  let data: SharedExtractor | null = null;
  let waiting = false;
  channel.onmessage = (event) => {
    if ((event as MessageEvent).data !== NEED) return;
    if (data) channel.postMessage(data);
    else waiting = true;
  };
  return {
    offer(extractor) {
      data = extractor;
      if (waiting) channel.postMessage(data);
    },
    close: () => channel.close(),
  };
}

/** In a worker: asks on channel `name` for the extractor data and waits for it. */
export async function receiveExtractor(name: string): Promise<SharedExtractor> {
  const channel = new BroadcastChannel(name);
  try {
    return await new Promise<SharedExtractor>((resolve) => {
      channel.onmessage = (event) => {
        const data = (event as MessageEvent).data as unknown;
        // Other workers' requests pass by on the same channel.
        if (data !== NEED) resolve(data as SharedExtractor);
      };
      channel.postMessage(NEED);
    });
  } finally {
    channel.close();
  }
}
