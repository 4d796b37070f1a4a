import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildKnowledgeBase } from '../actors/knowledge-base.ts';
import { createPipeline } from '../pipeline/analyze.ts';
import type { KbEntry } from '../core/types.ts';

// a knowledge base written here, so these tests do not move with data/kb
const entries: KbEntry[] = [
  { id: 'lebanon', kind: 'place', type: 'country', name: 'Lebanon', aliases: [], demonyms: ['Lebanese'], capital: 'beirut' },
  { id: 'beirut', kind: 'place', type: 'city', name: 'Beirut', aliases: ['Beyrouth'], within: 'lebanon' },
  { id: 'iran', kind: 'place', type: 'country', name: 'Iran', aliases: [], demonyms: ['Iranian'], capital: 'tehran' },
  { id: 'tehran', kind: 'place', type: 'city', name: 'Tehran', aliases: [], within: 'iran' },
  { id: 'palestine', kind: 'place', type: 'country', name: 'Palestine', aliases: [], demonyms: ['Palestinian'] },
  { id: 'hezbollah', kind: 'organization', name: 'Hezbollah', aliases: ['Hizbullah'], country: 'lebanon' },
  { id: 'hamas', kind: 'organization', name: 'Hamas', aliases: [], country: 'palestine' },
  { id: 'hassan-nasrallah', kind: 'person', name: 'Hassan Nasrallah', aliases: ['Nasrallah'], country: 'lebanon',
    roles: [{ role: 'secretary-general', of: 'hezbollah', from: '1992-02-16', to: '2024-09-27' }] },
  { id: 'ismail-haniyeh', kind: 'person', name: 'Ismail Haniyeh', aliases: ['Haniyeh'], country: 'palestine',
    roles: [{ role: 'political-bureau-head', of: 'hamas', from: '2017-05-06', to: '2024-07-31' }] },
  { id: 'saleh-al-arouri', kind: 'person', name: 'Saleh al-Arouri', aliases: [], country: 'palestine',
    roles: [{ role: 'deputy-political-bureau-head', of: 'hamas', from: '2017', to: '2024-01-02' }] },
  { id: 'hossein-amir-abdollahian', kind: 'person', name: 'Hossein Amir-Abdollahian', aliases: [], country: 'iran',
    roles: [{ role: 'foreign-minister', of: 'iran', from: '2021-08-25', to: '2024-05-19' }] },
];
const pipeline = createPipeline({ kb: buildKnowledgeBase(entries) });

function analyze(text: string) {
  const a = pipeline.analyze({ id: 'doc', hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: {} });
  return a.reports.map((r) => ({
    participants: r.participants.map((p) => p.actorId).sort(),
    date: r.date?.value ?? null,
    place: r.place?.actorId ?? null,
    mode: r.mode,
    r,
  }));
}

test('a reported meeting with date resolved from the dateline and place from a demonym capital', () => {
  const text = '2023-09-02 21:42:35\n\nOn Thursday, Hassan Nasrallah met Ismail Haniyeh in the Lebanese capital.\n';
  const [e, ...rest] = analyze(text);
  assert.equal(rest.length, 0);
  assert.deepEqual(e.participants, ['hassan-nasrallah', 'ismail-haniyeh']);
  assert.equal(e.date, '2023-08-31');
  assert.equal(e.place, 'beirut');
  // every span points at the words it stands for
  assert.equal(text.slice(e.r.trigger.start, e.r.trigger.end), 'met');
  assert.equal(text.slice(e.r.date!.span!.start, e.r.date!.span!.end), 'Thursday');
});

test('planned, denied and hypothetical meetings are not events', () => {
  for (const s of [
    'Hassan Nasrallah will meet Ismail Haniyeh in Beirut.',
    'Hassan Nasrallah is scheduled to meet Ismail Haniyeh next week.',
    'Hassan Nasrallah did not meet Ismail Haniyeh.',
    'A planned meeting between Hassan Nasrallah and Ismail Haniyeh was postponed.',
  ])
    assert.deepEqual(analyze(`Title line\n\n${s}\n`), [], s);
});

test('without a stated publication date a weekday gives no date', () => {
  const [e] = analyze('Hassan Nasrallah met Ismail Haniyeh on Sunday in Beirut.\n');
  assert.equal(e.date, null);
  assert.equal(e.place, 'beirut');
});

test('a title resolves to the role holder on the document date, and plurals to the earlier meeting', () => {
  const text =
    '2023-09-02\n\nNasrallah met Ismail Haniyeh and Saleh al-Arouri.\n\nOn Thursday, the Iranian foreign minister held an extended meeting with the two Palestinian leaders.\n';
  const events = analyze(text);
  assert.equal(events.length, 2);
  assert.deepEqual(events[0].participants, ['hassan-nasrallah', 'ismail-haniyeh', 'saleh-al-arouri']);
  assert.deepEqual(events[1].participants, ['hossein-amir-abdollahian', 'ismail-haniyeh', 'saleh-al-arouri']);
  assert.equal(events[1].date, '2023-08-31');
});

test('a pronoun subject is the person last named; a later sentence about the same meeting merges', () => {
  const text = 'Ismail Haniyeh arrived in Beirut on Tuesday.\n\nHe met Hassan Nasrallah in Beirut.\n\nNasrallah and Haniyeh also held talks with each other.\n';
  const events = analyze(text);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].participants, ['hassan-nasrallah', 'ismail-haniyeh']);
  assert.equal(events[0].r.evidence.length, 2);
});

test('an organization stands in only where no person is named for it', () => {
  const [e] = analyze('Hassan Nasrallah received a Hamas delegation in Beirut.\n');
  assert.deepEqual(e.participants, ['hamas', 'hassan-nasrallah']);
});
