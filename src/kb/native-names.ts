// Spellings of a Latin-script name in other scripts, derived from the transliteration tables
// (data/translit) read backwards: Wikidata's office-holder extract gives English labels only, and
// reports in Arabic, Persian, Hebrew and Russian write these people in their own script.
//
// Each table maps a native letter to a Latin reading; the inverse takes, for each reading, the
// first letter the table lists for it (a language's own letters first: Persian ی ک for fa). A
// Latin letter the table has no reading for is read through its skeleton class (c -> k, w -> v).
// Arabic and Hebrew write long vowels only, so inside a word a, e and o are left out and i, u and
// their long spellings (ee, ou, ei ...) are written as letters; a word's first vowel is written.
// A candidate is kept only when the matcher's own skeleton of it equals the Latin name's: a spelling
// the tables read back differently would never be matched, and could match someone else.
//
// Han is not derived: no table maps Latin or pinyin to characters (cyrillic-chinese.json reads
// Russian spellings of Chinese syllables, not characters), so Chinese names come only from
// hand-written aliases or an entity dump's zh labels (parley kb import --entities).
import { applyRules, translit, type ScriptTable } from '../actors/match/translit.ts';
import { skeletonKey } from '../actors/name-key.ts';
import type { GeneratedEntry } from './build.ts';

export interface NativeTarget {
  /** language whose spelling is derived (its letter overrides are preferred) */
  lang: string;
  /** script table name (data/translit/*.json "script") */
  script: string;
  /** only long vowels are written (abjads) */
  abjad: boolean;
  /** the letters of this language's alphabet, when the table covers several (Cyrillic) */
  letters?: RegExp;
  /** a letter's form at the end of a word (Hebrew final forms) */
  finals?: Record<string, string>;
}

export const NATIVE_TARGETS: NativeTarget[] = [
  { lang: 'ar', script: 'Arabic', abjad: true },
  { lang: 'fa', script: 'Arabic', abjad: true },
  { lang: 'he', script: 'Hebrew', abjad: true, finals: { כ: 'ך', מ: 'ם', נ: 'ן', פ: 'ף', צ: 'ץ' } },
  { lang: 'ru', script: 'Cyrillic', abjad: false, letters: /^[а-яё]+$/u },
];

interface Inverse {
  /** Latin reading -> native letters, longest reading first */
  readings: Array<[string, string]>;
  /** word-initial readings */
  initial: Map<string, string>;
  target: NativeTarget;
}

const VOWELS = /^[aeiouy]+$/;

function invert(table: ScriptTable, target: NativeTarget): Inverse {
  const inv = new Map<string, string>();
  const finalForms = new Set(Object.values(target.finals ?? {}));
  const add = (reading: string, letter: string, prefer = false) => {
    if (!reading || !/^[a-z]+$/.test(reading)) return;
    if (target.letters && !target.letters.test(letter)) return;
    if (finalForms.has(letter)) return; // written at the end of a word only (see word())
    if (prefer || !inv.has(reading)) inv.set(reading, letter);
  };
  for (const [letter, reading] of table.map) add(reading, letter);
  for (const [seq, reading] of table.digraphs) add(reading, seq);
  const own = table.languages.get(target.lang);
  if (own) for (const [letter, reading] of own) if (!letter.startsWith('initial:')) add(reading, letter, false);
  // a language's own letters for readings shared with the common table (Persian ی for i, ک for k)
  if (target.lang === 'fa') {
    for (const [letter, reading] of table.map) if (/[\u06A9\u06CC]/u.test(letter)) add(reading, letter, true);
  }
  // the letters that write long vowels are the ones a word begins with as a consonant (Arabic
  // و w, ي y): a long i or u inside a word is written with them, not with an alef form
  for (const [letter, reading] of table.initial) {
    if (target.letters && !target.letters.test(letter)) continue;
    if (reading === 'y' || reading === 'w' || reading === 'v') {
      const vowel = reading === 'y' ? 'i' : 'u';
      const known = inv.get(vowel);
      if (!known || table.map.get(known) !== vowel || !table.initial.has(known) || (target.lang === 'fa' && /[\u06CC]/u.test(letter))) inv.set(vowel, letter);
    }
  }
  const initial = new Map<string, string>();
  for (const [letter, reading] of table.initial) if (/^[a-z]+$/.test(reading) && !VOWELS.test(reading)) initial.set(reading, letter);
  if (own) for (const [key, reading] of own) if (key.startsWith('initial:') && /^[a-z]+$/.test(reading) && !VOWELS.test(reading)) initial.set(reading, key.slice(8));
  for (const [r, letter] of [...initial]) if (target.letters && !target.letters.test(letter)) initial.delete(r);
  return { readings: [...inv].sort((a, b) => b[0].length - a[0].length), initial, target };
}

