/** The shared contract, part 2: a span of text, as ingestion maps it and the extractor and evidence use it. */
export interface Span {
  start: number;
  end: number;
}
