// The vocabulary every stage speaks. Offsets are half-open UTF-16 indices (JavaScript string
// indices) into Document.text, which no stage ever rewrites. A value the text does not contain
// (a date inferred from the publication date) carries no span.

export interface Span {
  start: number;
  end: number;
}

/** ISO 639-1 code ("en", "fr", ...) or "und" when unknown. */
export type LanguageCode = string;

/** A calendar value with the precision the text gives: "2024", "2024-04" or "2024-04-20". */
export interface PartialDate {
  value: string;
  precision: 'year' | 'month' | 'day';
}

export interface DocumentSource {
  /** Path of the file it was read from, when read from a file. */
  path?: string;
  url?: string;
  /** The markup the text was extracted from (HTML pages), with the way back to it. */
  raw?: RawSource;
}

/**
 * Text offset -> raw offset: [textStart, textEnd, rawStart, rawEnd], sorted by textStart. Where
 * both lengths are equal the segment maps character by character; otherwise (a decoded entity,
 * collapsed whitespace) the whole raw range stands for the whole text range.
 */
export type OffsetSegment = [number, number, number, number];

export interface RawSource {
  /** "text/html" */
  contentType: string;
  /** The raw markup as read (decoded to a string): untrusted, never to be rendered as markup. */
  content: string;
  map: OffsetSegment[];
}

/** What arrives with a document from its reader (file, feed, bulk row): hints, not findings. */
export interface DocumentMeta {
  title?: string | null;
  /** ISO date or date-time the source gives (feed item date, page metadata, bulk column). */
  published?: string | null;
  /** The outlet that published it: ingestion metadata, `--outlet`, or the file's folder. */
  outlet?: string | null;
  language?: LanguageCode | null;
  /** Canonical address of the article, when known. */
  url?: string | null;
  author?: string | null;
}

export interface Document {
  /** File name without extension, or the id the bulk source gives. */
  id: string;
  /** sha256 hex of the text: the same text twice is one document. */
  hash: string;
  text: string;
  source: DocumentSource;
  meta: DocumentMeta;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found while processing one input; collected, never thrown. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** The file or input it concerns. */
  file?: string;
  docId?: string;
  span?: Span;
}

// ---------------------------------------------------------------- text stage

export type NoiseKind =
  | 'widget' // share / listen / subscribe / audio-version lines
  | 'error-banner' // "Error! Error occured!"
  | 'comments' // comment sections
  | 'repeated-title' // the title printed again
  | 'caption' // photo captions and credits
  | 'related' // related-article lists
  | 'trailer' // a trailing unrelated item or page furniture after the article
  | 'boilerplate'; // ids, captchas, bylines of agencies, ad lines

export interface NoiseRange extends Span {
  kind: NoiseKind;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the paragraph (block of text between blank lines / line breaks) it lies in. */
  paragraph: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  kind: TokenKind;
}

export interface TextAnalysis {
  language: LanguageCode;
  /** The title line, when the text has one. */
  title: Span | null;
  /** The publication date the text itself states (a dateline), with the words that state it. */
  published: (PartialDate & { span: Span }) | null;
  noise: NoiseRange[];
  /** Sentences outside noise ranges, in text order. */
  sentences: Sentence[];
  tokens: Token[];
}

// ---------------------------------------------------------------- actors

export type ActorKind = 'person' | 'organization' | 'place';

export type PlaceType = 'country' | 'region' | 'city' | 'venue';

/** A role held over a period: "secretary-general" of "hezbollah" from 1992 to 2024-09-27. */
export interface Role {
  /** A key from data/kb/ROLES.md: president, prime-minister, foreign-minister, secretary-general, ... */
  role: string;
  /** Actor id of the country or organization, when the role is of one. */
  of?: string;
  /** Inclusive start, YYYY or YYYY-MM or YYYY-MM-DD. */
  from?: string;
  /** Inclusive end, or null/absent while held. */
  to?: string | null;
}

/** One knowledge-base record, as shipped in data/kb/. */
export interface KbEntry {
  id: string;
  kind: ActorKind;
  /** Canonical name: the most common English (Wikipedia) form. */
  name: string;
  /** Other spellings, transliterations, short forms, names in other languages and scripts. */
  aliases: string[];
  /** Places: country, region, city or venue. Organizations: free type (party, movement, igo, ...). */
  type?: string;
  /** Actor id of the country a person or organization belongs to. */
  country?: string;
  /** Places: actor id of the place this one lies within. */
  within?: string;
  /** Countries: actor id of the capital. */
  capital?: string;
  /** Countries (and some organizations): adjectives and nouns for its people, in many languages. */
  demonyms?: string[];
  roles?: Role[];
  /**
   * News media: short names read as this source only right beside a cue of attribution
   * ("according to Mehr", "SPA reported"), being common words or other names elsewhere.
   */
  citedAs?: string[];
}

export type MentionVia =
  | 'alias' // the knowledge base knows this name
  | 'shape' // an unknown name found from its shape and cues
  | 'surname' // a short form of a name already mentioned in the document
  | 'title' // "the Hezbollah chief", "the Iranian foreign minister"
  | 'demonym' // "the Lebanese capital"
  | 'pronoun' // "he", "she"
  | 'plural'; // "the two leaders"

