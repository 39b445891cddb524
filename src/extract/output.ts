/** Turns the extractor's working data (cleaned-text offsets) into an Extraction (original-text offsets). */
import { toOriginalSpan } from '../ingest/offsets.js';
import type { Article } from '../ingest/types.js';
import type {
  DocAnalysis,
  EvidenceSpan,
  ExtractedEntity,
  ExtractedRelation,
  Extraction,
  RelationCandidate,
} from './types.js';

export function toExtraction(article: Article, doc: DocAnalysis, candidates: RelationCandidate[]): Extraction {
  const byEntity = new Map<string, ExtractedEntity>();
  for (const mention of doc.mentions) {
    const entity = doc.entities.get(mention.entityId);
    if (!entity) continue;
    let out = byEntity.get(entity.id);
    if (!out) {
      out = { ...entity, aliases: [...entity.aliases], mentions: [], rules: [] };
      byEntity.set(entity.id, out);
    }
    const span = toOriginalSpan(article.map, mention);
    out.mentions.push({ ...span, text: article.original.slice(span.start, span.end) });
    if (!out.rules.includes(mention.rule)) out.rules.push(mention.rule);
  }
  // Entities the relation stage points at without a mention (rare) still need a node.
  for (const c of candidates) {
    for (const id of [c.source, c.target]) {
      const entity = doc.entities.get(id);
      if (entity && !byEntity.has(id))
        byEntity.set(id, { ...entity, aliases: [...entity.aliases], mentions: [], rules: [c.rule] });
    }
  }

  const relations = new Map<string, ExtractedRelation>();
  for (const c of candidates) {
    if (!byEntity.has(c.source) || !byEntity.has(c.target) || c.source === c.target) continue;
    const sentence = doc.sentences[c.sentence];
    if (!sentence) continue;
    const span = toOriginalSpan(article.map, sentence);
    const evidence: EvidenceSpan = { ...span, text: article.original.slice(span.start, span.end) };
    const key = `${c.source}|${c.relation}|${c.target}`;
    // Coreference: the sentence naming the antecedent justifies the edge too; it adds evidence, not confidence.
    const antecedent = c.antecedent === undefined ? undefined : doc.sentences[c.antecedent];
    const extra: EvidenceSpan[] = [];
    if (antecedent && c.antecedent !== c.sentence) {
      const a = toOriginalSpan(article.map, antecedent);
      extra.push({ ...a, text: article.original.slice(a.start, a.end) });
    }
    const existing = relations.get(key);
    if (!existing) {
      relations.set(key, {
        source: c.source,
        target: c.target,
        relation: c.relation,
        confidence: c.confidence,
        rules: [c.rule],
        evidence: [evidence, ...extra],
        basis: c.basis ?? 'text',
        ...(c.qualifiers ? { qualifiers: { ...c.qualifiers } } : {}),
        ...(c.former ? { former: true } : {}),
      });
      continue;
    }
    if (!c.former) delete existing.former;
    if ((c.basis ?? 'text') === 'text') existing.basis = 'text';
    if (!existing.rules.includes(c.rule)) existing.rules.push(c.rule);
    if (!existing.evidence.some((e) => e.start === evidence.start)) {
      existing.evidence.push(evidence);
      existing.confidence = Math.min(0.99, 1 - (1 - existing.confidence) * (1 - c.confidence));
    } else existing.confidence = Math.max(existing.confidence, c.confidence);
    for (const e of extra) if (!existing.evidence.some((x) => x.start === e.start)) existing.evidence.push(e);
    if (c.qualifiers) existing.qualifiers = { ...c.qualifiers, ...existing.qualifiers };
  }

  // Stored to three decimals, as in the graph: a reader's threshold of 0.8 must keep an edge of 0.7999999999999999.
  for (const r of relations.values()) r.confidence = Math.round(r.confidence * 1000) / 1000;
  return {
    articleId: article.id,
    file: article.file,
    article: { title: article.title, source: article.source, published: article.published, url: article.url },
    entities: [...byEntity.values()],
    relations: [...relations.values()],
  };
}
