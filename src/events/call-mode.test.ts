// The means of an exchange (issue 12): a phone or video phrase anywhere in a meeting trigger's
// clause makes it a call. Sentences written here, read by the whole pipeline (text dated
// Wednesday 2024-11-20); a call has no place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';
import { compileMeans, modeByMeans } from './call-mode.ts';

const call = (who: string): SentenceEvent[] => [{ who, mode: 'phone', date: '2024-11-18', place: null }];

const cases: Array<[string, string, SentenceEvent[]]> = [
  ['de am Telefon', 'Olaf Scholz sprach am Montag am Telefon mit Emmanuel Macron.', call('emmanuel-macron olaf-scholz')],
  ['es vía telefónica', 'Pedro Sánchez conversó con Emmanuel Macron vía telefónica el lunes.', call('emmanuel-macron pedro-sanchez')],
  ['fr au téléphone', '« Lundi, j’ai parlé au téléphone avec le président Olaf Scholz », a déclaré Emmanuel Macron.', call('emmanuel-macron olaf-scholz')],
  ['pt por telefone', 'Lula conversou com Emmanuel Macron por telefone na segunda-feira.', call('emmanuel-macron luiz-inacio-lula-da-silva')],
  ['ru по телефону', 'Владимир Путин в понедельник побеседовал с Си Цзиньпином по телефону.', call('vladimir-putin xi-jinping')],
  ['id melalui sambungan telepon', 'Joko Widodo berbicara dengan Xi Jinping melalui sambungan telepon pada hari Senin.', call('joko-widodo xi-jinping')],
  // a meeting in person keeps its mode and place
  ['de in person', 'Olaf Scholz sprach am Montag in Berlin mit Emmanuel Macron.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: '2024-11-18', place: 'berlin' }]],
];

for (const [name, text, want] of cases) test(`means: ${name}`, () => assert.deepEqual(events(text), want));

test('means: only a meeting, and only its own clause', () => {
  const m = compileMeans({ phone: ['by phone'] });
  const t = 'A met B in Rome; C had called D by phone.';
  const met = { start: 2, end: 5, mode: 'meet' as const };
  assert.equal(modeByMeans(t, { start: 0, end: t.indexOf(';') }, met, m), 'meet');
  assert.equal(modeByMeans(t, { start: 0, end: t.length }, met, m), 'phone');
  assert.equal(modeByMeans(t, { start: 0, end: t.length }, { ...met, mode: 'visit' }, m), 'visit');
  assert.throws(() => compileMeans({ fax: ['by fax'] } as never), /unknown key fax/);
});
