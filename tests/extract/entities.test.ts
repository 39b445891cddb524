import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/extract/analyse.js';
import type { DocAnalysis } from '../../src/extract/types.js';

/** The entity ids of every mention whose text is `surface`. */
function idsOf(doc: DocAnalysis, surface: string): string[] {
  return doc.mentions.filter((m) => m.text === surface).map((m) => m.entityId);
}

function entity(doc: DocAnalysis, id: string) {
  const e = doc.entities.get(id);
  if (!e) throw new Error(`no entity ${id}; have ${[...doc.entities.keys()].join(', ')}`);
  return e;
}

describe('resolution within an article', () => {
  it('resolves a surname to the full name seen earlier', () => {
    const doc = analyse('German Chancellor Olaf Scholz arrived in Paris on Monday. Scholz said the talks were useful.');
    expect(idsOf(doc, 'Olaf Scholz')).toEqual(['person:olaf-scholz']);
    expect(idsOf(doc, 'Scholz')).toEqual(['person:olaf-scholz']);
    expect(entity(doc, 'person:olaf-scholz').aliases).toContain('Scholz');
  });

  it('reads demonyms as their state', () => {
    const doc = analyse('Turkish officials met Iranian diplomats in Ankara on Friday.');
    expect(idsOf(doc, 'Turkish')).toEqual(['state:turkey']);
    expect(idsOf(doc, 'Iranian')).toEqual(['state:iran']);
  });

  it('keeps a demonym inside a body name as part of that body', () => {
    const doc = analyse('The Turkish Security Council met on Tuesday to discuss the border.');
    expect(idsOf(doc, 'Turkish Security Council')).toEqual(['organisation:turkish-security-council']);
    expect(idsOf(doc, 'Turkish')).toEqual([]);
  });

  it('reads a capital as its state when it acts, and as a place when it locates', () => {
    const doc = analyse(
      'Talks between Moscow and Kyiv stalled again. Later the delegation arrived in Moscow for more talks. Ankara rejected the offer.',
    );
    const moscow = doc.mentions.filter((m) => m.text === 'Moscow').map((m) => m.entityId);
    expect(moscow).toEqual(['state:russia', 'place:moscow']);
    expect(idsOf(doc, 'Kyiv')).toEqual(['state:ukraine']);
    expect(idsOf(doc, 'Ankara')).toEqual(['state:turkey']);
  });

  it.each([
    ["Beijing's response was swift.", 'state:china'],
    ['Sanctions were urged by Tokyo.', 'state:japan'],
    ['The Tokyo subway was closed.', 'place:tokyo'],
    ['Protests spread from Tokyo to Osaka.', 'place:tokyo'],
  ])('capital in "%s" -> %s', (text, id) => {
    const doc = analyse(text, { tag: (s) => s.map(() => []) });
    expect(doc.mentions[0]?.entityId).toBe(id);
  });

  it('joins US, U.S., America and the United States in one node', () => {
    const doc = analyse(
      'The US imposed tariffs. U.S. officials said America would not back down, and the United States later eased them.',
    );
    for (const s of ['US', 'U.S.', 'America', 'United States']) expect(idsOf(doc, s)).toEqual(['state:united-states']);
    expect(entity(doc, 'state:united-states').label).toBe('United States');
  });

  it('joins an acronym defined in the text with its expansion', () => {
    const doc = analyse(
      'The Collective Security Treaty Organization (CSTO) met in Minsk. Later the CSTO issued a statement.',
    );
    expect(new Set(idsOf(doc, 'CSTO'))).toEqual(new Set(['organisation:collective-security-treaty-organization']));
    expect(idsOf(doc, 'Collective Security Treaty Organization')).toEqual([
      'organisation:collective-security-treaty-organization',
    ]);
  });

  it('joins a known acronym and its expansion without a definition in the text', () => {
    const doc = analyse(
      'Leaders of the Association of Southeast Asian Nations gathered in Jakarta. ASEAN then issued a statement.',
    );
    expect(idsOf(doc, 'ASEAN')).toEqual(idsOf(doc, 'Association of Southeast Asian Nations'));
  });

  it('reads "the Security Council" after a UN mention as the UN body, and a national council as another body', () => {
    const doc = analyse(
      'The Turkish Security Council met in the morning. At the UN, the Security Council discussed the ceasefire.',
    );
    expect(idsOf(doc, 'Turkish Security Council')).toEqual(['organisation:turkish-security-council']);
    expect(idsOf(doc, 'Security Council')).toEqual(['organisation:united-nations-security-council']);
  });

  it('strips titles from names and keeps them as roles', () => {
    const doc = analyse(
      'French President Emmanuel Macron spoke first. Sergei Lavrov, Foreign Minister of Russia, replied.',
    );
    const macron = doc.mentions.find((m) => m.text === 'Emmanuel Macron');
    expect(macron?.entityId).toBe('person:emmanuel-macron');
    expect(macron?.roles?.map((r) => [r.title, r.of])).toEqual([['President', 'state:france']]);
    const lavrov = doc.mentions.find((m) => m.text === 'Sergei Lavrov');
    expect(lavrov?.roles?.map((r) => [r.title, r.of])).toEqual([['Foreign Minister', 'state:russia']]);
    expect([...doc.entities.values()].some((e) => /President|Minister/.test(e.label))).toBe(false);
  });

  it('gives a body-and-state role to a title inside a national body name', () => {
    const doc = analyse('Turkish Security Council Secretary Ahmet Yilmaz met the envoy.');
    const person = doc.mentions.find((m) => m.entityId === 'person:ahmet-yilmaz');
    expect(person?.roles?.map((r) => [r.title, r.of])).toEqual([
      ['Secretary', 'organisation:turkish-security-council'],
      ['Security Council Secretary', 'state:turkey'],
    ]);
  });

  it('reads seats of power as government bodies, and the leader named before one as a person', () => {
    const doc = analyse('Critics of the Obama White House said the Kremlin and Downing Street had not been consulted.');
    expect(idsOf(doc, 'White House')).toEqual(['organisation:white-house']);
    expect(idsOf(doc, 'Obama')).toEqual(['person:obama']);
    expect(idsOf(doc, 'Kremlin')).toEqual(['organisation:kremlin']);
    expect(idsOf(doc, 'Downing Street')).toEqual(['organisation:downing-street']);
  });

  it.each([
    ['Lyon officials said the tram line was safe.', 'Lyon'],
    ['Sacramento officials said rain was expected on Sunday.', 'Sacramento'],
    ['Rotterdam authorities said the port would reopen.', 'Rotterdam'],
    ['Nantes residents said the noise kept them awake.', 'Nantes'],
    ['Officials in Denver said the fire was contained.', 'Denver'],
  ])('reads the city before its officials or residents as a place, not a body: %s', (text, city) => {
    const doc = analyse(text);
    const ids = idsOf(doc, city);
    expect(ids.length).toBe(1);
    expect(ids[0]).toMatch(/^place:/);
    expect([...doc.entities.values()].filter((e) => e.kind === 'organisation')).toEqual([]);
  });

  it('reads "the West" as a bloc but not West as part of a place name', () => {
    const doc = analyse('Sanctions by the West hit exports from the West Bank.');
    expect(idsOf(doc, 'West')).toEqual(['state:west']);
  });

  it('trims possessives from mentions', () => {
    const doc = analyse("Germany's exports rose while France’s fell.");
    expect(idsOf(doc, 'Germany')).toEqual(['state:germany']);
    expect(idsOf(doc, 'France')).toEqual(['state:france']);
  });

  it('treats a dependent territory as a place, not a state', () => {
    const doc = analyse('Protests in Hong Kong continued.');
    expect(idsOf(doc, 'Hong Kong')).toEqual(['place:hong-kong']);
  });

  it.each([
    ['The minister resigned on Friday. ab/cd (Reuters, AFP, dpa)', 'Reuters'],
    ['The minister resigned on Friday. Author: Maria Lopez Editor: Tom Green', 'Maria Lopez'],
    ['The minister resigned on Friday." xy/AFP/dpa Editor: Tom Green', 'Tom Green'],
  ])('skips the closing credits: %s', (text, name) => {
    const doc = analyse(text);
    expect(doc.mentions.map((m) => m.text)).not.toContain(name);
    expect(doc.mentions.map((m) => m.text)).not.toContain('AFP');
  });

  it('reads a shared demonym as the sovereign state, not a territory', () => {
    const doc = analyse('French and American diplomats met.');
    expect(idsOf(doc, 'French')).toEqual(['state:france']);
    expect(idsOf(doc, 'American')).toEqual(['state:united-states']);
  });

  it('knows seas and regions as places', () => {
    const doc = analyse('Migrants crossed the Mediterranean from North Africa.', { tag: (s) => s.map(() => []) });
    expect(idsOf(doc, 'Mediterranean')).toEqual(['place:mediterranean']);
    expect(idsOf(doc, 'North Africa')).toEqual(['place:north-africa']);
  });
});

