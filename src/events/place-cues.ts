// Per-language words of the place mechanisms (data/lang/<lang>/places.json), compiled once per
// language: the nouns that may stand between a locative and a name ("in the Saudi capital
// Riyadh", "بالعاصمة أنقرة"), the clitics joined to them, the cues that make a place the
// destination of a visit or a journey ("during a visit to", "赴", "Kahire'yi ziyaret"), and the
// words that make a country name part of a title ("Mısır lideri").
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_LANG_DIR, type Lexicon } from './lexicon.ts';
import { alternation, phrasePattern, UNSPACED as HAN, WORD_END as E, WORD_START as B } from '../text/word-pattern.ts';

interface PlacesData {
  /** nouns for a place that may stand between a locative and its name: capital, city, palace, airport; `\w` allowed (stems) */
  placeNouns?: string[];
  /** adjectives that may stand beside such a noun: presidential, international */
  placeAdjectives?: string[];
  /** words linking such a noun to the name: "the city of", "la ville de" */
  placeLinks?: string[];
  /** letters joined to the front of a word: conjunctions (و), locative prepositions (ب), articles (ال); beforeNames: the locatives that may be glued to a name */
  proclitics?: { conjunctions?: string[]; locatives?: string[]; articles?: string[]; beforeNames?: string[] };
  /** locatives written without a space before the name (在, 赴): matched at the end of the text before it */
  unspacedLocatives?: string[];
  /** cues right before a place that make it the destination of a journey: "visit to", "landing in", "赴" */
  destinationBefore?: string[];
  /** case endings on a place name that make it the destination or the object of a visit: 'ye, 'yi */
  destinationSuffixes?: string[];
  /** words right after a place (and its ending) that make it a destination: "besucht", "ziyaret" */
  destinationAfter?: string[];
  /** words right after a country name that make it part of a title, not a place: "lideri" */
  titleAfter?: string[];
  /** cues before a place that make it what the talks were about: "about", "regarding", "بشأن" */
  topicCues?: string[];
  /** relative words opening a clause on the forum the trigger's clause names: "la cumbre del G20, que empieza en Río" */
  occasionRelatives?: string[];
  /** nouns right after a place that make it a topic, where a language puts the noun last: "the Taiwan issue", "台湾问题", "Taiwan-Frage" */
  topicAfter?: string[];
  /** relative words of place opening a clause after a place name: "…in Nairobi, where he met" */
  relativeWhere?: string[];
  /** endings of a participle: a located place before one belongs to its clause (Mısır'da ... gelen Sisi) */
  participleEndings?: string[];
}

export interface PlaceCues {
  /** a whole word (clitics removed) that is a place noun */
  noun: RegExp | null;
  adjective: RegExp | null;
  link: RegExp | null;
  conjunctions: string[];
  locativeClitics: string[];
  /** the locative clitics that may be glued to a place name itself (بدولة قطر): "in", not "for" */
  nameClitics: string[];
  articles: string[];
  /** anchored at the end of the text before a name: a locative of an unspaced script, with a place noun or not */
  unspacedBefore: RegExp | null;
  /** anchored at the end of the text before a name */
  destinationBefore: RegExp | null;
  /** anchored at the start of the text after a name: an ending then a cue word, or a cue word alone */
  destinationAfter: RegExp | null;
  /** anchored at the start of the text after a name */
  titleAfter: RegExp | null;
  topicCue: RegExp | null;
  /** anchored at the start of the text after a clause: ", que", ", which" */
  occasionRelative: RegExp | null;
  /** anchored at the start of the text after a name: a topic noun it qualifies ("問題" right after, " issue" after a space, "-Frage" after a hyphen) */
  topicAfter: RegExp | null;
  /** anchored at the start of the text after a place name: ", where" */
  relativeAfter: RegExp | null;
  /** a word that ends as a participle (whole word) */
  participle: RegExp | null;
}

const list = alternation;

