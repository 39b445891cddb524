/** Types for nlp-corpus (the package ships none): 100,000 odd English sentences for kicking the tyres. */
declare module 'nlp-corpus' {
  const corpus: {
    /** Every sentence, in the package's fixed order. */
    all(): string[];
    some(count?: number): string[];
    random(count?: number): string[];
  };
  export default corpus;
}
