/**
 * A synthetic news corpus for the exploration tests: a few hundred short articles written from templates with
 * invented people, real states and international bodies, over three months. Each person belongs to one state
 * and meets, supports or criticises others, so the built graph has hubs, a long tail, several components and
 * entities with no relation at all (places only mentioned). Deterministic for a given seed.
 *
 * The graph is built from these files by the real pipeline (ingest, extract, graph), so what the tests see is
 * what a reader of such a corpus would see.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/util/random.js';

const FIRST = [
  'Elena',
  'Tomas',
  'Marta',
  'Joao',
  'Ingrid',
  'Pavel',
  'Amara',
  'Kofi',
  'Lucia',
  'Henrik',
  'Nadia',
  'Oskar',
  'Yara',
  'Dmitri',
  'Sofia',
  'Rafael',
  'Leila',
  'Anton',
  'Greta',
  'Milan',
];
const LAST = [
  'Marsh',
  'Reiner',
  'Kovacs',
  'Pereira',
  'Lund',
  'Novak',
  'Okafor',
  'Mensah',
  'Ferreira',
  'Dahl',
  'Haddad',
  'Berg',
  'Salim',
  'Volkov',
  'Rossi',
  'Ortega',
  'Karimi',
  'Weber',
  'Holm',
  'Petrov',
];
const STATES = [
  'Portugal',
  'Germany',
  'Poland',
  'Ghana',
  'Norway',
  'Kenya',
  'Chile',
  'Egypt',
  'Italy',
  'Japan',
  'Canada',
  'Turkey',
];
const BODIES = [
  'European Union',
  'NATO',
  'United Nations',
  'World Trade Organization',
  'African Union',
  'International Monetary Fund',
];
/**
 * A second, separate camp: its people, states, bodies and topics never meet the first's (a second component).
 * Its topics are its own because the extractor links stances to topics, and a shared topic would join the camps.
 */
const CAMP_STATES = ['Iceland', 'Uruguay', 'Nepal'];
const CAMP_BODIES = ['Mercosur', 'Nordic Council'];
const CAMP_TOPICS = ['fishing quotas', 'port fees', 'water rights'];
const CAMP_SIZE = 8;
const ROLES = ['Prime Minister', 'Foreign Minister', 'Finance Minister', 'Defence Minister', 'President'];
const TOPICS = ['grain tariffs', 'energy prices', 'migration rules', 'climate targets', 'arms exports', 'debt relief'];
const CITIES = [
  'Lisbon',
  'Hamburg',
  'Krakow',
  'Accra',
  'Bergen',
  'Mombasa',
  'Valparaiso',
  'Alexandria',
  'Naples',
  'Osaka',
  'Halifax',
  'Izmir',
];
const SOURCES = ['Harbour Times', 'Continental Wire', 'Evening Ledger', 'Northern Post'];

interface CorpusPerson {
  name: string;
  state: string;
  role: string;
  camp: 0 | 1;
}

export interface Corpus {
  dir: string;
  files: string[];
  people: CorpusPerson[];
}

/** Writes `count` articles into `dir` (one .txt file each) and returns their paths. */
export function writeCorpus(dir: string, count = 300, seed = 11): Corpus {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Skewed choice: a few people make most of the news.
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() ** 2)]!;
  const people: CorpusPerson[] = [];
  const used = new Set<string>();
  while (people.length < 40) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    if (used.has(name)) continue;
    used.add(name);
    const camp = people.length >= 40 - CAMP_SIZE ? 1 : 0;
    const states = camp ? CAMP_STATES : STATES;
    people.push({
      name,
      state: states[people.length % states.length]!,
      role: ROLES[people.length % ROLES.length]!,
      camp,
    });
  }
  const mainCamp = people.filter((p) => p.camp === 0);
  const otherCamp = people.filter((p) => p.camp === 1);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const camp = random() < 0.2 ? otherCamp : mainCamp;
    const a = pickSkewed(camp);
    let b = pickSkewed(camp);
    while (b === a) b = pick(camp);
    const body = pick(a.camp ? CAMP_BODIES : BODIES);
    const topic = pick(a.camp ? CAMP_TOPICS : TOPICS);
    const city = pick(CITIES);
    const day = new Date(start + Math.floor(random() * 90) * 86_400_000).toISOString().slice(0, 10);
    const sentences = [
      `${a.role} ${a.name} of ${a.state} met ${b.role} ${b.name} of ${b.state} in ${city} on Monday.`,
      `${a.state} is a member of the ${body}.`,
      random() < 0.5
        ? `${a.name} said ${a.state} supports new ${topic}.`
        : `${a.name} criticised the ${body} over ${topic}.`,
      random() < 0.4
        ? `${b.name} opposes the plan on ${topic}, officials in ${pick(CITIES)} said.`
        : `Crowds gathered in ${pick(CITIES)} as the talks went on.`,
    ];
    // Some articles name a lone person who appears in no relation: the unconnected part of a real corpus.
    if (random() < 0.3) sentences.push(`Observers such as ${pick(FIRST)} ${pick(LAST)}son watched the meeting.`);
    const title = `${a.name} and ${b.name} meet in ${city}`;
    const url = `https://news.example.org/${day}/${i}`;
    const text = `${title}\n\nPublished: ${day}\nSource: ${pick(SOURCES)}\nURL: ${url}\n\n${sentences.join(' ')}\n\n${pick(CITIES)} officials said more talks would follow.\n`;
    const file = join(dir, `article-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return { dir, files, people };
}
