// One line per judgement, for the CLI and logs: what was decided, by whom, and why.
import type { Judgement } from '../core/types.ts';

export function describeJudgement(j: Judgement): string {
  const s = j.subjects;
  const v = j.value ?? {};
  const names = (v.aliases ?? []).map((a) => `"${a}"`).join(', ');
  let what: string;
  switch (j.kind) {
    case 'actor-merge':
      what = `${s[1]} is the same actor as ${s[0]}`;
      break;
    case 'actor-split':
      what = `${names} named in reports of ${s[0]} are someone else`;
      break;
    case 'alias-add':
      what = `${s[0]} is also called ${names}`;
      break;
    case 'alias-remove':
      what = `${s[0]} is not called ${names}`;
      break;
    case 'event-merge':
      what = `${s.join(', ')} are one event`;
      break;
    case 'event-split':
      what = `report ${s[1]} is a different event from ${s[0]}`;
      break;
    case 'report-reject':
      what = `report ${s[0]} is not a meeting`;
      break;
    case 'field-correct': {
      const parts: string[] = [];
      if (v.date !== undefined) parts.push(`date ${v.date ?? 'unknown'}`);
      if (v.place !== undefined) parts.push(`place ${v.place ?? 'none'}`);
      if (v.participants !== undefined) parts.push(`participants ${v.participants.join(', ')}`);
      what = `event ${s[0]}: ${parts.join('; ')}`;
      break;
    }
  }
  const undone = j.undone ? ` [undone ${j.undone.at} by ${j.undone.by}${j.undone.reason ? `: ${j.undone.reason}` : ''}]` : '';
  return `#${j.id} ${j.kind}: ${what} (${j.author}, ${j.createdAt}${j.reason ? `: ${j.reason}` : ''})${undone}`;
}
