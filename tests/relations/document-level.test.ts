/** Document-level reading: coreference (pipeline/coref.ts), chains (pipeline/chains.ts) and titles read in their phrase. */
import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

function read(text: string): Array<{ edge: string; rule: string; sentence: number; antecedent?: number }> {
  const doc = annotatedDoc(text);
  const label = (id: string) => doc.entities.get(id)?.label ?? id;
  return extractRelations(doc).map((c) => ({
    edge: `${label(c.source)} ${c.relation} ${label(c.target)}`,
    rule: c.rule,
    sentence: c.sentence,
    ...(c.antecedent === undefined ? {} : { antecedent: c.antecedent }),
  }));
}

const edges = (text: string) => read(text).map((r) => r.edge);

describe('coreference gives the edge, by the coreference rule', () => {
  it.each([
    // a sentence-opening pronoun continues the previous sentence's subject
    [
      '[Tomas Rud|person] arrived late. He is a researcher at the [Nordic Policy Institute|organisation].',
      'Tomas Rud member-of Nordic Policy Institute',
      'coref:pronoun-subject',
    ],
    [
      '[Ines Faro|person] spoke to reporters. But she is also a member of the [Iberian Trade Forum|organisation].',
      'Ines Faro member-of Iberian Trade Forum',
      'coref:pronoun-subject',
    ],
    // "the country" / "the nation" is the state named last
    [
      "Floods hit [Ghana|state] in May. The country's finance minister, [Kofi Mensah|person], asked for aid.",
      'Kofi Mensah speaks-for Ghana',
      'coref:the-country',
    ],
    [
      'Talks with [Peru|state] stalled. The nation is a member of the [Andean Community|organisation|Andean Community].',
      'Peru member-of Andean Community',
      'coref:the-country',
    ],
    // "the bloc", "the alliance" is the international body named last
    [
      'Ministers of the [European Union|organisation] met. [Croatia|state] joined the bloc in 2013.',
      'Croatia member-of European Union',
      'coref:the-bloc',
    ],
    // a title with its holder and no name is the person named before
    [
      '[Kai Lund|person] flew to Rome on Monday. The [Danish|state|Denmark] prime minister said little.',
      'Kai Lund speaks-for Denmark',
      'coref:title-description',
    ],
  ])('%s', (text, edge, rule) => {
    const got = read(text).filter((r) => r.edge === edge);
    expect(got.map((r) => r.rule)).toContain(rule);
    // the anaphor's sentence is the evidence; the antecedent's sentence comes with it
    const hit = got.find((r) => r.rule === rule)!;
    expect(hit.sentence).toBe(1);
    expect(hit.antecedent).toBe(0);
  });
});

describe('coreference stays out where it cannot be sure', () => {
  it.each([
    // a pronoun inside a sentence is not the previous sentence's subject
    [
      '[Tomas Rud|person] arrived late. Reporters said he is a researcher at the [Nordic Policy Institute|organisation].',
      'Tomas Rud member-of Nordic Policy Institute',
    ],
    // the previous sentence opens with a quotation, not a subject
    [
      '"We will see," [Tomas Rud|person] said. He is a researcher at the [Nordic Policy Institute|organisation].',
      'Tomas Rud member-of Nordic Policy Institute',
    ],
    // the description's state differs from the state the person already speaks for
    [
      '[Swedish|state|Sweden] Prime Minister [Kai Lund|person] flew to Rome. The [Danish|state|Denmark] prime minister said little.',
      'Kai Lund speaks-for Denmark',
    ],
    // two people in reach who could hold the office: no guess
    [
      '[Kai Lund|person] met [Ole Dam|person] in Rome. The [Danish|state|Denmark] prime minister said little.',
      'Ole Dam speaks-for Denmark',
    ],
    // an office a state has many of is as often someone not yet named
    [
      '[Kai Lund|person] flew to Rome. The [Danish|state|Denmark] ambassador said little.',
      'Kai Lund speaks-for Denmark',
    ],
    // a named title is no description
    [
      '[Kai Lund|person] flew to Rome. The [Danish|state|Denmark] prime minister [Ole Dam|person] said little.',
      'Kai Lund speaks-for Denmark',
    ],
    // "the bloc" needs an international body, not any organisation
    [
      'Officials of [Acme Holdings|organisation] met. [Croatia|state] joined the bloc in 2013.',
      'Croatia member-of Acme Holdings',
    ],
    // a name after "the union" makes it a name, not an anaphor (a state outside the union: no knowledge edge either)
    [
      'Ministers of the [European Union|organisation] met. [Norway|state] praised the union [Solidarity|organisation].',
      'Norway member-of European Union',
    ],
  ])('%s', (text, edge) => {
    expect(edges(text)).not.toContain(edge);
  });
});

