import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datesAgree, mergeConcerns, placesAgree } from './plausibility.ts';

const within = (p: string) => ({ kremlin: ['moscow', 'russia'], moscow: ['russia'], paris: ['france'] })[p] ?? [];

test('dates agree when their days meet, with a day of slack; months and years cover their days', () => {
  assert.ok(datesAgree('2023-03-20', '2023-03-20'));
  assert.ok(datesAgree('2023-03-20', '2023-03-21'));
  assert.ok(datesAgree('2023-03', '2023-03-31'));
  assert.ok(datesAgree('2023', '2023-12'));
  assert.ok(!datesAgree('2023-03-20', '2023-03-23'));
  assert.ok(!datesAgree('2022-02', '2023-04-15'));
});

test('places agree when one lies within the other', () => {
  assert.ok(placesAgree('kremlin', 'moscow', within));
  assert.ok(placesAgree('russia', 'kremlin', within));
  assert.ok(!placesAgree('moscow', 'paris', within));
});

test('a plausible merge has no concerns', () => {
  const concerns = mergeConcerns(
    [
      { id: 'ev_a', participants: ['putin', 'xi'], date: '2023-03-20', place: 'kremlin' },
      { id: 'ev_b', participants: ['xi'], date: '2023-03', place: 'moscow' },
    ],
    within,
  );
  assert.deepEqual(concerns, []);
});

test('no shared participant, contradicting dates and places are each named', () => {
  const concerns = mergeConcerns(
    [
      { id: 'ev_a', participants: ['putin', 'xi'], date: '2022-02-04', place: 'moscow' },
      { id: 'ev_b', participants: ['macron', 'scholz'], date: '2023-04-15', place: 'paris' },
    ],
    within,
    (id) => id.toUpperCase(),
  );
  assert.equal(concerns.length, 3, concerns.join('\n'));
  assert.match(concerns[0], /no participant in common: ev_a \(PUTIN, XI\) vs ev_b \(MACRON, SCHOLZ\)/);
  assert.match(concerns[1], /dates contradict: ev_a is 2022-02-04, ev_b is 2023-04-15/);
  assert.match(concerns[2], /places contradict: ev_a is in MOSCOW, ev_b in PARIS/);
});

test('of three events, the one sharing nobody with the others is named', () => {
  const concerns = mergeConcerns(
    [
      { id: 'ev_a', participants: ['putin', 'xi'], date: null, place: null },
      { id: 'ev_b', participants: ['xi', 'lula'], date: null, place: null },
      { id: 'ev_c', participants: ['macron'], date: null, place: null },
    ],
    within,
  );
  assert.deepEqual(concerns, ['ev_c shares no participant with the other event(s)']);
});
