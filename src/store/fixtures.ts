// Hand-built DocumentAnalysis values for tests of the store, merging, exports and the CLI, so
// they do not depend on what the extraction stages find. Spans are located by searching the
// quoted words in the text, so every span is right by construction.
import { createHash } from 'node:crypto';
import type { ActorKind, DocActor, DocumentAnalysis, EventMode, EventReport, PlaceType, Span } from '../core/types.ts';

export interface ActorSpec {
  id: string;
  kind: ActorKind;
  name: string;
  aliases?: string[];
  placeType?: PlaceType;
}

export interface ReportSpec {
  /** The evidence sentence, quoted exactly. */
  sentence: string;
  trigger: string;
  mode?: EventMode;
  participants: { actorId: string; words: string }[];
  date?: { value: string; words?: string };
  place?: { actorId: string; words: string };
}

export interface AnalysisSpec {
  published?: { value: string; precision: 'year' | 'month' | 'day'; words: string };
  actors?: ActorSpec[];
  reports?: ReportSpec[];
}

function find(text: string, words: string, from = 0): Span {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`fixture: "${words}" not in text`);
  return { start, end: start + words.length };
}

export function makeAnalysis(id: string, text: string, spec: AnalysisSpec = {}): DocumentAnalysis {
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  const actors: DocActor[] = (spec.actors ?? []).map((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: a.aliases ?? [a.name],
    fromKb: true,
    ...(a.placeType ? { placeType: a.placeType } : {}),
  }));
  const reports: EventReport[] = (spec.reports ?? []).map((r) => {
    const sentence = find(text, r.sentence);
    const within = (words: string) => {
      const span = find(text, words, sentence.start);
      if (span.end > sentence.end) throw new Error(`fixture: "${words}" not in its sentence`);
      return span;
    };
    const trigger = within(r.trigger);
    return {
      id: createHash('sha256').update(`${id}:${trigger.start}:${trigger.end}`).digest('hex').slice(0, 16),
      docId: id,
      type: 'CONSULT',
      mode: r.mode ?? 'meet',
      trigger,
      evidence: [sentence],
      participants: r.participants.map((p) => ({ actorId: p.actorId, spans: [within(p.words)] })),
      date: r.date ? { value: r.date.value, span: r.date.words ? within(r.date.words) : null } : null,
      place: r.place ? { actorId: r.place.actorId, span: within(r.place.words) } : null,
    };
  });
  return {
    document: { id, hash, text, source: { path: `${id}.txt` }, meta: {} },
    text: {
      language: 'en',
      title: { start: 0, end: text.indexOf('\n') < 0 ? text.length : text.indexOf('\n') },
      published: spec.published
        ? { value: spec.published.value, precision: spec.published.precision, span: find(text, spec.published.words) }
        : null,
      noise: [],
      sentences: [],
      tokens: [],
    },
    actors,
    mentions: reports.flatMap((r) =>
      r.participants.flatMap((p) =>
        p.spans.map((s) => ({ ...s, actorIds: [p.actorId], kind: 'person' as const, via: 'alias' as const })),
      ),
    ),
    reports,
    diagnostics: [],
  };
}

// A small corpus: two outlets report the same Xi-Putin meeting; one reports a Biden-Xi meeting.
export const XI = { id: 'Q15031', kind: 'person', name: 'Xi Jinping', aliases: ['Xi Jinping', 'Xi'] } as const;
export const PUTIN = { id: 'Q7747', kind: 'person', name: 'Vladimir Putin', aliases: ['Vladimir Putin', 'Putin'] } as const;
export const BIDEN = { id: 'Q6279', kind: 'person', name: 'Joe Biden', aliases: ['Joe Biden', 'Biden'] } as const;
export const MOSCOW = { id: 'Q649', kind: 'place', name: 'Moscow', placeType: 'city' } as const;
export const RUSSIA = { id: 'Q159', kind: 'place', name: 'Russia', placeType: 'country' } as const;
export const BALI = { id: 'Q3940', kind: 'place', name: 'Bali', placeType: 'region' } as const;

export const TEXT_A =
  'Xi and Putin hold talks\n2023-03-21\n\nChinese President Xi Jinping met Vladimir Putin in Moscow on 20 March 2023, the Kremlin said.\nThe two leaders discussed trade, "energy" and Ukraine.\n';
export const TEXT_B =
  'Putin welcomes Xi\n2023-03-20\n\nRussian President Vladimir Putin held talks with Xi Jinping in Russia on Monday.\nBoth sides praised ties.\n';
export const TEXT_C =
  'Biden, Xi meet in Bali\n2022-11-15\n\nJoe Biden met Xi Jinping on the island of Bali on 14 November 2022, their first in-person meeting as leaders.\n';

export function sampleAnalyses(): DocumentAnalysis[] {
  return [
    makeAnalysis('a-xi-putin', TEXT_A, {
      published: { value: '2023-03-21', precision: 'day', words: '2023-03-21' },
      actors: [XI, PUTIN, MOSCOW].map((a) => ({ ...a, aliases: [...('aliases' in a ? a.aliases : [a.name])] })),
      reports: [
        {
          sentence: 'Chinese President Xi Jinping met Vladimir Putin in Moscow on 20 March 2023, the Kremlin said.',
          trigger: 'met',
          participants: [
            { actorId: XI.id, words: 'Xi Jinping' },
            { actorId: PUTIN.id, words: 'Vladimir Putin' },
          ],
          date: { value: '2023-03-20', words: '20 March 2023' },
          place: { actorId: MOSCOW.id, words: 'Moscow' },
        },
      ],
    }),
    makeAnalysis('b-putin-xi', TEXT_B, {
      published: { value: '2023-03-20', precision: 'day', words: '2023-03-20' },
      actors: [XI, PUTIN, RUSSIA].map((a) => ({ ...a, aliases: [...('aliases' in a ? a.aliases : [a.name])] })),
      reports: [
        {
          sentence: 'Russian President Vladimir Putin held talks with Xi Jinping in Russia on Monday.',
          trigger: 'held talks',
          participants: [
            { actorId: PUTIN.id, words: 'Vladimir Putin' },
            { actorId: XI.id, words: 'Xi Jinping' },
          ],
          date: { value: '2023-03-20', words: 'Monday' },
          place: { actorId: RUSSIA.id, words: 'Russia' },
        },
      ],
    }),
    makeAnalysis('c-biden-xi', TEXT_C, {
      published: { value: '2022-11', precision: 'month', words: '2022-11-15' },
      actors: [BIDEN, XI, BALI].map((a) => ({ ...a, aliases: [...('aliases' in a ? a.aliases : [a.name])] })),
      reports: [
        {
          sentence: 'Joe Biden met Xi Jinping on the island of Bali on 14 November 2022, their first in-person meeting as leaders.',
          trigger: 'met',
          participants: [
            { actorId: BIDEN.id, words: 'Joe Biden' },
            { actorId: XI.id, words: 'Xi Jinping' },
          ],
          date: { value: '2022-11-14', words: '14 November 2022' },
          place: { actorId: BALI.id, words: 'Bali' },
        },
      ],
    }),
  ];
}
