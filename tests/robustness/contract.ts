/** The extraction contract, checked: what the fuzz and sweep tests assert for every article. */
import { ENTITY_KINDS, type Extraction } from '../../src/extract/types.js';
import type { Article } from '../../src/ingest/index.js';

/** Everything wrong with an extraction of `article`, as readable lines (empty when it keeps the contract). */
export function contractBreaches(article: Article, x: Extraction): string[] {
  const problems: string[] = [];
  const original = article.original;
  const checkSpan = (what: string, s: { start: number; end: number; text: string }, nonEmpty: boolean) => {
    if (
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < 0 ||
      s.end > original.length ||
      s.start > s.end
    ) {
      problems.push(`${what}: bad offsets ${s.start}..${s.end} (original length ${original.length})`);
    } else if (original.slice(s.start, s.end) !== s.text) {
      problems.push(
        `${what}: original.slice(${s.start}, ${s.end}) is ${JSON.stringify(original.slice(s.start, s.end))}, not ${JSON.stringify(s.text)}`,
      );
    }
    if (nonEmpty && s.start === s.end) problems.push(`${what}: empty span at ${s.start}`);
  };
  const ids = new Set<string>();
  for (const e of x.entities) {
    ids.add(e.id);
    if (!(ENTITY_KINDS as readonly string[]).includes(e.kind)) problems.push(`entity ${e.id}: kind ${e.kind}`);
    e.mentions.forEach((m, i) => {
      checkSpan(`entity ${e.id} mention ${i}`, m, true);
    });
  }
  for (const r of x.relations) {
    if (!ids.has(r.source) || !ids.has(r.target))
      problems.push(`relation ${r.source} ${r.relation} ${r.target}: an end is not an entity`);
    if (!(r.confidence >= 0 && r.confidence <= 1))
      problems.push(`relation ${r.source} ${r.relation} ${r.target}: confidence ${r.confidence}`);
    if (Math.round(r.confidence * 1000) / 1000 !== r.confidence)
      problems.push(
        `relation ${r.source} ${r.relation} ${r.target}: confidence ${r.confidence} not rounded to three decimals`,
      );
    if (r.basis !== 'text' && r.basis !== 'knowledge')
      problems.push(`relation ${r.source} ${r.relation} ${r.target}: basis ${String(r.basis)}`);
    r.evidence.forEach((ev, i) => {
      checkSpan(`relation ${r.source} ${r.relation} ${r.target} evidence ${i}`, ev, true);
    });
  }
  return problems;
}
