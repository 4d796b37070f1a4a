// Sentences written here, one per behaviour and language, read by the whole pipeline with the
// shipped knowledge base and lexicons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';

// A fourth element marks a case that waits on another stage's work (the reason is printed).
const cases: Array<[string, string, SentenceEvent[], string?]> = [
  ['en meeting', 'Egyptian President Abdel Fattah al-Sisi received Mahmoud Abbas in Cairo on Sunday.', [{ who: 'abdel-fattah-el-sisi mahmoud-abbas', mode: 'host', date: '2024-11-17', place: 'cairo' }]],
  ['en call', 'Vladimir Putin and Recep Tayyip Erdogan spoke by phone on Friday, the Kremlin said.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: '2024-11-15', place: null }]],
  ['en counterpart', 'Saudi Foreign Minister Faisal bin Farhan met his Iranian counterpart in Riyadh on Tuesday.', [{ who: 'abbas-araghchi faisal-bin-farhan-al-saud', mode: 'meet', date: '2024-11-19', place: 'riyadh' }]],
  ['en call verb', 'Recep Tayyip Erdogan called Vladimir Putin on Tuesday.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: '2024-11-19', place: null }]],
  ['en not a call', 'Recep Tayyip Erdogan called on Israel to stop the war.', []],
  ['en written date', 'Antony Blinken met Wang Yi in Beijing on November 18, 2024.', [{ who: 'antony-blinken wang-yi', mode: 'meet', date: '2024-11-18', place: 'beijing' }]],
  ['en planned', 'Antony Blinken is expected to meet Wang Yi in Beijing next week.', []],
  ['en planned talks', 'Vladimir Putin and Xi Jinping are expected to hold talks in Beijing on Thursday.', []],
  ['en denied', 'Benjamin Netanyahu did not meet Joe Biden during the visit.', []],
  ['en denied that', 'The Kremlin denied that Vladimir Putin met Recep Tayyip Erdogan in Istanbul.', []],
  ['en postponed', 'The meeting between Joe Biden and Xi Jinping was postponed until next month.', []],
  ['en cancelled', 'Vladimir Putin cancelled his meeting with Recep Tayyip Erdogan on Thursday.', []],
  ['fr meeting', 'Le président Emmanuel Macron a reçu mardi à l’Élysée le chancelier allemand Olaf Scholz.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: '2024-11-19', place: 'elysee-palace' }]],
  ['fr native name', 'Vladimir Poutine a reçu lundi au Kremlin le président turc Recep Tayyip Erdogan.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'meet', date: '2024-11-18', place: 'kremlin' }]],
  ['fr call', 'Emmanuel Macron s’est entretenu samedi par téléphone avec Volodymyr Zelensky.', [{ who: 'emmanuel-macron volodymyr-zelensky', mode: 'phone', date: '2024-11-16', place: null }]],
  ['fr planned', 'Le président français doit s’entretenir dimanche avec Vladimir Poutine.', []],
  ['fr denied', 'Emmanuel Macron n’a pas rencontré Vladimir Poutine lors du sommet.', []],
  ['fr denial of reports', 'L’Élysée a démenti toute rencontre entre Emmanuel Macron et Vladimir Poutine.', []],
  ['fr postponed', 'La rencontre entre Emmanuel Macron et Olaf Scholz prévue jeudi a été reportée.', []],
  ['de meeting', 'Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron empfangen.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'host', date: '2024-11-18', place: 'berlin' }]],
  ['de perfect tense', 'Olaf Scholz hat sich am Montag in Berlin mit Emmanuel Macron getroffen.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: '2024-11-18', place: 'berlin' }]],
  ['de call, native name', 'Bundeskanzler Olaf Scholz hat am Freitag mit dem russischen Präsidenten Wladimir Putin telefoniert.', [{ who: 'olaf-scholz vladimir-putin', mode: 'phone', date: '2024-11-15', place: null }]],
  ['de counterpart', 'Außenministerin Annalena Baerbock traf am Dienstag in Peking ihren chinesischen Amtskollegen Wang Yi.', [{ who: 'annalena-baerbock wang-yi', mode: 'meet', date: '2024-11-19', place: 'beijing' }]],
  ['de planned', 'Olaf Scholz soll sich am Freitag mit Emmanuel Macron treffen.', []],
  ['de denied', 'Olaf Scholz hat sich nicht mit Wladimir Putin getroffen.', []],
  ['de not planned', 'Ein Treffen zwischen Scholz und Putin sei nicht geplant, sagte ein Regierungssprecher.', []],
  ['de postponed', 'Das für Donnerstag geplante Treffen zwischen Olaf Scholz und Emmanuel Macron wurde verschoben.', []],
  ['es meeting', 'El presidente Gustavo Petro se reunió el lunes en Bogotá con el presidente brasileño Luiz Inácio Lula da Silva.', [{ who: 'gustavo-petro luiz-inacio-lula-da-silva', mode: 'meet', date: '2024-11-18', place: 'bogota' }]],
  ['es host, native name', 'Vladímir Putin recibió el martes en el Kremlin a Nicolás Maduro.', [{ who: 'nicolas-maduro vladimir-putin', mode: 'host', date: '2024-11-19', place: 'kremlin' }]],
  ['es call', 'Javier Milei habló por teléfono el viernes con el presidente francés Emmanuel Macron.', [{ who: 'emmanuel-macron javier-milei', mode: 'phone', date: '2024-11-15', place: null }]],
  ['es call noun', 'El canciller Mauro Vieira mantuvo una conversación telefónica con Serguéi Lavrov el domingo.', [{ who: 'mauro-vieira sergey-lavrov', mode: 'phone', date: '2024-11-17', place: null }]],
  ['es written date', 'El presidente Gustavo Petro se reunió en Bogotá con Nicolás Maduro el 18 de noviembre de 2024.', [{ who: 'gustavo-petro nicolas-maduro', mode: 'meet', date: '2024-11-18', place: 'bogota' }]],
  ['es meeting, no preposition', 'El canciller Mauro Vieira y su par ruso Serguéi Lavrov conversaron en Moscú el martes sobre la guerra en Ucrania y el comercio bilateral.', [{ who: 'mauro-vieira sergey-lavrov', mode: 'meet', date: '2024-11-19', place: 'moscow' }]],
  ['es planned', 'La reunión entre Claudia Sheinbaum y Joe Biden está prevista para el jueves en Washington.', []],
  ['es denied', 'Nicolás Maduro no se reunió con Vladímir Putin durante su visita a Moscú.', []],
  ['es postponed', 'La reunión entre Gustavo Petro y Nicolás Maduro fue aplazada hasta diciembre.', []],
  ['es hypothetical', 'Gustavo Petro dijo que se reuniría con Nicolás Maduro si las condiciones lo permiten en las próximas semanas.', []],
  ['de invited', 'Olaf Scholz hat Emmanuel Macron zu einem Treffen in Berlin eingeladen, das im Dezember stattfinden soll.', []],
  ['ru possible', 'Путин и Эрдоган могут встретиться в Стамбуле в ближайшее время, заявил Песков журналистам во вторник.', []],
  ['ru meeting', 'Путин провел переговоры с Си Цзиньпином в Кремле.', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'kremlin' }]],
  ['ru meeting, written date', 'Сергей Лавров встретился с Ван И в Пекине 18 ноября.', [{ who: 'sergey-lavrov wang-yi', mode: 'meet', date: '2024-11-18', place: 'beijing' }]],
  ['ru call', 'Владимир Путин провел телефонный разговор с Реджепом Тайипом Эрдоганом в пятницу.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: '2024-11-15', place: null }]],
  ['ru planned', 'Во вторник Путин и Си Цзиньпин встретятся вновь.', []],
  ['ru denied', 'Путин не встречался с Зеленским.', []],
  ['ru postponed', 'Встреча Путина и Эрдогана, запланированная на четверг, отложена.', []],
];

for (const [name, sentence, expected, todo] of cases) {
  test(`${name}: ${sentence}`, { todo }, () => assert.deepEqual(events(sentence), expected));
}