export function compilePlaceCues(data: PlacesData): PlaceCues {
  const nouns = list(data.placeNouns);
  const adjectives = list(data.placeAdjectives);
  const links = list(data.placeLinks);
  const spaced = (l: string[] | undefined): string[] => (l ?? []).filter((w) => !HAN.test(w));
  const unspaced = (l: string[] | undefined): string[] => (l ?? []).filter((w) => HAN.test(w));
  const before = list(spaced(data.destinationBefore));
  // "arrivée plus tôt dans la journée à Ankara", "Besuch am Mittwoch in Ankara": up to five
  // words (a time, an adjective) between a cue's head and its preposition, none opening a topic
  // ("Besuch über die Lage in Gaza": what was talked about)
  const topics = list(data.topicCues);
  const gapWord = `\\s+${topics ? `(?!(?:${topics})${E})` : ''}[^\\s.,;:!?()«»"“”]+`;
  const gapped = spaced(data.destinationBefore)
    .map((p) => p.trim().split(/\s+/))
    .filter((w) => w.length >= 2 && !w.some((x) => /\\w|\[|\(\?|\\p/.test(x)))
    .map((w) => `${phrasePattern(w.slice(0, -1).join(' '))}(?:${gapWord}){1,5}?\\s+${phrasePattern(w[w.length - 1])}`)
    .join('|');
  // the proclitics a cue's first word may carry: "ووصل إلى" (and he arrived in), "בביקור ב"
  const pro = data.proclitics;
  const clitics = [pro?.conjunctions, pro?.locatives, pro?.articles].map((l) => (l?.length ? `(?:${list(l)})?` : '')).join('');
  const beforeHan = list(unspaced(data.destinationBefore));
  const hanLoc = list(data.unspacedLocatives);
  const hanNouns = list(unspaced(data.placeNouns));
  const suffixes = list(data.destinationSuffixes);
  const after = list(data.destinationAfter);
  const title = list(spaced(data.titleAfter));
  const titleHan = list(unspaced(data.titleAfter));
  const topic = list(spaced(data.topicAfter));
  const topicHan = list(unspaced(data.topicAfter));
  const sortDesc = (l: string[] | undefined): string[] => [...(l ?? [])].sort((a, b) => b.length - a.length);
  return {
    noun: nouns ? new RegExp(`^(?:${nouns})$`, 'iu') : null,
    adjective: adjectives ? new RegExp(`^(?:${adjectives})$`, 'iu') : null,
    link: links ? new RegExp(`^(?:${links})$`, 'iu') : null,
    conjunctions: sortDesc(data.proclitics?.conjunctions),
    locativeClitics: sortDesc(data.proclitics?.locatives),
    nameClitics: sortDesc(data.proclitics?.beforeNames),
    articles: sortDesc(data.proclitics?.articles),
    unspacedBefore: hanLoc ? new RegExp(`(?:${hanLoc})(?:${hanNouns ?? '(?!)'})?$`, 'u') : null,
    destinationBefore:
      before || beforeHan
        ? new RegExp([...(before ? [`${B}${clitics}(?:${before})[\\s,]*$`] : []), ...(gapped ? [`${B}${clitics}(?:${gapped})\\s*$`] : []), ...(beforeHan ? [`(?:${beforeHan})$`] : [])].join('|'), 'iu')
        : null,
    destinationAfter: after ? new RegExp(`^(?:${suffixes ?? '(?!)'})?\\s*(?:${after})`, 'iu') : null,
    // "Mısır lideri", "Egypt's President", "埃及总统" (no space before a Han title)
    titleAfter:
      title || titleHan
        ? new RegExp(`^(?:['’]\\p{L}{1,3})?(?:${[...(title ? [`\\s+(?:${title})${E}`] : []), ...(titleHan ? [`(?:${titleHan})`] : [])].join('|')})`, 'iu')
        : null,
    occasionRelative: data.occasionRelatives?.length ? new RegExp(`^[\\s,]*(?:${list(data.occasionRelatives)})${E}`, 'iu') : null,
    topicAfter:
      topic || topicHan
        ? new RegExp(`^(?:${[...(topic ? [`[\\s-]+(?:${topic})${E}`] : []), ...(topicHan ? [`(?:${topicHan})`] : [])].join('|')})`, 'iu')
        : null,
    topicCue: data.topicCues?.length ? new RegExp(`${B}(?:${list(data.topicCues)})${E}`, 'iu') : null,
    relativeAfter: data.relativeWhere?.length ? new RegExp(`^\\s*,?\\s*(?:${list(data.relativeWhere)})${E}`, 'iu') : null,
    participle: data.participleEndings?.length ? new RegExp(`\\p{L}{2,}(?:${list(data.participleEndings)})$`, 'iu') : null,
  };
}

const NONE: PlaceCues = compilePlaceCues({});
const cache = new Map<string, PlaceCues>();

/** The place cues of a lexicon's language, read once; none when the language has no places.json. */
export function placeCues(lex: Lexicon, dir: string = DEFAULT_LANG_DIR): PlaceCues {
  const key = `${dir}\u0000${lex.lang}`;
  let cues = cache.get(key);
  if (!cues) {
    const path = `${dir.replace(/\/?$/, '/')}${lex.lang}/places.json`;
    cues = NONE;
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lex.lang) && existsSync(path)) {
      try {
        cues = compilePlaceCues(JSON.parse(readFileSync(path, 'utf8')) as PlacesData);
      } catch (e) {
        throw new Error(`place words ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(key, cues);
  }
  return cues;
}

/**
 * A word read through its proclitics: "وبالعاصمة" is a conjunction, the locative ب, the article
 * and "عاصمة". `locative` tells whether a locative clitic was joined; `core` is what is left.
 */
export function readClitics(word: string, cues: PlaceCues): { locative: boolean; core: string } {
  let w = word;
  const strip = (list: string[]): boolean => {
    for (const c of list) if (w.length > c.length + 1 && w.startsWith(c)) {
      w = w.slice(c.length);
      return true;
    }
    return false;
  };
  strip(cues.conjunctions);
  const locative = strip(cues.locativeClitics);
  strip(cues.articles);
  return { locative, core: w };
}
