// Implicative verbs (issue 12): an infinitive under a past implicative verb tells of an event when
// that verb does; control verbs keep it unreal; a rejected alternative is no event. Sentences
// written here, read by the whole pipeline (text dated Wednesday 2024-11-20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';
import { compileImplicatives, governorOf } from './implicatives.ts';

const met = (who: string, place: string | null, date: string | null = '2024-11-19'): SentenceEvent[] => [{ who, mode: 'meet', date, place }];

const cases: Array<[string, string, SentenceEvent[]]> = [
  // implicative: the meeting took place
  ['en managed to', 'On Tuesday Joe Biden managed to meet Xi Jinping in Lima.', met('joe-biden xi-jinping', 'lima')],
  ['en went on to', 'On Tuesday Joe Biden went on to meet Xi Jinping in Lima.', met('joe-biden xi-jinping', 'lima')],
  ['es logró', 'El martes Pedro Sánchez logró reunirse con Emmanuel Macron en París.', met('emmanuel-macron pedro-sanchez', 'paris')],
  ['es acabó + gerund', 'El martes Pedro Sánchez acabó reuniéndose con Emmanuel Macron en París.', met('emmanuel-macron pedro-sanchez', 'paris')],
  ['pt conseguiu', 'Na terça-feira, Lula conseguiu reunir-se com Emmanuel Macron em Paris.', met('emmanuel-macron luiz-inacio-lula-da-silva', 'paris')],
  ['fr a réussi à', 'Mardi, Emmanuel Macron a réussi à rencontrer Olaf Scholz à Berlin.', met('emmanuel-macron olaf-scholz', 'berlin')],
  ['fr a fini par', 'Mardi, Emmanuel Macron a fini par rencontrer Olaf Scholz à Berlin.', met('emmanuel-macron olaf-scholz', 'berlin')],
  ['ru удалось', 'Во вторник Владимиру Путину удалось встретиться с Си Цзиньпином в Пекине.', met('vladimir-putin xi-jinping', 'beijing')],
  ['ru предпочёл', 'Во вторник Владимир Путин предпочёл встретиться с Си Цзиньпином в Пекине.', met('vladimir-putin xi-jinping', 'beijing')],
  ['id berhasil', 'Pada Selasa, Joko Widodo berhasil bertemu Xi Jinping di Beijing.', met('joko-widodo xi-jinping', 'beijing')],
  ['de gelang es ... zu', 'Am Dienstag gelang es Olaf Scholz, Emmanuel Macron in Paris zu treffen.', met('emmanuel-macron olaf-scholz', 'paris')],
  // control verbs keep the infinitive unreal
  ['en wanted to', 'On Tuesday Joe Biden wanted to meet Xi Jinping in Lima.', []],
  ['es quería', 'El martes Pedro Sánchez quería reunirse con Emmanuel Macron en París.', []],
  ['pt queria', 'Na terça-feira, Lula queria reunir-se com Emmanuel Macron em Paris.', []],
  ['fr voulait', 'Mardi, Emmanuel Macron voulait rencontrer Olaf Scholz à Berlin.', []],
  ['ru хотел', 'Во вторник Владимир Путин хотел встретиться с Си Цзиньпином в Пекине.', []],
  ['id ingin', 'Pada Selasa, Joko Widodo ingin bertemu Xi Jinping di Beijing.', []],
  // the implicative verb's own modality: negated or future, no meeting
  ['en did not manage', 'Joe Biden did not manage to meet Xi Jinping in Lima.', []],
  ['en will manage', 'Joe Biden will manage to meet Xi Jinping in Lima.', []],
  ['es no logró', 'Pedro Sánchez no logró reunirse con Emmanuel Macron.', []],
  ['fr n’a pas réussi', 'Emmanuel Macron n’a pas réussi à rencontrer Olaf Scholz.', []],
  ['ru не удалось', 'Владимиру Путину не удалось встретиться с Си Цзиньпином.', []],
  // the rejected alternative gives no meeting with its object
  ['en rather than', 'Joe Biden chose to meet Xi Jinping rather than meet with Vladimir Putin.', met('joe-biden xi-jinping', null, null)],
  ['es en lugar de', 'Pedro Sánchez se reunió con Emmanuel Macron en lugar de reunirse con Olaf Scholz.', met('emmanuel-macron pedro-sanchez', null, null)],
  ['pt em vez de', 'Lula se reuniu com Emmanuel Macron em vez de se encontrar com Olaf Scholz.', met('emmanuel-macron luiz-inacio-lula-da-silva', null, null)],
  ['pt preferiu X a Y', 'Em julho, Javier Milei preferiu reunir-se com Jair Bolsonaro a se encontrar com Lula.', met('jair-bolsonaro javier-milei', null, null)],
  ['fr au lieu de', 'Emmanuel Macron a rencontré Olaf Scholz au lieu de rencontrer Giorgia Meloni.', met('emmanuel-macron olaf-scholz', null, null)],
  ['ru вместо того, чтобы', 'Владимир Путин встретился с Си Цзиньпином вместо того, чтобы встретиться с Джо Байденом.', met('vladimir-putin xi-jinping', null, null)],
  ['id alih-alih', 'Joko Widodo bertemu Xi Jinping alih-alih bertemu Joe Biden.', met('joko-widodo xi-jinping', null, null)],
  // a relative "que" after a name, with a phrase set off before the verb, is that name
  ['pt X, que, em julho, preferiu', 'Lula conhece bem Javier Milei, que, em julho, preferiu reunir-se com Jair Bolsonaro a se encontrar com ele.', met('jair-bolsonaro javier-milei', null, null)],
];

for (const [name, text, want] of cases) test(`implicatives: ${name}`, () => assert.deepEqual(events(text), want));

test('implicatives: the governor is the verb right before the infinitive, and only that', () => {
  const imp = compileImplicatives({ verbs: ['managed to'], rejected: ['rather than'], preference: ['preferred'], over: ['to'] });
  const s = 'He managed to finally meet her rather than call him.';
  const span = { start: 0, end: s.length };
  assert.deepEqual(governorOf(s, span, s.indexOf('meet'), imp), { span: { start: 3, end: 3 + 'managed to'.length }, kind: 'implicative' });
  assert.equal(governorOf(s, span, s.indexOf('call'), imp)?.kind, 'rejected');
  assert.equal(governorOf(s, span, s.indexOf('her'), imp), null);
  const p = 'He preferred X to meeting Y.';
  assert.equal(governorOf(p, { start: 0, end: p.length }, p.indexOf('meeting'), imp)?.kind, 'rejected');
  assert.throws(() => compileImplicatives({ gap: 9 }), /gap/);
});
