// The working record of one told event while a document is read: what the extraction stages
// (find-triggers, gather-participants, attach-place, resolve-date, merge-drafts) pass along.
import type { EventMode, Sentence, Span } from '../core/types.ts';
import type { DateFinding } from './resolve-date.ts';

export interface PlaceFinding {
  actorId: string;
  span: Span;
}

/** What a lexicon entry says of a trigger and asks of the sentence around it. */
export interface TriggerTraits {
  mode: EventMode;
  weak: boolean;
  needsObject: boolean;
  /** the trigger counts only when a person is named right after it ("called Putin", not "called on") */
  needsPerson: boolean;
  /** the trigger names the event as a noun (a meeting, talks), not as a finished verb */
  noun: boolean;
}

/** A trigger word or phrase found in a sentence, with what its lexicon entry asks of it. */
export interface TriggerHit extends Span, TriggerTraits {}

export interface Draft {
  mode: EventMode;
  trigger: Span;
  sentence: Sentence;
  evidence: Span[];
  participants: Map<string, Span[]>;
  date: DateFinding | null;
  place: PlaceFinding | null;
  /** told only by the headline, so far */
  inTitle: boolean;
}

/** The latest item (draft, stay) that passes `test`, searched back without copying the list: long texts hold thousands. */
export function lastMatching<T>(list: readonly T[], test: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
  return undefined;
}

/** Actor kinds, with unknown actors found in the text taken as people. */
export type KindOf = (id: string) => string;
