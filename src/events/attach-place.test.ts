// Places written here, read by the whole pipeline with the shipped knowledge base and lexicons:
// a noun between the locative and the name, proclitics, unspaced locatives, destinations of a
// visit, and what is no place (a topic, a country in a title, a place inside a participle clause).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events } from './sentence-events.ts';

const placesOf = (body: string): Array<string | null> => events(body).map((e) => e.place);

test('a place noun between the locative and the name: capital, airport, city, palace', () => {
  assert.deepEqual(placesOf('Recep Tayyip Erdogan met Vladimir Putin on Monday in the Russian capital Moscow.'), ['moscow']);
  assert.deepEqual(placesOf('Recep Tayyip Erdogan received Abdel Fattah al-Sisi on Monday at the presidential complex in the capital, Ankara.'), ['ankara']);
  assert.deepEqual(placesOf('Olaf Scholz traf am Montag in der ukrainischen Hauptstadt Kiew Wolodymyr Selenskyj.'), ['kyiv']);
  assert.deepEqual(placesOf('Gustavo Petro se reunió el lunes con Nicolás Maduro en la ciudad de Caracas.'), ['caracas']);
  assert.deepEqual(placesOf('Вчера Сергей Лавров встретился с Ван И в китайской столице Пекине.'), ['beijing']);
});

test('a place noun of two words, and the comma of an apposition (id, pt)', () => {
  assert.deepEqual(placesOf('Presiden Joko Widodo bertemu dengan Presiden Xi Jinping pada hari Senin di ibu kota Tiongkok, Beijing.'), ['beijing']);
  assert.deepEqual(placesOf('O presidente Lula recebeu o presidente Javier Milei na capital brasileira, Brasília.'), ['brasilia']);
});

test('Arabic and Hebrew: the locative and the article joined to the noun', () => {
  // بالعاصمة: ب (in) + ال (the) + عاصمة (capital)
  assert.deepEqual(placesOf('استقبل الرئيس التركي رجب طيب أردوغان اليوم الرئيس المصري عبد الفتاح السيسي بالعاصمة أنقرة.'), ['ankara']);
  assert.deepEqual(placesOf('التقى الرئيس الروسي فلاديمير بوتين الرئيس التركي رجب طيب أردوغان في العاصمة الروسية موسكو.'), ['moscow']);
  // إلى مطار القاهرة: to Cairo's airport
  assert.deepEqual(placesOf('استقبل الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان لدى وصوله إلى مطار القاهرة الدولي.'), ['cairo']);
  // ب glued to the name itself: بدولة قطر, "in the State of Qatar"
  assert.deepEqual(placesOf('التقى الرئيس عبد الفتاح السيسي بنظيره التركي رجب طيب أردوغان بدولة قطر.'), ['qatar']);
  // Hebrew: ב glued to the noun, the article ה, a link: "at the airport of Ankara"
  assert.deepEqual(placesOf("נשיא המדינה יצחק הרצוג נפגש עם נשיא טורקיה רג'פ טאיפ ארדואן בנמל התעופה של אנקרה."), ['ankara']);
});

test('a noun alone is no locative: "the capital" with no locative before it places nothing', () => {
  assert.deepEqual(placesOf('Recep Tayyip Erdogan met Vladimir Putin; the capital Moscow was quiet.'), [null]);
});

test('Chinese: a locative with no space before the name, a place noun between', () => {
  assert.deepEqual(placesOf('俄罗斯总统普京在首都莫斯科会见了土耳其总统埃尔多安。'), ['moscow']);
});

test('the destination of a visit is its place', () => {
  assert.deepEqual(placesOf('During a visit to Ankara, Abdel Fattah al-Sisi met Recep Tayyip Erdogan.'), ['ankara']);
  assert.deepEqual(placesOf('Lors de sa visite à Ankara, le président Vladimir Poutine a rencontré mardi le président Recep Tayyip Erdogan.'), ['ankara']);
  assert.deepEqual(placesOf('Durante su visita a Caracas, Gustavo Petro se reunió con Nicolás Maduro.'), ['caracas']);
  assert.deepEqual(placesOf('Cumhurbaşkanı Erdoğan Kahire ziyaretinde Mısır Cumhurbaşkanı Abdulfettah Sisi ile görüştü.'), ['cairo']);
});