export interface Mention extends Span {
  /** Actor ids this mention refers to (several for plural references). */
  actorIds: string[];
  kind: ActorKind;
  via: MentionVia;
}

/** An actor as seen in one document (from the knowledge base or newly found). */
export interface DocActor {
  id: string;
  kind: ActorKind;
  name: string;
  /** Spellings used for it in this document. */
  aliases: string[];
  fromKb: boolean;
  /** Places: how specific the place is, when known (lets merged events prefer the most specific). */
  placeType?: PlaceType;
  /** Places: the places it lies within, nearest first (Beirut -> ["lebanon"]), from the knowledge base. */
  within?: string[];
  /** People found by their shape: the role the document gives them ("Pedro Sánchez, presidente de España"). */
  role?: Role;
}

// ---------------------------------------------------------------- events

export type EventMode = 'meet' | 'visit' | 'host' | 'phone' | 'video';

export interface ParticipantEvidence {
  actorId: string;
  /** The mentions in the text that name this participant for this report. */
  spans: Span[];
}

/** One document's account of one event: what that report says, with the words that say it. */
export interface EventReport {
  /** Hash of doc id and trigger offsets: stable across re-runs. */
  id: string;
  docId: string;
  type: 'CONSULT';
  mode: EventMode;
  trigger: Span;
  /** Sentences that describe the event (at least the trigger's). */
  evidence: Span[];
  participants: ParticipantEvidence[];
  /** Day the event happened, null when unknown; span null when inferred (weekday vs published). */
  date: { value: string; span: Span | null } | null;
  /** Place actor id, with the words that name it. */
  place: { actorId: string; span: Span } | null;
}

/** Everything the pipeline finds in one document. */
export interface DocumentAnalysis {
  document: Document;
  text: TextAnalysis;
  actors: DocActor[];
  mentions: Mention[];
  reports: EventReport[];
  /** How the text describes its actors (see src/framing/); absent in analyses made without that stage. */
  descriptors?: Descriptor[];
  /** Who says so (see src/sources/): attributions, denials, the text's near-duplicate signature. */
  sources?: SourceAnalysis;
  diagnostics: Diagnostic[];
}

/**
 * What the store keeps of an analysis: all but the tokens and sentences, which no later stage
 * reads and which are several times the size of the text (so they are not copied back from
 * analysis threads). A DocumentAnalysis is one.
 */
export type StoredAnalysis = Omit<DocumentAnalysis, 'text'> & { text: Omit<TextAnalysis, 'tokens' | 'sentences'> };

// ---------------------------------------------------------------- sources

/**
 * Who a report's words come from:
 * own: the outlet's own reporting (no one else named);
 * wire: a news agency ("(Reuters)", "— AFP", "IRNA reported", "according to Mehr");
 * outlet: another outlet cited ("Al Jazeera reported", "told the BBC");
 * official: a statement, readout, office, ministry or spokesperson, and whose;
 * unnamed: a source left unnamed ("diplomatic sources").
 */
export type AttributionKind = 'own' | 'wire' | 'outlet' | 'official' | 'unnamed';

/** One place a document says who its words come from. */
export interface Attribution extends Span {
  kind: Exclude<AttributionKind, 'own'>;
  /** Knowledge-base id of the agency or outlet, or of the statement's owner (person, country, organization); null when unnamed or unknown. */
  sourceId: string | null;
  /** The source's name as written (an agency, an owner), or null. */
  name: string | null;
  /** official: a statement the sides issued together ("a joint statement"), their own readout. */
  joint?: boolean;
  /** outlet not in the knowledge base: the country its words name ("Turkish media", "Iran's state TV"). */
  country?: string;
  /** document: a credit or dateline ("BEIRUT (Reuters) -") or the lead's attribution, for the whole text; sentence: its sentence only. */
  scope: 'document' | 'sentence';
}

/** Who one report's words come from. `side`: official statements only, the participant whose side issued it (null: a third party). */
export interface ReportAttribution {
  kind: AttributionKind;
  sourceId: string | null;
  name: string | null;
  /** The attributing words; null for the outlet's own reporting. */
  span: Span | null;
  side?: string | null;
  /** official: a statement the sides issued together, their own readout. */
  joint?: boolean;
  /** outlet not in the knowledge base: the country named with it. */
  country?: string;
}

/** One value a correction names: an actor id (place, participants) or a date (YYYY[-MM[-DD]]), as written at `span`. */
export interface CorrectedValue {
  value: string;
  text: string;
  span: Span;
}

/**
 * What a correction changes ("An earlier version of this article said the meeting took place in X;
 * it was Y"): the field (null: unstated), the wrong values and the right ones, and the reports of
 * the corrected document it concerns. `occurrence`: no meeting took place (the event is disputed).
 */
export interface Correction {
  field: 'place' | 'date' | 'participants' | 'occurrence' | null;
  old: CorrectedValue[];
  new: CorrectedValue[];
  reports: string[];
}

