// Sentences written here for the mechanisms added on reports from Latin America, Indonesia,
// Russia and China (issue 12), read by the whole pipeline with the shipped knowledge base and
// lexicons (text dated Wednesday 2024-11-20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';

const cases: Array<[string, string, SentenceEvent[]]> = [
  // a joint press conference: two people seen together, not words said to the press (a day
  // next to a verb of saying dates the saying, so those give none)
  ['en joint press conference', 'Emmanuel Macron said at a joint press conference with Olaf Scholz in Berlin on Monday that Europe must act.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: '2024-11-18', place: 'berlin' }]],
  ['fr conférence de presse conjointe', 'Joko Widodo s’exprimait lundi lors d’une conférence de presse conjointe avec le président Vladimir Poutine à Moscou.', [{ who: 'joko-widodo vladimir-putin', mode: 'meet', date: '2024-11-18', place: 'moscow' }]],
  ['es rueda de prensa conjunta', 'Javier Milei dijo el lunes en una rueda de prensa conjunta con Emmanuel Macron en Buenos Aires que Europa debe actuar.', [{ who: 'emmanuel-macron javier-milei', mode: 'meet', date: null, place: 'buenos-aires' }]],
  ['pt entrevista coletiva conjunta', 'Lula disse na segunda-feira em entrevista coletiva conjunta com Emmanuel Macron em Brasília que a Europa deve agir.', [{ who: 'emmanuel-macron luiz-inacio-lula-da-silva', mode: 'meet', date: null, place: 'brasilia' }]],
  ['de gemeinsame Pressekonferenz', 'Olaf Scholz sagte am Montag auf einer gemeinsamen Pressekonferenz mit Emmanuel Macron in Paris, Europa müsse handeln.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: null, place: 'paris' }]],
  ['ru совместная пресс-конференция', 'Владимир Путин и Си Цзиньпин в понедельник провели совместную пресс-конференцию в Москве.', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: '2024-11-18', place: 'moscow' }]],
  // a press conference alone, or a joint one still to come, is no meeting
  ['en press conference alone', 'Emmanuel Macron told a press conference in Berlin on Monday that Olaf Scholz was right about trade.', []],
  ['en joint press conference to come', 'Emmanuel Macron will hold a joint press conference with Olaf Scholz in Berlin on Monday.', []],
  ['es joint press conference to come', 'Javier Milei ofrecerá el lunes una rueda de prensa conjunta con Emmanuel Macron en Buenos Aires.', []],
];

for (const [name, sentence, expected] of cases) {
  test(`${name}: ${sentence}`, () => assert.deepEqual(events(sentence), expected));
}
