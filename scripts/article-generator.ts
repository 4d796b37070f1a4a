// News-like generated articles (300-800 words: headline, date line, dateline lead, filler
// paragraphs) for the benchmarks (scripts/bench.ts, scripts/bench-jsonl.ts); deterministic for a seed.

import { prng } from './prng.ts';

export function seedArticles(seed: number): void {
  random = prng(seed);
}

let random = prng(1);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const LEADERS = [
  ['President', 'Joe Biden', 'United States'], ['President', 'Xi Jinping', 'China'], ['President', 'Vladimir Putin', 'Russia'],
  ['President', 'Emmanuel Macron', 'France'], ['Chancellor', 'Olaf Scholz', 'Germany'], ['Prime Minister', 'Narendra Modi', 'India'],
  ['Prime Minister', 'Fumio Kishida', 'Japan'], ['President', 'Recep Tayyip Erdogan', 'Turkey'], ['President', 'Luiz Inacio Lula da Silva', 'Brazil'],
  ['Prime Minister', 'Giorgia Meloni', 'Italy'], ['President', 'Cyril Ramaphosa', 'South Africa'], ['Prime Minister', 'Justin Trudeau', 'Canada'],
  ['President', 'Volodymyr Zelensky', 'Ukraine'], ['Prime Minister', 'Pedro Sanchez', 'Spain'], ['President', 'Yoon Suk Yeol', 'South Korea'],
  ['Prime Minister', 'Anthony Albanese', 'Australia'], ['President', 'Andres Manuel Lopez Obrador', 'Mexico'], ['Emir', 'Tamim bin Hamad Al Thani', 'Qatar'],
  ['Foreign Minister', 'Sergei Lavrov', 'Russia'], ['Secretary of State', 'Antony Blinken', 'United States'], ['Foreign Minister', 'Wang Yi', 'China'],
  ['Foreign Minister', 'Annalena Baerbock', 'Germany'], ['Foreign Minister', 'Subrahmanyam Jaishankar', 'India'], ['Foreign Minister', 'Hakan Fidan', 'Turkey'],
] as const;
const PLACES = ['Moscow', 'Beijing', 'Washington', 'Paris', 'Berlin', 'New Delhi', 'Tokyo', 'Ankara', 'Brasilia', 'Rome', 'Pretoria', 'Ottawa',
  'Kyiv', 'Madrid', 'Seoul', 'Canberra', 'Mexico City', 'Doha', 'Geneva', 'Vienna', 'Jakarta', 'Nairobi', 'Riyadh', 'Abu Dhabi'];
const TOPICS = ['trade', 'energy security', 'climate finance', 'the war in Ukraine', 'regional security', 'food supplies', 'debt relief',
  'investment in infrastructure', 'migration', 'nuclear non-proliferation', 'technology export controls', 'public health cooperation'];
const OUTLETS = ['Reuters', 'AFP', 'AP', 'Xinhua', 'TASS', 'dpa', 'Anadolu', 'Kyodo', 'EFE', 'ANSA'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HEADLINES = [
  (a: string, b: string, p: string) => `${a} and ${b} hold talks in ${p}`,
  (a: string, b: string) => `${a} meets ${b} amid push on ${pick(TOPICS)}`,
  (a: string, b: string) => `${a}, ${b} discuss ${pick(TOPICS)} by phone`,
  (a: string, _b: string, p: string) => `${a} arrives in ${p} for official visit`,
];
const LEADS = [
  (t: string, a: string, t2: string, b: string, p: string, d: string) => `${t} ${a} met ${t2} ${b} in ${p} on ${d}, officials said.`,
  (t: string, a: string, t2: string, b: string, p: string, d: string) => `${t} ${a} held talks with ${t2} ${b} on ${d} during a visit to ${p}.`,
  (t: string, a: string, t2: string, b: string, _p: string, d: string) => `${t} ${a} spoke by telephone with ${t2} ${b} on ${d}, according to a statement.`,
  (t: string, a: string, t2: string, b: string, p: string, d: string) => `${t2} ${b} received ${t} ${a} in ${p} on ${d} for talks that lasted several hours.`,
];
const FILLER = [
  'The two sides exchanged views on {topic} and agreed to continue consultations at the level of ministers.',
  'According to a readout published after the meeting, the leaders also discussed {topic} and {topic2}.',
  'Analysts said the talks reflected a broader effort to manage differences over {topic} while keeping channels open.',
  'A joint statement is expected to be released later this week, officials in {place} said.',
  'Trade between the two countries has grown steadily over the past decade, though disputes over {topic} persist.',
  'The meeting came days before a regional summit at which {topic} is expected to dominate the agenda.',
  'Opposition politicians criticised the visit, arguing that it offered little progress on {topic}.',
  'Officials declined to give details of the discussions, saying only that they were frank and constructive.',
  'Delegations from both governments met separately to prepare agreements on {topic2} and {topic}.',
  'Security was tight in the centre of {place}, where several roads were closed to traffic for the day.',
  'The spokesperson said further meetings would be held in the coming months to follow up on {topic}.',
  'Markets reacted calmly to the news, with investors focused instead on figures for inflation and growth.',
];

function paragraph(place: string): string {
  const sentences: string[] = [];
  const count = 3 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    sentences.push(pick(FILLER).replace('{topic}', pick(TOPICS)).replace('{topic2}', pick(TOPICS)).replace('{place}', place));
  }
  return sentences.join(' ');
}

