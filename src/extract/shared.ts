/**
 * The extractor's read-only data (the NER tagger's weight table and gazetteer, the knowledge gazetteer), built once
 * by a build's main thread and handed to its worker threads at start: the large arrays are SharedArrayBuffers, so
 * the workers neither rebuild them (about half a second each) nor hold copies (about 14 MB each).
 */
import { adoptGazetteer, type GazetteerParts, shareGazetteer } from './entities/gazetteer.js';
import { adoptTagger, type SharedTagger, shareTagger } from './ner/index.js';

export interface SharedExtractor {
  tagger: SharedTagger;
  gazetteer: GazetteerParts;
}

/** Loads the extractor's data in this thread (if not yet loaded) and returns it in a form a worker can adopt. */
export function shareExtractor(): SharedExtractor {
  return { tagger: shareTagger(), gazetteer: shareGazetteer() };
}

/** Makes this thread use data another thread built (call before the first extraction). */
export function adoptExtractor(shared: SharedExtractor): void {
  adoptTagger(shared.tagger);
  adoptGazetteer(shared.gazetteer);
}
