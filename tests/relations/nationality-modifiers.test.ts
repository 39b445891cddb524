import { describe, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { annotatedDoc } from '../../src/extract/relations/testing.js';

/** Edges "source relation target" read from an annotated sentence. */
function edges(text: string): string[] {
  const doc = annotatedDoc(text);
  const label = (id: string) => doc.entities.get(id)?.label;
  return extractRelations(doc).map((c) => [label(c.source), c.relation, label(c.target)].join(' '));
}

// Nationality and seat read from a modifier before the name: a state's short name used as a demonym ("US actor"),
// coordinated occupation nouns ("author and journalist"), a state's possessive with a descriptor ("Ghana's
// renowned novelist", "Norway's largest insurer").
describe('nationality and seat from modifiers before a name', () => {
  const found: Array<[string, string]> = [
    [
      '[US|state|United States] actor [Pim Vaskel|person] is working on a remake.',
      'Pim Vaskel citizen-of United States',
    ],
    [
      'The label signed [UK|state|United Kingdom] singer [Tamsin Orrey|person] in May.',
      'Tamsin Orrey citizen-of United Kingdom',
    ],
    ['[Danish|state|Denmark] painter and sculptor [Ole Brandt|person] died.', 'Ole Brandt citizen-of Denmark'],
    ["[Ghana|state]'s renowned novelist [Abena Serwaa|person] spoke first.", 'Abena Serwaa citizen-of Ghana'],
    ["[Kenya|state]'s marathon champion [Tobo Kenrick|person] won again.", 'Tobo Kenrick citizen-of Kenya'],
    ['The [US|state|United States] magazine [Quillpost|organisation] commented.', 'Quillpost based-in United States'],
    [
      'He told the [Dutch|state|Netherlands] news agency, [Verlo|organisation], that he would stay.',
      'Verlo based-in Netherlands',
    ],
    [
      "[Hungary|state]'s left-liberal daily [Pravnik|organisation] wrote that the plan failed.",
      'Pravnik based-in Hungary',
    ],
    ["[Norway|state]'s largest insurer [Fjordal|organisation] raised its prices.", 'Fjordal based-in Norway'],
    [
      'She teaches at the [Orvik Institute|organisation] ([ORI|organisation|Orvik Institute]) in [Bergen|place].',
      'Orvik Institute based-in Bergen',
    ],
  ];
  it.each(found)('%s', (text, edge) => {
    expect(edges(text)).toContain(edge);
  });

  const refused: Array<[string, string]> = [
    // Only a state's short name in capitals reads as an adjective; a team named by its country is not a nationality.
    ['[France|state] striker [Luc Marot|person] scored twice.', 'citizen-of'],
    // Rivals, partners and coaches are not the possessor's own.
    ["[Latvia|state]'s rival [Kordex|organisation] lost the tender.", 'based-in'],
    ["[Peru|state]'s new coach [Marco Tellini|person] named his squad.", 'citizen-of'],
    ["[Chile|state]'s ambassador [Rosa Ibanez|person] was recalled.", 'citizen-of'],
    // Coordination of a noun with a name is a list, not an occupation.
    ['[Irish|state|Ireland] fans and [Sean Carrow|person] sang.', 'citizen-of'],
    // A preposition or verb between breaks the modifier.
    ["[Spain|state]'s trade with [Orvana|organisation] grew.", 'based-in'],
  ];
  it.each(refused)('%s gives no %s edge', (text, relation) => {
    expect(edges(text).filter((e) => e.includes(` ${relation} `))).toEqual([]);
  });
});

// Heads of a region's government speak for the region; a government spokesperson without a named state speaks for
// the article's main state; "sitting", "reigning" are title modifiers like "new".
describe('regional heads, government spokespeople, title modifiers', () => {
  const found: Array<[string, string]> = [
    ['[Ravi Menon|person], chief minister of [Kerala|place], visited the camp.', 'Ravi Menon speaks-for Kerala'],
    ['[Jan Rieder|person], premier of the state of [Styria|place], resigned.', 'Jan Rieder speaks-for Styria'],
    ["[Tyrol|place]'s governor [Anna Moser|person] opened the pass.", 'Anna Moser speaks-for Tyrol'],
    ['In the state of [Saxony|place], state premier [Olaf Tillmer|person] spoke.', 'Olaf Tillmer speaks-for Saxony'],
    [
      '[Latvia|state] cut taxes. [Latvia|state] gained. "A success," deputy government spokeswoman [Ilze Berzina|person] said.',
      'Ilze Berzina speaks-for Latvia',
    ],
    ["[Norway|state]'s finance minister at the time, [Eva Lund|person], signed it.", 'Eva Lund speaks-for Norway'],
    [
      "[Ghana|state] voted. [Ghana|state]'s sitting president, [Kofi Anan Mensah|person], won.",
      'Kofi Anan Mensah speaks-for Ghana',
    ],
  ];
  it.each(found)('%s', (text, edge) => {
    expect(edges(text)).toContain(edge);
  });

  const refused: Array<[string, string]> = [
    // A time phrase that is not after a title gives no role.
    ["[Norway|state]'s budget at the time, [Eva Lund|person] said, was tight.", 'speaks-for'],
    // A mayor is not a region's head of government.
    ['[Lisa Brandl|person], mayor of [Graz|place], spoke.', 'speaks-for'],
    // A spokesperson of no named body and no government word has no state.
    ['[Latvia|state] cut taxes. [Latvia|state] gained. A spokesman, [Ivo Lapsa|person], said so.', 'speaks-for'],
    // A title after an unrelated clause is not the region's.
    ['[Ravi Menon|person] flew to [Kerala|place] and met the governor.', 'speaks-for'],
  ];
  it.each(refused)('%s gives no %s edge', (text, relation) => {
    expect(edges(text).filter((e) => e.includes(` ${relation} `))).toEqual([]);
  });
});

describe('nationality in an apposition after the name', () => {
  it.each([
    ['[Ravi Osei|person], a retired [Ghanaian|state|Ghana] sprinter, coaches children.', 'Ravi Osei citizen-of Ghana'],
    ['[Ida Roos|person], the 41-year-old [Swedish|state|Sweden] skipper, sailed on.', 'Ida Roos citizen-of Sweden'],
  ])('%s', (text, edge) => {
    expect(edges(text)).toContain(edge);
  });
  it.each([
    // The demonym belongs to someone else named in the apposition.
    ['[Ravi Osei|person], the husband of a [Ghanaian|state|Ghana] nurse, spoke.'],
    ['[Ravi Osei|person], who met his [Ghanaian|state|Ghana] hosts, spoke.'],
  ])('%s gives no citizen-of edge', (text) => {
    expect(edges(text).filter((e) => e.includes(' citizen-of '))).toEqual([]);
  });
});

describe('nationality said of the person', () => {
  it.each([
    ['[Tal Amiran|person], who is [Israeli|state|Israel], disagrees.', 'Tal Amiran citizen-of Israel'],
    ['[Tal Amiran|person] is an [Israeli|state|Israel] engineer.', 'Tal Amiran citizen-of Israel'],
    [
      'The editor [Rosa Kettler|person], also from [Austria|state], was moved to tears.',
      'Rosa Kettler citizen-of Austria',
    ],
  ])('%s', (text, edge) => {
    expect(edges(text)).toContain(edge);
  });
  it.each([
    // Goods or trips "from" a state say nothing of a person's nationality.
    ['Imports by [Rosa Kettler|person] from [Austria|state] rose.'],
    ['[Rosa Kettler|person], back from [Austria|state] on Monday, spoke.'],
    // A possessive government or court is not the person's nationality.
    ["[Canada|state]'s government argues that [Ada Ross|person] erred."],
  ])('%s gives no citizen-of edge', (text) => {
    expect(edges(text).filter((e) => e.includes(' citizen-of '))).toEqual([]);
  });
});
