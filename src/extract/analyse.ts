/**
 * The entity stage, orchestrated: tokens and sentences, tagger spans plus gazetteers and rules, closing credits
 * (entities/credits.ts), document rules (entities/document-rules.ts), roles, resolution and topics. Linear in the
 * text (resolution indexes names instead of comparing mentions pairwise); never throws on any text.
 */

import { creditLineStart } from './entities/credits.js';
import { repeatedNames, retypeByCoordination } from './entities/document-rules.js';
import { dropHeadlineFragments } from './entities/headlines.js';
import { settleKinds } from './entities/kinds.js';
import { detectMentions, type MentionDraft } from './entities/mentions.js';
import { resolveDrafts } from './entities/resolve.js';
import { attachRoles } from './entities/roles.js';
import { detectTopics } from './entities/topics.js';
import { readWireHeader } from './entities/wire-headers.js';
import { type NerSpan, tagDocument } from './ner/index.js';
import { groupSentences } from './sentences.js';
import { tokenize } from './tokenize.js';
import type { DocAnalysis, EntityMention } from './types.js';

let taggerUnavailable = false;

/**
 * The tagger's spans; when the model cannot be loaded (not trained yet, corrupt file), capitalised runs marked as
 * untyped so that gazetteers and rules still find and type the names: a tagger failure must not lose the article.
 */
function safeTag(sentences: string[][]): NerSpan[][] {
  if (!taggerUnavailable) {
    try {
      const out = tagDocument(sentences);
      return sentences.map((_, i) => out[i] ?? []);
    } catch {
      taggerUnavailable = true;
    }
  }
  return sentences.map(capitalisedRuns);
}

function capitalisedRuns(tokens: string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (/^\p{Lu}/u.test(tokens[i] ?? '')) {
      let j = i + 1;
      while (j < tokens.length && /^\p{Lu}/u.test(tokens[j] ?? '')) j++;
      spans.push({ start: i, end: j, label: 'MISC', score: 0 });
      i = j;
    } else i++;
  }
  return spans;
}

export interface AnalyseOptions {
  /** A tagger to use instead of the trained model (evaluation with oracle spans, tests). */
  tag?: (sentences: string[][]) => NerSpan[][];
}

export function analyse(text: string, options: AnalyseOptions = {}): DocAnalysis {
  const sentences = groupSentences(text, tokenize(text));
  const tokenLists = sentences.map((s) => s.tokens.map((t) => t.text));
  const tags = options.tag ? options.tag(tokenLists) : safeTag(tokenLists);
  const drafts: MentionDraft[] = [];
  const creditFrom = new Map<number, number>();
  sentences.forEach((s, i) => {
    const found = readWireHeader(i, s.tokens, detectMentions(i, s.tokens, tags[i] ?? []));
    // The closing credits may be glued to the last sentence ("... the brink. mz/msh (AP, AFP, dpa)").
    const credit = i >= sentences.length - 2 ? creditLineStart(s.tokens.map((t) => t.text)) : -1;
    if (credit >= 0) creditFrom.set(i, credit);
    drafts.push(...(credit >= 0 ? found.filter((d) => d.tokenStart < credit) : found));
  });
  retypeByCoordination(sentences, drafts);
  drafts.push(
    ...repeatedNames(sentences, drafts).filter((d) => d.tokenStart < (creditFrom.get(d.sentence) ?? Infinity)),
  );
  const settled = settleKinds(sentences, dropHeadlineFragments(sentences, drafts));
  const topics = detectTopics(sentences, settled);
  const all = [...settled, ...topics].sort((a, b) => a.sentence - b.sentence || a.tokenStart - b.tokenStart);
  const { resolved, entities } = resolveDrafts(all, sentences, text);

  const mentions: EntityMention[] = [];
  let from = 0;
  for (let si = 0; si < sentences.length; si++) {
    let to = from;
    while (to < resolved.length && resolved[to]!.sentence === si) to++;
    const inSentence = resolved.slice(from, to);
    const roles = attachRoles(sentences[si]!, inSentence, text);
    for (const r of inSentence) {
      const mention: EntityMention = {
        entityId: r.entityId,
        start: r.start,
        end: r.end,
        sentence: r.sentence,
        tokenStart: r.tokenStart,
        tokenEnd: r.tokenEnd,
        text: r.text,
        rule: r.rule,
      };
      const facts = roles.get(r);
      if (facts) mention.roles = facts;
      mentions.push(mention);
    }
    from = to;
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, sentences, entities, mentions };
}
