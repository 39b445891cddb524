/**
 * A generated news corpus for tests that need many article files (the corpus build, its cache, Ctrl-C): short wire
 * stories written from templates with invented people and bodies and real states and cities, so the extractor finds
 * people, states, organisations, places and relations in them. Deterministic: article i is the same text on every
 * run and machine, and no two of the first `count` articles are alike. No text comes from a data set.
 */
import { seededRandom } from '../../src/util/random.js';

export interface NewsText {
  name: string;
  text: string;
}

const FIRST = [
  'Marta',
  'Tomas',
  'Irena',
  'Oskar',
  'Leila',
  'Pavel',
  'Nadia',
  'Henrik',
  'Sofia',
  'Rafael',
  'Amara',
  'Jonas',
  'Elif',
  'Dario',
  'Greta',
  'Kofi',
];
const LAST = [
  'Vendler',
  'Okafor',
  'Lindqvist',
  'Moravec',
  'Castellanos',
  'Halvorsen',
  'Petrakis',
  'Brandt',
  'Aydin',
  'Navarro',
  'Kovacs',
  'Mensah',
  'Ferreira',
  'Lund',
];
const STATES: Array<[state: string, capital: string]> = [
  ['France', 'Paris'],
  ['Germany', 'Berlin'],
  ['Kenya', 'Nairobi'],
  ['Brazil', 'Brasilia'],
  ['Japan', 'Tokyo'],
  ['Canada', 'Ottawa'],
  ['Poland', 'Warsaw'],
  ['Egypt', 'Cairo'],
  ['Norway', 'Oslo'],
  ['Chile', 'Santiago'],
  ['India', 'New Delhi'],
  ['Spain', 'Madrid'],
];
const ROLES = [
  'Foreign Minister',
  'Finance Minister',
  'Prime Minister',
  'President',
  'Trade Minister',
  'Defence Minister',
];
const BODIES = [
  'the Northern Grain Council',
  'the Coastal Shipping Union',
  'the Federation of River Ports',
  'the Alliance for Clean Steel',
  'the Institute for Water Policy',
  'the Union of Rail Workers',
];
const TOPICS = [
  'grain exports',
  'fishing quotas',
  'steel tariffs',
  'a new rail link',
  'water rights',
  'energy prices',
  'port fees',
  'a carbon levy',
];
const VERBS = ['criticised', 'praised', 'questioned', 'welcomed', 'rejected'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Article `index` of the corpus. */
export function newsArticle(index: number): NewsText {
  const random = seededRandom(0x6e657773 + index * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const [state, capital] = pick(STATES);
  let [other, otherCapital] = pick(STATES);
  if (other === state) [other, otherCapital] = STATES[(STATES.findIndex(([s]) => s === state) + 1) % STATES.length]!;
  const minister = person();
  const counterpart = person();
  const leader = person();
  const body = pick(BODIES);
  const topic = pick(TOPICS);
  const day = pick(DAYS);
  // The dateline's date and the figures make every article of a run distinct even when the picks repeat.
  const month = MONTHS[index % 12]!;
  const date = 1 + (Math.floor(index / 12) % 28);
  const share = 5 + Math.floor(index / 336) + (index % 7) * 3;
  const talks = 2 + (index % 5);
  const headline = `${state} and ${other} ${pick(['clash over', 'agree on', 'resume talks on', 'delay a deal on'])} ${topic}`;
  const lines = [
    headline,
    `${capital.toUpperCase()}, ${month} ${date} (Newswire) - ${state}'s ${pick(ROLES)} ${minister} said on ${day} that ${state} would not accept new limits on ${topic}.`,
    `${minister} met ${counterpart}, the ${pick(ROLES).toLowerCase()} of ${other}, in ${otherCapital} for ${talks} hours of talks.`,
    `"We have waited long enough," ${minister} told reporters after the meeting.`,
    `${body.replace(/^the /, 'The ')} ${pick(VERBS)} the plan, saying it would raise costs by ${share} percent.`,
    `${leader}, who chairs ${body}, said its members in ${capital} and ${otherCapital} would vote on the proposal next month.`,
    `${other} has asked for a review of ${topic} since ${2010 + (index % 14)}.`,
    `Officials in ${otherCapital} declined to comment on ${day}.`,
  ];
  if (index % 3 === 0)
    lines.push(`${counterpart} is expected to visit ${capital} before the end of ${MONTHS[(index + 1) % 12]}.`);
  if (index % 4 === 1)
    lines.push(`${leader} ${pick(['criticised', 'blamed', 'rebuked'])} ${minister} over the handling of ${topic}.`);
  return { name: `generated/${index}`, text: `${lines.join('\n')}\n` };
}

/** The first `count` articles of the corpus. */
export function newsCorpus(count: number): NewsText[] {
  return Array.from({ length: count }, (_, index) => newsArticle(index));
}