test('what the talks were about is not where they were held', () => {
  assert.deepEqual(placesOf('Antony Blinken held talks with Wang Yi about the situation, especially in Gaza.'), [null]);
  assert.deepEqual(placesOf('أجرى وزير الخارجية السعودي فيصل بن فرحان مباحثات مع عباس عراقجي بشأن آخر التطورات في المنطقة خاصة في غزة.'), [null]);
  // the place of the meeting itself stays
  assert.deepEqual(placesOf('Le président Emmanuel Macron a reçu le chancelier Olaf Scholz à Berlin pour parler de la situation, notamment en Ukraine.'), ['berlin']);
});

test('Turkish: a place inside a participle clause before a name belongs to that clause', () => {
  // "Sisi, who came to power in Egypt in 2013": Egypt is not where they met
  assert.deepEqual(placesOf("Cumhurbaşkanı Erdoğan, Mısır'da 2013 yılında yönetime gelen Mısır Cumhurbaşkanı Abdulfettah Sisi ile görüştü."), [null]);
  // the meeting's own place, with its locative ending, still counts
  assert.deepEqual(placesOf("Cumhurbaşkanı Erdoğan, Kahire'de Mısır Cumhurbaşkanı Abdulfettah Sisi ile görüştü."), ['cairo']);
});

test('a relative of place after a name opens the clause the meeting is told in: where, où, donde, wo, onde', () => {
  assert.deepEqual(placesOf('Joko Widodo gave a speech in Kyiv, where he met Volodymyr Zelensky on Tuesday.'), ['kyiv']);
  assert.deepEqual(placesOf('Le président indonésien Joko Widodo a prononcé un discours à Kiev, où il a rencontré mardi le président Volodymyr Zelensky.'), ['kyiv']);
  assert.deepEqual(placesOf('Joko Widodo pronunció un discurso en Kiev, donde se reunió el martes con Volodymyr Zelensky.'), ['kyiv']);
  assert.deepEqual(placesOf('Joko Widodo hielt eine Rede in Kiew, wo er am Dienstag Präsident Wolodymyr Selenskyj traf.'), ['kyiv']);
  assert.deepEqual(placesOf('Joko Widodo fez um discurso em Kiev, onde se reuniu com Volodymyr Zelensky na terça-feira.'), ['kyiv']);
});

test('a place after a verb of discussing is what was discussed (en, fr, es, de)', () => {
  assert.deepEqual(placesOf('Recep Tayyip Erdogan met Vladimir Putin on Monday to discuss the planned visit to Tehran.'), [null]);
  assert.deepEqual(placesOf('Le président Emmanuel Macron a reçu le chancelier Olaf Scholz pour évoquer la visite à Pékin.'), [null]);
  assert.deepEqual(placesOf('Gustavo Petro se reunió el lunes con Nicolás Maduro para discutir la visita a Brasilia.'), [null]);
  assert.deepEqual(placesOf('Olaf Scholz traf am Montag Emmanuel Macron, um über die Reise nach Peking zu sprechen.'), [null]);
});

test('a country naming whose head is met is no place of the visit (zh, en, id, tr)', () => {
  assert.deepEqual(placesOf('国务委员王毅访问埃及总统塞西。'), [null]);
  assert.deepEqual(placesOf("Vladimir Putin visited Turkey's President Recep Tayyip Erdogan on Monday."), [null]);
  assert.deepEqual(placesOf('Presiden Joko Widodo mengunjungi Rusia Presiden Vladimir Putin.'), [null]);
  assert.deepEqual(placesOf('Cumhurbaşkanı Erdoğan, Mısır lideri Abdulfettah Sisi ile görüştü.'), [null]);
  // the visited country itself, before the clause naming its head, stays
  assert.deepEqual(placesOf('Vladimir Putin visited Turkey on Monday, where he met President Recep Tayyip Erdogan.'), ['turkey']);
});

test('a place qualifying a topic noun after it is what was talked about, not where (zh en de)', () => {
  assert.deepEqual(placesOf('周二，王毅与拉夫罗夫举行会谈，双方在台湾问题上交换了意见。'), [null]);
  assert.deepEqual(placesOf('王毅周二会见拉夫罗夫，讨论了在乌克兰危机上的立场。'), [null]);
  assert.deepEqual(placesOf('Wang Yi met Sergei Lavrov on Tuesday to talk in depth on the Taiwan issue.'), [null]);
  assert.deepEqual(placesOf('Wang Yi traf Sergej Lawrow am Dienstag zu Gesprächen in der Taiwan-Frage.'), [null]);
  // the same place as where the meeting was still counts
  assert.deepEqual(placesOf('王毅周二在莫斯科会见拉夫罗夫。'), ['moscow']);
  assert.deepEqual(placesOf('Wang Yi met Sergei Lavrov in Moscow on Tuesday.'), ['moscow']);
});