// Many articles may report the same meetings (several outlets, several days): with `retell`
// set, that share of the articles retells a meeting already generated, so merging has work to do.
interface Meeting {
  a: (typeof LEADERS)[number];
  b: (typeof LEADERS)[number];
  place: string;
  year: number;
  month: number;
  day: number;
}
const meetings: Meeting[] = [];

/** How many distinct meetings the articles generated so far (with `retell`) report. */
export function meetingsGenerated(): number {
  return meetings.length;
}

function meeting(retell: number): Meeting {
  if (meetings.length > 0 && random() < retell) return pick(meetings);
  let a = pick(LEADERS);
  let b = pick(LEADERS);
  while (b[1] === a[1]) b = pick(LEADERS);
  const m = { a, b, place: pick(PLACES), year: 2019 + Math.floor(random() * 6), month: Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) };
  if (retell > 0) meetings.push(m);
  return m;
}

// With `varied`, some articles tell a meeting less completely, as real ones do: no date at all
// (no date line, no day in the text), a third leader at the table, or a call with no place.
const VARIED_LEADS = [
  (t: string, a: string, t2: string, b: string, p: string) => `${t} ${a} met ${t2} ${b} in ${p}, officials said.`,
  (t: string, a: string, t2: string, b: string, p: string, d: string, c: (typeof LEADERS)[number]) =>
    `${t} ${a} met ${t2} ${b} and ${c[0]} ${c[1]} in ${p} on ${d}, officials said.`,
  (t: string, a: string, t2: string, b: string, _p: string, d: string) => `${t} ${a} spoke by telephone with ${t2} ${b} on ${d}.`,
];

/**
 * One article; `retell` is the chance it reports a meeting an earlier article reported, and
 * `varied` the chance it tells it in one of the less complete ways above.
 */
export function article(options: { retell?: number; varied?: number } = {}): string {
  const retell = options.retell ?? 0;
  const { a, b, place, year, month, day } = meeting(retell);
  const date = new Date(Date.UTC(year, month, day));
  const published = new Date(date.getTime() + 86_400_000 * (retell > 0 ? 1 + Math.floor(random() * 2) : 1));
  const when = random() < 0.5 ? `${day} ${MONTHS[month]} ${year}` : WEEKDAYS[date.getUTCDay()];
  const words = 300 + Math.floor(random() * 500);
  const form = options.varied && random() < options.varied ? Math.floor(random() * VARIED_LEADS.length) : -1;
  let third = pick(LEADERS);
  while (third[1] === a[1] || third[1] === b[1]) third = pick(LEADERS);
  const lead = form < 0 ? pick(LEADS)(a[0], a[1], b[0], b[1], place, when) : VARIED_LEADS[form](a[0], a[1], b[0], b[1], place, `${day} ${MONTHS[month]} ${year}`, third);
  const parts = [
    form === 0 ? `${a[1]} meets ${b[1]}` : pick(HEADLINES)(a[1], b[1], place),
    form === 0 ? '' : published.toISOString().slice(0, 10),
    '',
    `${form === 0 ? place.toUpperCase() : `${place.toUpperCase()} (${pick(OUTLETS)})`} - ${lead}`,
  ];
  let count = parts.join(' ').split(/\s+/).length;
  while (count < words) {
    const p = paragraph(place);
    parts.push('', p);
    count += p.split(/\s+/).length;
  }
  return parts.join('\n') + '\n';
}
