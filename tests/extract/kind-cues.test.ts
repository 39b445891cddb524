/**
 * Kinds from context (issue 13, "kinds that hold"): the words around a name say whether it is a body, a person or a
 * place when the tagger reads it otherwise. Sentences written for this test; invented names where the point is that
 * no data file knows them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';

interface Case {
  name: string;
  text: string;
  /** Nodes that must exist: [label, kind]. */
  has: Array<[string, string]>;
  /** [label, kind] pairs that must not exist (the wrong reading, or a second node of another kind). */
  not?: Array<[string, string]>;
}

const CASES: Case[] = [
  {
    name: 'a newspaper named after a descriptor noun is a body',
    text: 'The claims were first reported by the daily Velmora Tidende on Tuesday. Ministers declined to comment.',
    has: [['Velmora Tidende', 'organisation']],
    not: [
      ['Velmora Tidende', 'person'],
      ['Velmora Tidende', 'place'],
    ],
  },
  {
    name: 'a magazine named before its head noun is a body',
    text: 'According to an article in Harrow Quill magazine, the mayor knew of the plan. The mayor denied it.',
    has: [['Harrow Quill', 'organisation']],
    not: [
      ['Harrow Quill', 'place'],
      ['Harrow Quill', 'person'],
    ],
  },
  {
    name: 'a company introduced by its trade is a body everywhere in the article',
    text: 'Carmaker Zentrovia posted a loss on Monday. Shares in Zentrovia fell sharply after Zentrovia warned of job cuts.',
    has: [['Zentrovia', 'organisation']],
    not: [
      ['Zentrovia', 'person'],
      ['Zentrovia', 'place'],
    ],
  },
  {
    name: 'a role noun before a single name makes a person',
    text: 'Students still read the philosopher Okonwell today. Many lecturers admire his essays.',
    has: [['Okonwell', 'person']],
    not: [
      ['Okonwell', 'organisation'],
      ['Okonwell', 'place'],
    ],
  },
  {
    name: 'a possessive before the role noun names a person, not a firm',
    text: 'The novel sold well. She thanked her publisher Dana Morrow in the preface.',
    has: [['Dana Morrow', 'person']],
    not: [['Dana Morrow', 'organisation']],
  },
  {
    name: 'a venue named with its head word is a place',
    text: 'The home side won 3-1 at Greyfield Stadium on Saturday. The coach praised the fans.',
    has: [['Greyfield Stadium', 'place']],
    not: [['Greyfield Stadium', 'organisation']],
  },
  {
    name: 'a county is a place, not a body',
    text: 'The Marlow County sheriff said two suspects were arrested. Deputies searched three houses.',
    has: [['Marlow County', 'place']],
    not: [['Marlow County', 'organisation']],
  },
  {
    name: 'a city before "-based" (hyphen tokenised apart, as corpora write it) is the place where something is',
    text: 'The Leipzig - based research institute revised its forecast. Economists expect slower growth.',
    has: [['Leipzig', 'place']],
    not: [['Leipzig', 'organisation']],
  },
  {
    name: 'a modifier between a name and its head noun still makes a body',
    text: 'The minister told the Varnholt financial newspaper that taxes would rise. Bankers were not surprised.',
    has: [['Varnholt', 'organisation']],
    not: [
      ['Varnholt', 'place'],
      ['Varnholt', 'person'],
    ],
  },
  {
    name: 'a surname before "administration" is the person who leads it',
    text: 'Critics said the Dravecky administration ignored the warnings. The report was published on Friday.',
    has: [['Dravecky', 'person']],
    not: [['Dravecky', 'organisation']],
  },
  {
    name: 'a single name listed among known companies is a company',
    text: 'The venture was founded by Siemens, Quorvane and BMW in 2019. It employs 300 engineers.',
    has: [['Quorvane', 'organisation']],
    not: [
      ['Quorvane', 'person'],
      ['Quorvane', 'place'],
    ],
  },
  {
    name: 'an appositive calling a name a magazine makes it a body',
    text: 'The poll appeared in " Kestrava , " a weekly Riga magazine. Few readers were surprised.',
    has: [['Kestrava', 'organisation']],
    not: [
      ['Kestrava', 'person'],
      ['Kestrava', 'place'],
    ],
  },
  {
    name: 'a party word inside an appositive about a person leaves the person alone',
    text: 'Ilse Varnow , a Left party MP , called for an inquiry. The ministry said it would reply.',
    has: [['Ilse Varnow', 'person']],
    not: [['Ilse Varnow', 'organisation']],
  },
];

describe('kinds from context cues', () => {
  it.each(CASES)('$name', ({ text, has, not }) => {
    const [x] = extract(text);
    const entities = x?.entities ?? [];
    const pairs = entities.map((e) => [e.label, e.kind]);
    for (const want of has) expect(pairs, JSON.stringify(pairs)).toContainEqual(want);
    for (const bad of not ?? []) expect(pairs).not.toContainEqual(bad);
  });
});

describe('Title Case headline fragments', () => {
  it.each([
    {
      name: 'a span running across headline words the body never uses is dropped',
      text: 'Mayor Halvorsen Under Fire Over Harbour Deal\nThe mayor of the port city, Erik Halvorsen, defended the contract on Monday.',
      none: ['Under Fire', 'Harbour Deal'],
    },
    {
      name: 'a headline name the body repeats stays',
      text: 'Talks With Norwell Trust Collapse Again\nNegotiators for Norwell Trust left the meeting early, a spokesman said.',
      has: ['Norwell Trust'],
      none: ['Collapse'],
    },
    {
      name: 'a first sentence of names ending with a full stop is prose, not a headline',
      text: 'Dutch Premier Hendrik Vossen met Polish President Marta Lisowska in Krakow on Monday. Vossen said talks went well.',
      has: ['Hendrik Vossen', 'Marta Lisowska'],
    },
  ])('$name', ({ text, none, has }) => {
    const [x] = extract(text);
    const labels = (x?.entities ?? []).map((e) => e.label);
    // No label holds the headline's wording.
    for (const w of none ?? []) expect(labels.filter((l) => l.includes(w))).toEqual([]);
    for (const l of has ?? []) expect(labels, JSON.stringify(labels)).toContain(l);
  });
});

describe('names of peoples and faiths are no entities', () => {
  it('drops demonym plurals, faiths and movements read as names', () => {
    const [x] = extract(
      'Thousands of Libyans crossed the border on Monday. Shiites and Sunnis prayed together in Basra. Eastern Europeans found work in the farms. A Salafist preacher was arrested.',
    );
    const labels = (x?.entities ?? []).map((e) => e.label);
    for (const l of ['Libyans', 'Shiites', 'Sunnis', 'Eastern Europeans', 'Salafist']) expect(labels).not.toContain(l);
    expect(labels).toContain('Basra');
  });
});

describe("a body's name split at a connector is one name", () => {
  it.each([
    {
      text: 'The rules were set by the Harwick Committee on Grain Supervision last spring. Farmers objected.',
      has: 'Harwick Committee on Grain Supervision',
      none: ['Grain Supervision', 'Harwick Committee'],
    },
    {
      text: 'Anna Kroll, an analyst at the Baltic Council on Foreign Relations in Riga, said prices would rise.',
      has: 'Anna Kroll',
      none: ['Foreign Relations'],
    },
  ])('$has', ({ text, has, none }) => {
    const [x] = extract(text);
    const labels = (x?.entities ?? []).map((e) => e.label);
    expect(labels, JSON.stringify(labels)).toContain(has);
    for (const l of none) expect(labels).not.toContain(l);
  });
});
