// The shape each kind of judgement must have, checked before anything is looked up.
import { ParleyError } from '../core/errors.ts';
import type { JudgementKind, NewJudgement } from '../core/types.ts';
import { partialDateProblem } from '../core/calendar-date.ts';

export const JUDGEMENT_KINDS: readonly JudgementKind[] = [
  'actor-merge',
  'actor-split',
  'alias-add',
  'alias-remove',
  'event-merge',
  'event-split',
  'report-reject',
  'field-correct',
];

export function isJudgementKind(kind: string): kind is JudgementKind {
  return (JUDGEMENT_KINDS as readonly string[]).includes(kind);
}

/** Throws a usage ParleyError naming the problem; returns the input trimmed. */
export function validateJudgement(input: NewJudgement): NewJudgement {
  const fail = (message: string): never => {
    throw new ParleyError('usage', `judgement ${input.kind}: ${message}`);
  };
  if (!isJudgementKind(input.kind)) throw new ParleyError('usage', `unknown judgement kind "${String(input.kind)}" (one of ${JUDGEMENT_KINDS.join(', ')})`);
  const author = (input.author ?? '').trim();
  if (!author) fail('an author is needed (--by NAME, or $USER)');
  const subjects = (input.subjects ?? []).map((s) => String(s).trim());
  if (subjects.some((s) => !s)) fail('an empty id');
  const value = input.value ?? {};
  const count = (min: number, max: number, what: string) => {
    if (subjects.length < min || subjects.length > max) fail(`wants ${what}, got ${subjects.length} id(s)`);
  };
  switch (input.kind) {
    case 'actor-merge':
      count(2, 2, 'two actor ids (kept, absorbed)');
      if (subjects[0] === subjects[1]) fail(`cannot merge ${subjects[0]} with itself`);
      break;
    case 'event-merge':
      count(2, Infinity, 'two or more event ids');
      if (new Set(subjects).size !== subjects.length) fail('an event is named twice');
      break;
    case 'actor-split':
    case 'alias-add':
    case 'alias-remove':
      count(1, 1, 'one actor id');
      if (!value.aliases?.length || value.aliases.some((a) => !a.trim())) fail('wants one or more names');
      break;
    case 'event-split':
      count(2, 2, 'an event id and a report id');
      break;
    case 'report-reject':
      count(1, 1, 'one report id');
      break;
    case 'field-correct':
      count(1, 1, 'one event id');
      if (value.date === undefined && value.place === undefined && value.participants === undefined) {
        fail('wants a date, a place or participants');
      }
      if (value.date != null) {
        const problem = partialDateProblem(value.date);
        if (problem) fail(`date ${problem}`);
      }
      if (value.participants && value.participants.length === 0) fail('participants: at least one actor');
      break;
  }
  return {
    kind: input.kind,
    subjects,
    ...(input.value ? { value: { ...input.value, ...(value.aliases ? { aliases: value.aliases.map((a) => a.trim()) } : {}) } } : {}),
    author,
    reason: input.reason?.trim() || null,
  };
}
