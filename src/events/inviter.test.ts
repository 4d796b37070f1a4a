// The inviter hosts (issue 12): "at the invitation of X, Y held talks" with nobody else named
// makes X a side; a named counterpart, an invitation only received, or an invitation to an
// occasion ("to attend the opening") does not. Sentences written here, read by the whole
// pipeline (text dated Wednesday 2024-11-20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';

const met = (who: string, place: string | null, date: string | null = '2024-11-18'): SentenceEvent[] => [{ who, mode: 'meet', date, place }];

const cases: Array<[string, string, SentenceEvent[]]> = [
  ['en at the invitation of', 'At the invitation of Xi Jinping, Vladimir Putin held talks in Beijing on Monday.', met('vladimir-putin xi-jinping', 'beijing')],
  ['es por invitación de', 'Por invitación de Lula, Javier Milei mantuvo conversaciones en Brasilia el lunes.', met('javier-milei luiz-inacio-lula-da-silva', 'brasilia')],
  ['pt a convite de', 'A convite de Lula, Javier Milei manteve conversações em Brasília na segunda-feira.', met('javier-milei luiz-inacio-lula-da-silva', 'brasilia')],
  ['de auf Einladung von', 'Auf Einladung von Emmanuel Macron führte Olaf Scholz am Montag in Paris Gespräche.', met('emmanuel-macron olaf-scholz', 'paris')],
  ['ru по приглашению', 'По приглашению Си Цзиньпина Владимир Путин в понедельник провел переговоры в Пекине.', met('vladimir-putin xi-jinping', 'beijing')],
  ['zh 应X邀请', '应习近平邀请，普京周一在北京举行会谈。', met('vladimir-putin xi-jinping', 'beijing')],
  ['zh 应X邀请 赴', '应俄罗斯总统普京邀请，习近平周一赴莫斯科举行会谈。', met('vladimir-putin xi-jinping', 'moscow')],
  ['tr davetiyle', "Emir Temim bin Hamed Al Sani'nin davetiyle Doha'ya giden Recep Tayyip Erdoğan pazartesi günü burada bir görüşme gerçekleştirdi.", met('recep-tayyip-erdogan tamim-bin-hamad-al-thani', 'doha')],
  // "赴莫斯科举行…会谈，并于周一会见Y": the day told after "，并" is the second verb's, and the place
  // of the first carries over to it
  ['zh 应X邀请 … 举行会谈，并于周一会见Y', '习近平应普京邀请，赴莫斯科举行双边会谈，并于周一会见拉夫罗夫。', [
    { who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'moscow' },
    { who: 'sergey-lavrov xi-jinping', mode: 'meet', date: '2024-11-18', place: 'moscow' },
  ]],
  // the one named after the cue's reach is the traveller, not a second inviter
  ['de the traveller named after the inviter', 'Auf Einladung von Emmanuel Macron führte Olaf Scholz am Montag Gespräche mit Giorgia Meloni.', met('giorgia-meloni olaf-scholz', null)],
  // a counterpart named: the inviter is no side
  ['en counterpart named', 'At the invitation of Xi Jinping, Vladimir Putin met Li Qiang in Beijing on Monday.', met('li-qiang vladimir-putin', 'beijing')],
  // an invitation only received stays no event
  ['en invitation received', 'Vladimir Putin received an invitation from Xi Jinping to hold talks in Beijing.', []],
  // an invitation to an occasion: the meeting held there may be with anyone
  ['en invited to attend an occasion', 'At the invitation of Emir Tamim bin Hamad Al Thani, Recep Tayyip Erdogan travelled to Doha to attend the opening of the World Cup and held talks there on Sunday.', []],
  ['zh 应X邀请出席', '应俄罗斯总统普京邀请，习近平出席胜利日阅兵式并举行会谈。', []],
];

for (const [name, text, want] of cases) test(`inviter: ${name}`, () => assert.deepEqual(events(text), want));