/** A denial, correction or "no meeting took place": a claim against a meeting, never one. */
export interface DenialClaim {
  /** Hash of doc id and trigger: stable across re-runs. */
  id: string;
  docId: string;
  /** src/events/modality.ts's reason the trigger is no event: 'denied' or 'negated'; 'corrected' for a correction. */
  reason: string;
  trigger: Span;
  sentence: Span;
  /** The denying words ("denied reports that"), when the lexicon names them. */
  cue: Span | null;
  /** The people (and sides) the denied meeting would have joined. */
  participants: string[];
  /** The day the denied meeting would have been, when stated. */
  date: string | null;
  /** Who denies, when the sentence names them (an attribution's source). */
  by: { actorId: string | null; name: string | null; span: Span } | null;
  /** A correction of an earlier report: what it changes (reason 'corrected', or a denial made in a correction). */
  correction?: Correction;
}

export interface SourceAnalysis {
  /** Every attribution the text makes. */
  attributions: Attribution[];
  /** Report id -> who that report's words come from. */
  reports: Record<string, ReportAttribution[]>;
  denials: DenialClaim[];
  /** MinHash signature of the text's normalized word shingles (src/sources/minhash.ts). */
  signature: number[];
}

// ---------------------------------------------------------------- framing

/**
 * The side a loaded label takes (data/framing/README.md):
 * delegitimizing: denies the target standing as a state, government or legitimate body;
 * criminalizing: casts the target as terrorist or criminal;
 * valorizing: casts the target (or its dead) as a legitimate or sacred struggle;
 * subordinating: casts the target as another power's instrument.
 */
export type FramingStance = 'delegitimizing' | 'criminalizing' | 'valorizing' | 'subordinating';

/** A loaded term found inside a descriptor. */
export interface LoadedTermMatch extends Span {
  /** Id of the term in data/framing/loaded-<lang>.json ("en:zionist-entity"). */
  termId: string;
  stance: FramingStance;
}

export type DescriptorForm =
  | 'premodifier' // "the pro-Iranian Shiite militia Hezbollah"
  | 'appositive' // "Hezbollah, the Lebanese resistance movement,"
  | 'postmodifier' // "Hizbullah örgütü", "حزب الله اللبناني"
  | 'title' // a title standing for a person: "the Hezbollah chief"
  | 'epithet'; // a label standing for an actor: "the illegal Zionist entity"

/** Words a text uses to describe one actor; the span covers those words (no leading article). */
export interface Descriptor extends Span {
  actorId: string;
  /** The mention (or, for an epithet, the label itself) it describes. */
  of: Span;
  form: DescriptorForm;
  /** Lower-cased, whitespace-collapsed words, for counting across documents. */
  normalized: string;
  loaded: LoadedTermMatch[];
}

// ---------------------------------------------------------------- judgements

/** What an analyst (or a machine) decided about actors, events and reports. */
export type JudgementKind =
  | 'actor-merge' // subjects [keep, absorbed]: the second actor is the first
  | 'actor-split' // subjects [actor]; value.aliases: the names that are someone else
  | 'alias-add' // subjects [actor]; value.aliases: names to add
  | 'alias-remove' // subjects [actor]; value.aliases: names to drop
  | 'event-merge' // subjects [event, event, ...]: one meeting
  | 'event-split' // subjects [event, report]: that report is a different meeting
  | 'report-reject' // subjects [report]: not a meeting
  | 'field-correct'; // subjects [event]; value: date / place / participants

/** Kind-specific values of a judgement. */
export interface JudgementValue {
  aliases?: string[];
  /** field-correct: the day (YYYY, YYYY-MM or YYYY-MM-DD), or null for "no date known". */
  date?: string | null;
  /** field-correct: place actor id, or null for "no place". */
  place?: string | null;
  /** field-correct: participant actor ids. */
  participants?: string[];
}

export interface NewJudgement {
  kind: JudgementKind;
  /** Ids as the user gives them: actor ids, event ids or report ids, as the kind says. */
  subjects: string[];
  value?: JudgementValue;
  /** Who decided (an analyst's name; machine judgements are never stored here). */
  author: string;
  reason?: string | null;
  /** The analyst saw why the request looks wrong (an implausible merge) and wants it anyway. Not stored. */
  confirm?: boolean;
}

/** Where an event or report judgement is anchored: stable across re-extraction (see judgements/anchor.ts). */
export interface ReportAnchor {
  /** The report id when the judgement was made (matches while the rules keep the trigger). */
  reportId: string;
  docId: string;
  /** The report's first evidence sentence: matches a re-extracted report whose sentence overlaps it. */
  sentence: Span;
}

export interface Judgement extends NewJudgement {
  id: number;
  createdAt: string;
  reason: string | null;
  /** Event and report judgements: the reports each subject stood for when decided. */
  anchors: ReportAnchor[][];
  /** A human judgement that undoes this one, or null while it holds. */
  undone: { at: string; by: string; reason: string | null } | null;
  active: boolean;
}
