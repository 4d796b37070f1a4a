// Datelines written here, in several shapes and languages, read by the whole pipeline: the
// dateline places the meetings that name no place of their own, never a call, never a meeting
// with its own place, never an earlier meeting told in passing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline, type Pipeline } from '../pipeline/analyze.ts';

let pipeline: Pipeline | null = null;
function placesOf(text: string): Array<{ mode: string; place: string | null }> {
  pipeline ??= createPipeline();
  return pipeline.analyze({ id: 'doc', hash: 'h', text, source: {}, meta: {} }).reports.map((r) => ({ mode: r.mode, place: r.place?.actorId ?? null }));
}

test('a dateline in capitals with a long dash places the meeting it opens (en)', () => {
  const text = 'A headline about the visit\n\nANKARA — President Abdel Fattah al-Sisi met President Recep Tayyip Erdogan on Wednesday for talks on trade.\n';
  assert.deepEqual(placesOf(text), [{ mode: 'meet', place: 'ankara' }]);
});

test('a dateline named in full where the name finder sees only its last word (es, ".-")', () => {
  const text = 'Titular de la nota\n\nCiudad de México.- El presidente Gustavo Petro se reunió esta tarde con el presidente Luiz Inácio Lula da Silva.\n';
  assert.deepEqual(placesOf(text), [{ mode: 'meet', place: 'mexico-city' }]);
});

test('an outlet before the dateline, a double hyphen after it (id)', () => {
  const text = 'REPUBLIKA.CO.ID, BANDUNG -- Presiden Joko Widodo bertemu dengan Perdana Menteri Anwar Ibrahim untuk membahas kerja sama ekonomi.\n';
  assert.deepEqual(placesOf(text), [{ mode: 'meet', place: 'bandung' }]);
});

test('a dateline in Arabic script and one with a date before the dash (ar, ru)', () => {
  assert.deepEqual(placesOf('\nالقاهرة - التقى الرئيس عبد الفتاح السيسي، اليوم الأربعاء، الرئيس التركي رجب طيب أردوغان.\n'), [{ mode: 'meet', place: 'cairo' }]);
  assert.deepEqual(placesOf('Заголовок статьи\n\nАнкара, 3 дек — Президент Владимир Путин провел переговоры с Реджепом Тайипом Эрдоганом.\n'), [{ mode: 'meet', place: 'ankara' }]);
});

test('a call, or a meeting with a place of its own, takes nothing from the dateline', () => {
  assert.deepEqual(placesOf('ANKARA — Recep Tayyip Erdogan spoke by phone with Vladimir Putin on Friday about the grain deal.\n'), [{ mode: 'phone', place: null }]);
  assert.deepEqual(placesOf('ANKARA — Recep Tayyip Erdogan met Vladimir Putin in Sochi on Friday, his office said.\n'), [{ mode: 'meet', place: 'sochi' }]);
});

test('a line that only opens with a place is no dateline', () => {
  // ordinary words between the place and the dash
  assert.deepEqual(placesOf('Ankara is tense — Recep Tayyip Erdogan met Vladimir Putin on Friday, his office said.\n'), [{ mode: 'meet', place: null }]);
  // two places: where was it filed?
  assert.deepEqual(placesOf('PARIS/KYIV, 15 avril (Reuters) - Le président Emmanuel Macron a reçu le chancelier Olaf Scholz pour parler de la situation.\n'), [{ mode: 'meet', place: null }]);
});

test('the dateline sharpens a meeting placed only in its country, never one placed elsewhere', () => {
  assert.deepEqual(placesOf('ANKARA — President Abdel Fattah al-Sisi met President Recep Tayyip Erdogan in Turkey on Wednesday for talks on trade.\n'), [{ mode: 'meet', place: 'ankara' }]);
  assert.deepEqual(placesOf('ANKARA — President Abdel Fattah al-Sisi met President Recep Tayyip Erdogan in Qatar on Wednesday for talks on trade.\n'), [{ mode: 'meet', place: 'qatar' }]);
});

test('a colon ends a dateline only after its date or agency, not in a headline', () => {
  assert.deepEqual(placesOf('MOSCOW, Nov. 20 (Xinhua): President Vladimir Putin met President Recep Tayyip Erdogan on Wednesday for talks on trade.\n'), [{ mode: 'meet', place: 'moscow' }]);
  assert.deepEqual(placesOf('Kremlin: President Vladimir Putin met President Recep Tayyip Erdogan on Wednesday for talks on trade.\n'), [{ mode: 'meet', place: null }]);
});
