// Sentences written here, one per behaviour and language, read by the whole pipeline with the
// shipped knowledge base and lexicons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';

const cases: Array<[string, string, SentenceEvent[]]> = [
  ['en meeting', 'Egyptian President Abdel Fattah al-Sisi received Mahmoud Abbas in Cairo on Sunday.', [{ who: 'abdel-fattah-el-sisi mahmoud-abbas', mode: 'host', date: '2024-11-17', place: 'cairo' }]],
  ['en call', 'Vladimir Putin and Recep Tayyip Erdogan spoke by phone on Friday, the Kremlin said.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: '2024-11-15', place: null }]],
  ['en counterpart', 'Saudi Foreign Minister Faisal bin Farhan met his Iranian counterpart in Riyadh on Tuesday.', [{ who: 'abbas-araghchi faisal-bin-farhan-al-saud', mode: 'meet', date: '2024-11-19', place: 'riyadh' }]],
  ['en call verb', 'Recep Tayyip Erdogan called Vladimir Putin on Tuesday.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: '2024-11-19', place: null }]],
  ['en not a call', 'Recep Tayyip Erdogan called on Israel to stop the war.', []],
  ['en planned', 'Antony Blinken is expected to meet Wang Yi in Beijing next week.', []],
  ['en denied', 'Benjamin Netanyahu did not meet Joe Biden during the visit.', []],
  ['fr meeting', 'Le président Emmanuel Macron a reçu mardi à l’Élysée le chancelier allemand Olaf Scholz.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: '2024-11-19', place: 'elysee-palace' }]],
  ['fr call', 'Emmanuel Macron s’est entretenu samedi par téléphone avec Volodymyr Zelensky.', [{ who: 'emmanuel-macron volodymyr-zelensky', mode: 'phone', date: '2024-11-16', place: null }]],
  ['fr planned', 'Le président français doit s’entretenir dimanche avec Vladimir Poutine.', []],
  ['de meeting', 'Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron empfangen.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'host', date: '2024-11-18', place: 'berlin' }]],
  ['de planned', 'Olaf Scholz soll sich am Freitag mit Emmanuel Macron treffen.', []],
  ['ru meeting', 'Путин провел переговоры с Си Цзиньпином в Кремле.', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'kremlin' }]],
  ['ru planned', 'Во вторник Путин и Си Цзиньпин встретятся вновь.', []],
];

for (const [name, sentence, expected] of cases) {
  test(`${name}: ${sentence}`, () => assert.deepEqual(events(sentence), expected));
}