describe('topics', () => {
  const topics = (doc: DocAnalysis) =>
    [...doc.entities.values()]
      .filter((e) => e.kind === 'topic')
      .map((e) => e.label)
      .sort();

  it('finds issues after cues, quoted terms and state crises, and nothing else', () => {
    const doc = analyse(
      'The ministers discussed cooperation in the field of nuclear non-proliferation. They defended the so-called ‘liberal international order’ and warned about the Syrian crisis. The weather was cold and the hotel was full.',
    );
    expect(topics(doc)).toEqual(['Syria crisis', 'liberal international order', 'nuclear non-proliferation']);
  });

  it('joins an underspecified phrase to the nearest specific one with the same head', () => {
    const doc = analyse(
      'Both sides seek to build a new world order. They want to create a multipolar order without blocs.',
    );
    const topicMentions = doc.mentions.filter((m) => doc.entities.get(m.entityId)?.kind === 'topic');
    expect(topicMentions.map((m) => m.text)).toEqual(['new world order', 'multipolar order']);
    expect(new Set(topicMentions.map((m) => m.entityId))).toEqual(new Set(['topic:multipolar-order']));
  });

  it('makes names after "the issue of" topics when nothing else typed them', () => {
    // Names no gazetteer knows (the regions' names would be placed by the data before any cue).
    const text = 'They talked about the issues of Varnost and Kelmira.';
    // No tagger spans: the cue alone makes them topics.
    expect(topics(analyse(text, { tag: (sentences) => sentences.map(() => []) }))).toEqual(['Kelmira', 'Varnost']);
    // Spans the tagger typed as locations stay places.
    const tagged = analyse(text, {
      tag: () => [
        [
          { start: 6, end: 7, label: 'LOC', score: 0.9 },
          { start: 8, end: 9, label: 'LOC', score: 0.9 },
        ],
      ],
    });
    expect(topics(tagged)).toEqual([]);
    expect([...tagged.entities.keys()].sort()).toEqual(['place:kelmira', 'place:varnost']);
  });

  it('retypes a lone "person" coordinated with places as a place', () => {
    const text = 'Floods hit Gansu, Tibet, Qinghai and Sichuan.';
    const doc = analyse(text, {
      tag: () => [
        [
          { start: 2, end: 3, label: 'LOC', score: 0.9 },
          { start: 4, end: 5, label: 'LOC', score: 0.9 },
          { start: 6, end: 7, label: 'PER', score: 0.6 },
          { start: 8, end: 9, label: 'LOC', score: 0.9 },
        ],
      ],
    });
    expect(doc.mentions.find((m) => m.text === 'Qinghai')?.entityId).toBe('place:qinghai');
  });

  it('splits a tagged span "Body CEO Name" into the body and the person, keeping the title as a role', () => {
    const doc = analyse('Acme CEO Jane Porter resigned.', {
      tag: () => [[{ start: 0, end: 4, label: 'PER', score: 0.7 }]],
    });
    const person = doc.mentions.find((m) => m.entityId === 'person:jane-porter');
    expect(person?.roles?.map((r) => [r.title, r.of])).toEqual([['CEO', 'organisation:acme']]);
    expect(doc.entities.get('organisation:acme')?.kind).toBe('organisation');
  });

  it('finds the body named before a title when the tagger left it untagged', () => {
    const doc = analyse('Iranian Expediency Council Secretary Ali Rezaei spoke.', {
      tag: () => [
        [
          { start: 0, end: 1, label: 'MISC', score: 0.9 },
          { start: 4, end: 6, label: 'PER', score: 0.9 },
        ],
      ],
    });
    const body = doc.mentions.find((m) => m.text === 'Expediency Council');
    expect(body?.entityId).toBe('organisation:iranian-expediency-council');
    expect(doc.mentions.find((m) => m.text === 'Iranian')?.entityId).toBe('state:iran');
    const person = doc.mentions.find((m) => m.text === 'Ali Rezaei');
    expect(person?.roles?.map((r) => [r.title, r.of])).toEqual([
      ['Secretary', 'organisation:iranian-expediency-council'],
      ['Expediency Council Secretary', 'state:iran'],
    ]);
  });

  it('does not read a compound of two state names as one place', () => {
    const doc = analyse('India-Pakistan talks resumed.', {
      tag: () => [[{ start: 0, end: 1, label: 'LOC', score: 0.8 }]],
    });
    expect(doc.mentions).toEqual([]);
  });

  it('splits a tagger span "Leader Seat" into the leader and the seat of power', () => {
    const doc = analyse('Aides in the Carter White House disagreed.', {
      tag: () => [[{ start: 3, end: 6, label: 'ORG', score: 0.8 }]],
    });
    expect(doc.mentions.map((m) => [m.text, m.entityId])).toEqual([
      ['Carter', 'person:carter'],
      ['White House', 'organisation:white-house'],
    ]);
  });
});