let inverses: Map<string, Inverse> | null = null;
function inverseFor(target: NativeTarget): Inverse | null {
  inverses ??= new Map();
  const key = `${target.lang}:${target.script}`;
  if (!inverses.has(key)) {
    const table = translit().scripts.find((s) => s.script === target.script);
    if (!table) return null;
    inverses.set(key, invert(table, target));
  }
  return inverses.get(key)!;
}

function word(latin: string, inv: Inverse): string {
  let out = '';
  let i = 0;
  while (i < latin.length) {
    const rest = latin.slice(i);
    // vowels in an abjad: first vowel of the word written, long ones inside, short ones left out
    const v = rest.match(/^[aeiouy]+/);
    if (v && inv.target.abjad) {
      const run = v[0];
      if (i === 0) out += inv.readings.find(([r]) => r === 'a')?.[1] ?? '';
      if (i > 0 || run.length > 1) {
        const body = i === 0 ? run.slice(1) : run;
        if (/[iy]|ee/.test(body)) out += inv.readings.find(([r]) => r === 'i')?.[1] ?? '';
        else if (/u|oo/.test(body)) out += inv.readings.find(([r]) => r === 'u')?.[1] ?? '';
      }
      i += run.length;
      continue;
    }
    if (i === 0) {
      const init = [...inv.initial].find(([r]) => rest.startsWith(r));
      if (init) {
        out += init[1];
        i += init[0].length;
        continue;
      }
    }
    const hit = inv.readings.find(([r]) => rest.startsWith(r));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
      // doubled consonants are written once
      while (i < latin.length && latin[i] === hit[0].at(-1) && hit[0].length === 1 && !VOWELS.test(latin[i])) i++;
      continue;
    }
    // no reading: a letter whose reading has the same skeleton class (c -> k, w -> v, h -> kh)
    // (read before the next letter, or a vowel: the class of c and a final h depend on it)
    const next = latin[i + 1] && VOWELS.test(latin[i + 1]) ? latin[i + 1] : 'a';
    const cls = applyRules(latin[i] + next, translit().skeleton);
    let alt: [string, string] | undefined;
    if (cls) for (const c of inv.readings) if (!VOWELS.test(c[0]) && applyRules(c[0] + 'a', translit().skeleton) === cls && (!alt || c[0].length < alt[0].length)) alt = c;
    if (alt) out += alt[1];
    i += 1;
  }
  const last = out.at(-1);
  const finals = inv.target.finals;
  if (last && finals?.[last]) out = out.slice(0, -1) + finals[last];
  return out;
}

/** The spelling of a Latin name in a target's script, or null when the tables cannot give one the matcher reads back. */
export function nativeSpelling(name: string, target: NativeTarget): string | null {
  const inv = inverseFor(target);
  if (!inv) return null;
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s\-‐]+/)
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter(Boolean);
  if (!words.length) return null;
  const spelled = words.map((w) => word(w, inv));
  if (spelled.some((w) => !w)) return null;
  const candidate = spelled.join(' ');
  const want = skeletonKey(name);
  return want && skeletonKey(candidate, target.lang) === want ? candidate : null;
}

/** Adds derived spellings to imported people; returns how many were added. `only` picks the people. */
export function addNativeNames(people: GeneratedEntry[], only: (p: GeneratedEntry) => boolean = () => true, targets: NativeTarget[] = NATIVE_TARGETS): number {
  let added = 0;
  for (const p of people) {
    if (!only(p)) continue;
    const aliases = new Set(p.aliases);
    for (const t of targets) {
      const s = nativeSpelling(p.name, t);
      if (s && !aliases.has(s)) {
        aliases.add(s);
        added++;
      }
    }
    p.aliases = [...aliases];
  }
  return added;
}