describe('titles read in their own phrase', () => {
  it.each([
    // each person of a list of appositions keeps their own state
    [
      'Her [Polish|state|Poland] counterpart, [Jan Nowak|person], and the [Czech|state|Czech Republic] leader, [Eva Horak|person], met.',
      'Eva Horak speaks-for Czech Republic',
      'Jan Nowak speaks-for Czech Republic',
    ],
    [
      "[Peru|state]'s president, [Luis Paz|person], and [Chile|state]'s foreign minister, [Ana Rojas|person], signed.",
      'Luis Paz speaks-for Peru',
      'Luis Paz speaks-for Chile',
    ],
    // the title's state is the one in its phrase, never the sentence's object
    [
      '[US|state|United States] Undersecretary of State [Tom Reed|person] is meeting [British|state|United Kingdom] officials.',
      'Tom Reed speaks-for United States',
      'Tom Reed speaks-for United Kingdom',
    ],
    // stacked modifiers: party and title before a name
    ['[Green|organisation|Green Party] MEP [Ann Cole|person] voted against.', 'Ann Cole member-of Green Party', ''],
    [
      'The [Dutch|state|Netherlands] [Labour Party|organisation] leader [Joost Smit|person] resigned.',
      'Joost Smit citizen-of Netherlands',
      'Joost Smit speaks-for Netherlands',
    ],
  ])('%s', (text, present, absent) => {
    const got = edges(text);
    expect(got).toContain(present);
    if (absent) expect(got).not.toContain(absent);
  });

  it.each([
    // regional heads are no voice of the state the article is about, but its citizens
    ['[Austria|state] voted. [Austria|state] counted. State premier [Jonas Huber|person] conceded.', 'Jonas Huber'],
    [
      '[Austria|state] voted. [Austria|state] counted. Provincial premier [Jonas Huber|person] conceded.',
      'Jonas Huber',
    ],
    [
      '[India|state] voted. [India|state] counted. [Ravi Das|person], chief minister of [Kerala|place], conceded.',
      'Ravi Das',
    ],
  ])('%s', (text, person) => {
    const got = edges(text);
    const state = text.includes('India') ? 'India' : 'Austria';
    expect(got).not.toContain(`${person} speaks-for ${state}`);
    expect(got).toContain(`${person} citizen-of ${state}`);
  });

  it('a title whose holder has no node takes no state', () => {
    // "Tyrolean" or a former state's demonym: the article's main state is not the holder, nor is it a region of it
    const got = edges('[Kenya|state] voted. [Kenya|state] counted. Then Tyrolean Premier [Jonas Huber|person] spoke.');
    expect(got).not.toContain('Jonas Huber speaks-for Kenya');
    expect(got).not.toContain('Jonas Huber citizen-of Kenya');
  });

  it('a national bare title still takes the main state', () => {
    expect(edges('[Kenya|state] voted. [Kenya|state] counted. President [John Otieno|person] conceded.')).toContain(
      'John Otieno speaks-for Kenya',
    );
  });

  it('a title later in an apposition belongs to someone else', () => {
    const got = edges(
      '[Italy|state] voted. [Italy|state] counted. [Gino Sala|person], a priest close to Prime Minister [Ugo Neri|person], spoke.',
    );
    expect(got).not.toContain('Gino Sala speaks-for Italy');
  });
});

describe('chains: party membership gives citizenship', () => {
  it('when the article is about the party state', () => {
    expect(
      edges(
        "[Spain|state] votes. [Spain|state] counts. [Socialist|organisation|Spanish Socialist Workers' Party] MP [Rosa Gil|person] spoke.",
      ),
    ).toContain('Rosa Gil citizen-of Spain');
  });
  it('not when the party state is neither the main state nor in the sentence', () => {
    expect(
      edges(
        "[Kenya|state] votes. [Kenya|state] counts. [Spain|state] watches. [Socialist|organisation|Spanish Socialist Workers' Party] MP [Rosa Gil|person] spoke.",
      ),
    ).not.toContain('Rosa Gil citizen-of Spain');
  });
});
