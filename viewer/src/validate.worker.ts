/**
 * Checks a graph file against the newsgraph/1 contract off the main thread (the CLI's own checks, see
 * src/graph/validate.ts). The main thread imports and draws the graph meanwhile; this answers with null when the
 * file is valid, or the one-line reason when it is not.
 */
import { validateGraphData } from '../../src/graph/validate.js';

self.onmessage = (event: MessageEvent<{ text: string; source: string }>) => {
  const { text, source } = event.data;
  let message: string | null = null;
  try {
    validateGraphData(JSON.parse(text), source);
  } catch (error) {
    message =
      error instanceof SyntaxError
        ? `${source}: not a JSON file (${error.message})`
        : error instanceof Error
          ? error.message
          : String(error);
  }
  self.postMessage(message);
};
