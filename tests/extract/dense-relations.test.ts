/**
 * Table-driven cases for the relations added to link nodes that had no edge (issue 14, density): organisations
 * followed by their country, possessive seats with quoted names, roles at described organisations, "X from Y",
 * roles in apposition before a name, "-based" people, "X is from Y", bare demonym appositions, "beat to death",
 * state memberships read across sentences. Every sentence is written for this test. `yes` rows must give the edge
 * by the named rule; the other rows must not give it with confidence 0.5 or more.
 */
import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

interface Row {
  text: string;
  edge: [string, string, string];
  /** The rule that must give the edge; absent: the edge must not exist with confidence >= 0.5. */
  rule?: string;
  basis?: 'text' | 'knowledge';
}

function edges(text: string) {
  const doc = annotatedDoc(text);
  const label = (id: string) => doc.entities.get(id)?.label;
  return extractRelations(doc).map((c) => ({ s: label(c.source), r: c.relation, t: label(c.target), c }));
}

const ROWS: Row[] = [
  // based-in: an organisation "of" its country, in a list of shareholders or a draw.
  {
    text: 'The consortium counts [Sarvik|organisation] of [Finland|state] and [Oltra|organisation] of [Spain|state] as owners.',
    edge: ['Sarvik', 'based-in', 'Finland'],
    rule: 'pair:based-in:org-of-state',
  },
  {
    text: 'The holders were paired with [Sporting Vela|organisation] of [Portugal|state] in the first round.',
    edge: ['Sporting Vela', 'based-in', 'Portugal'],
    rule: 'pair:based-in:org-of-state',
  },
  // ... not an international body, not a "member of" reading, not a possessive after "of".
  {
    text: 'Talks with the [United Nations|organisation] of [Norway|state] delegates went on.',
    edge: ['United Nations', 'based-in', 'Norway'],
  },
  {
    text: "The board of [Kelvo|organisation] of [Chile|state]'s biggest port resigned.",
    edge: ['Kelvo', 'based-in', 'Chile'],
  },
  // based-in: a possessive seat before a quoted name; a short word of a name is no region ("La").
  {
    text: 'The reform also strengthens [Vietnam|state]\'s "[Central Outreach Office|organisation]," a state agency.',
    edge: ['Central Outreach Office', 'based-in', 'Vietnam'],
    rule: 'pair:based-in:place-before-org',
  },
  {
    text: "Meanwhile [Genoa|place]'s [La Voce|organisation] daily said the vote failed.",
    edge: ['La Voce', 'based-in', 'Genoa'],
    rule: 'pair:based-in:place-before-org',
  },
  // works-for: a role at a described organisation.
  {
    text: '"Nobody saw it coming," said [Tom Reyes|person], a photographer at the regional Spanish-language daily [El Faro|organisation].',
    edge: ['Tom Reyes', 'works-for', 'El Faro'],
    rule: 'pair:works-for:title-at-described-org',
  },
  {
    text: '[Yui Mori|person], a visiting scholar at the [Hanami Institute|organisation], doubted it.',
    edge: ['Yui Mori', 'works-for', 'Hanami Institute'],
    rule: 'pair:works-for:title-at-described-org',
  },
  {
    text: "[Anna Berg|person], an expert on shipping at [Oslo|place]'s [Fjord University|organisation], agreed.",
    edge: ['Anna Berg', 'works-for', 'Fjord University'],
    rule: 'pair:works-for:title-at-described-org',
  },
  // ... not when the apposition is a relation to someone else's organisation or a past role.
  {
    text: '[Anna Berg|person], a former expert at the [Fjord Institute|organisation], agreed.',
    edge: ['Anna Berg', 'works-for', 'Fjord Institute'],
  },
  {
    text: '[Anna Berg|person], a critic who spoke at the [Fjord Institute|organisation], agreed.',
    edge: ['Anna Berg', 'works-for', 'Fjord Institute'],
  },
  // works-for: "X from Y" after a verb of saying.
  {
    text: '"The roof is unsafe," explained [Ida Lund|person] from the [Nordic Heritage Trust|organisation].',
    edge: ['Ida Lund', 'works-for', 'Nordic Heritage Trust'],
    rule: 'pair:works-for:from-org',
  },
  {
    text: "The prize was handed to [Ida Lund|person] from the [Nordic Heritage Trust|organisation]'s jury.",
    edge: ['Ida Lund', 'works-for', 'Nordic Heritage Trust'],
  },
  {
    text: 'Funds were moved to [Ida Lund|person] from the [Nordic Heritage Trust|organisation] account last year.',
    edge: ['Ida Lund', 'works-for', 'Nordic Heritage Trust'],
  },
  // works-for: a role of an organisation in apposition before the name.
  {
    text: "The director of [Porto|place]'s [Atlantic Museum|organisation], [Rui Costa|person], opened the show.",
    edge: ['Rui Costa', 'works-for', 'Atlantic Museum'],
    rule: 'pair:works-for:role-of-org-apposition',
  },
  {
    text: 'The head of the "[Grenzschutz|organisation]," [Karl Uhl|person], warned the committee.',
    edge: ['Karl Uhl', 'works-for', 'Grenzschutz'],
    rule: 'pair:works-for:role-of-org-apposition',
  },
  {
    text: 'Critics of the [Atlantic Museum|organisation], [Rui Costa|person] among them, left.',
    edge: ['Rui Costa', 'works-for', 'Atlantic Museum'],
  },
  // lives-in: a person based in a place; an organisation based there is not a person.
  {
    text: 'The [Dublin|place]-based food critic, [Aoife Byrne|person], praised the menu.',
    edge: ['Aoife Byrne', 'lives-in', 'Dublin'],
    rule: 'pair:lives-in:based-person',
  },
  {
    text: 'The [Dublin|place]-based firm hired [Aoife Byrne|person] last year.',
    edge: ['Aoife Byrne', 'lives-in', 'Dublin'],
  },
  // citizen-of: "X is from Y"; not "imports from Y" nor "X is from Y's capital".
  {
    text: 'Observers noted that [Lena Ruus|person] is from [Estonia|state], a neighbour.',
    edge: ['Lena Ruus', 'citizen-of', 'Estonia'],
    rule: 'pair:citizen-of:is-from',
  },
  {
    text: '[Lena Ruus|person] said the gas is from [Estonia|state] and Latvia.',
    edge: ['Lena Ruus', 'citizen-of', 'Estonia'],
  },
  // citizen-of: a demonym without an article in apposition.
  {
    text: '[Ola Brekke|person], [Norwegian|state|Norway] author of three novels, gave a reading.',
    edge: ['Ola Brekke', 'citizen-of', 'Norway'],
    rule: 'pair:citizen-of:demonym-bare-apposition',
  },
  {
    text: '[Ola Brekke|person], [Norwegian|state|Norway] officials said, was not invited.',
    edge: ['Ola Brekke', 'citizen-of', 'Norway'],
  },
  // kills: a violent verb, the victim and "to death"; not an attempt.
  {
    text: 'Two years later [Dale Pike|person] beat his cellmate [Roy Ames|person] to death.',
    edge: ['Dale Pike', 'kills', 'Roy Ames'],
    rule: 'pair:kills:to-death',
  },
  {
    text: 'Police said [Dale Pike|person] nearly beat [Roy Ames|person] to death.',
    edge: ['Dale Pike', 'kills', 'Roy Ames'],
  },
  {
    text: '[Roy Ames|person] was beaten by [Dale Pike|person] and left; he froze to death.',
    edge: ['Roy Ames', 'kills', 'Dale Pike'],
  },
  // member-of from knowledge: a state and a body it belongs to, named in different sentences of one article.
  {
    text: 'Envoys of the [European Union|organisation] gathered on Monday. Later [Slovenia|state] asked for funds.',
    edge: ['Slovenia', 'member-of', 'European Union'],
    rule: 'knowledge:state-memberships',
    basis: 'knowledge',
  },
  {
    text: 'Envoys of the [European Union|organisation] gathered on Monday. Later [Norway|state] asked for funds.',
    edge: ['Norway', 'member-of', 'European Union'],
  },
  // member-of from knowledge: bodies of nearly every UN member name their exceptions.
  {
    text: 'The [International Monetary Fund|organisation] cut its forecast. [Kenya|state] disagreed.',
    edge: ['Kenya', 'member-of', 'International Monetary Fund'],
    rule: 'knowledge:state-memberships',
    basis: 'knowledge',
  },
  {
    text: 'The [International Monetary Fund|organisation] cut its forecast. [Cuba|state] disagreed.',
    edge: ['Cuba', 'member-of', 'International Monetary Fund'],
  },
  {
    text: '[OSCE|organisation] observers reached [Georgia|state] on Monday.',
    edge: ['Georgia', 'member-of', 'OSCE'],
    rule: 'knowledge:state-memberships',
  },
  // born-in: a place or state joined to "born".
  {
    text: 'The [Chile|state]-born poet [Luz Marin|person] read first.',
    edge: ['Luz Marin', 'born-in', 'Chile'],
    rule: 'pair:born-in:born-modifier',
  },
  {
    text: 'Police named [Ali Farah|person], a [Somalia|state]-born taxi driver, as the victim.',
    edge: ['Ali Farah', 'born-in', 'Somalia'],
    rule: 'pair:born-in:born-apposition',
  },
  {
    text: 'The [Chile|state] and [Peru|state] team-mates of [Luz Marin|person] were born in Lima.',
    edge: ['Luz Marin', 'born-in', 'Chile'],
  },
  // located-in: a place in a named region.
  {
    text: 'Fighting reached [Kemer|place] in the southern district of [Antalya|place] overnight.',
    edge: ['Kemer', 'located-in', 'Antalya'],
    rule: 'pair:located-in:in-region-of',
  },
  // citizen-of: a home country or native state.
  {
    text: 'The court ordered [Omar Sy|person] returned to his home country of [Senegal|state].',
    edge: ['Omar Sy', 'citizen-of', 'Senegal'],
    rule: 'pair:citizen-of:home-country',
  },
  {
    text: '[Omar Sy|person] flew to [Senegal|state], not his home country.',
    edge: ['Omar Sy', 'citizen-of', 'Senegal'],
  },
  // plays-for: a player and his club's squad.
  {
    text: '[Tomas Vrba|person] and his [Olomouc|organisation] team won again.',
    edge: ['Tomas Vrba', 'plays-for', 'Olomouc'],
    rule: 'pair:plays-for:and-his-squad',
  },
  {
    text: '[Tomas Vrba|person] and his [Olomouc|organisation] lawyer met the press.',
    edge: ['Tomas Vrba', 'plays-for', 'Olomouc'],
  },
  // based-in: an organisation whose name holds a town the article names.
  {
    text: 'Roads to [Grindel|place] were closed. [Air Grindel|organisation] flew guests out.',
    edge: ['Air Grindel', 'based-in', 'Grindel'],
    rule: 'based-in:name-names-place',
  },
  {
    text: 'Talks in [Sorvik|place] failed. The [Sorvik Accords|organisation] were dead.',
    edge: ['Sorvik Accords', 'based-in', 'Sorvik'],
  },
  {
    text: 'Leaders met in [Europe|place]. [Radio Free Europe|organisation] reported it.',
    edge: ['Radio Free Europe', 'based-in', 'Europe'],
  },
  {
    text: 'Shops in [Haddad|place] closed. [Maria Haddad|organisation] said so.',
    edge: ['Maria Haddad', 'based-in', 'Haddad'],
  },
  // located-in from knowledge: a first-level region of a federation and its state.
  {
    text: 'Floods hit [Kerala|place] again. [India|state] sent troops.',
    edge: ['Kerala', 'located-in', 'India'],
    rule: 'knowledge:place-in-state',
    basis: 'knowledge',
  },
  // coreference: "the party" is the party named last, a few sentences back at most.
  {
    text: 'The [Liberty Party|organisation] gained seats. "We won," he said. The party\'s leader, [Ines Kohl|person], thanked voters.',
    edge: ['Ines Kohl', 'member-of', 'Liberty Party'],
    rule: 'coref:the-party',
  },
  {
    text: "The [Harbour Trust|organisation] gained funds. The party's leader, [Ines Kohl|person], thanked voters.",
    edge: ['Ines Kohl', 'member-of', 'Harbour Trust'],
  },
  // coreference: "the company", "the club" is the organisation of that sort named last; never a party or a body.
  {
    text: "Shares in [Korvel Motors|organisation] fell again. The company's chief executive, [Lea Dorn|person], promised cuts.",
    edge: ['Lea Dorn', 'works-for', 'Korvel Motors'],
    rule: 'coref:the-company',
  },
  {
    text: "[Sporting Vela|organisation] lost at home. The club's coach, [Rui Mota|person], blamed the pitch.",
    edge: ['Rui Mota', 'works-for', 'Sporting Vela'],
    rule: 'coref:the-company',
  },
  {
    text: "The [Liberty Party|organisation] lost votes. The company's chief executive, [Lea Dorn|person], was calm.",
    edge: ['Lea Dorn', 'works-for', 'Liberty Party'],
  },
  {
    text: "[NATO|organisation] met in Riga. The company's founder, [Lea Dorn|person], was calm.",
    edge: ['Lea Dorn', 'works-for', 'NATO'],
  },
  {
    text: '[Korvel Motors|organisation] hired staff. Rivals said the company of [Lea Dorn|person] was late.',
    edge: ['Lea Dorn', 'works-for', 'Korvel Motors'],
  },
];

describe('relations that link isolated nodes', () => {
  it.each(ROWS)('$text -> $edge', ({ text, edge, rule, basis }) => {
    const [s, r, t] = edge;
    const found = edges(text).filter((e) => e.s === s && e.r === r && e.t === t);
    if (rule) {
      expect(
        found.map((e) => e.c.rule),
        `expected ${edge.join(' ')}`,
      ).toContain(rule);
      if (basis) expect(found.some((e) => (e.c.basis ?? 'text') === basis)).toBe(true);
    } else {
      expect(found.filter((e) => e.c.confidence >= 0.5).map((e) => e.c.rule)).toEqual([]);
    }
  });
});
