// Languages without a lexicon: the text is named for what it is, and no events come out of it
// (words of another language would only find garbage). Sentences written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events } from './sentence-events.ts';
import { createLexicons } from './lexicon.ts';
import { detectLanguage } from '../text/detect-language.ts';

// meetings between actors the knowledge base knows, in languages Parley has no lexicon for
const texts: Array<[string, string]> = [
  ['it', 'Il presidente della Repubblica Sergio Mattarella ha incontrato lunedì al Quirinale il presidente ucraino Volodymyr Zelensky per discutere della guerra e degli aiuti militari.'],
  ['ja', '岸田文雄首相は18日、東京の首相官邸でインドのモディ首相と会談し、両国の経済協力について話し合った。'],
  ['ko', '윤석열 대통령은 18일 서울 용산 대통령실에서 일본의 기시다 후미오 총리와 정상회담을 가졌다.'],
  ['hi', 'प्रधानमंत्री नरेंद्र मोदी ने सोमवार को नई दिल्ली में रूसी राष्ट्रपति व्लादिमीर पुतिन से मुलाकात की और द्विपक्षीय संबंधों पर चर्चा की।'],
  ['sw', 'Rais William Ruto alikutana na Rais wa Urusi Vladimir Putin mjini Moscow siku ya Jumatatu kujadili biashara kati ya nchi hizo mbili.'],
  ['nl', 'Premier Mark Rutte heeft maandag in Den Haag de Oekraïense president Volodymyr Zelensky ontvangen voor een gesprek over de oorlog.'],
  ['pl', 'Premier Donald Tusk spotkał się w poniedziałek w Warszawie z prezydentem Ukrainy Wołodymyrem Zełenskim, aby rozmawiać o wojnie.'],
  ['uk', 'Президент України Володимир Зеленський у понеділок зустрівся в Києві з генеральним секретарем НАТО Марком Рютте.'],
  ['ur', 'وزیر اعظم شہباز شریف نے پیر کے روز اسلام آباد میں چینی وزیر خارجہ وانگ یی سے ملاقات کی اور دوطرفہ تعلقات پر تبادلہ خیال کیا۔'],
  ['el', 'Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε τη Δευτέρα στην Αθήνα με τον Τούρκο πρόεδρο Ρετζέπ Ταγίπ Ερντογάν.'],
  ['bg', 'Президентът Румен Радев се срещна в понеделник в София с турския президент Реджеп Тайип Ердоган, за да обсъдят енергетиката.'],
  ['vi', 'Chủ tịch nước Tô Lâm đã hội đàm với Tổng thống Nga Vladimir Putin tại Moskva vào thứ Hai để thảo luận về hợp tác kinh tế.'],
  ['th', 'นายกรัฐมนตรีแพทองธาร ชินวัตร พบกับประธานาธิบดีจีน สี จิ้นผิง ที่กรุงปักกิ่งเมื่อวันจันทร์'],
  ['ro', 'Președintele Klaus Iohannis s-a întâlnit luni la București cu președintele ucrainean Volodimir Zelenski pentru a discuta despre război.'],
  ['ha', 'Shugaban kasar Najeriya Bola Tinubu ya gana da shugaban kasar Faransa Emmanuel Macron a birnin Paris ranar Litinin.'],
];

for (const [lang, text] of texts) {
  test(`${lang} is named, not taken for one of the twelve: ${text}`, () => assert.equal(detectLanguage(text), lang));
  test(`${lang} yields no events: ${text}`, () => assert.deepEqual(events(text), []));
}

test('English words inside another language find nothing: "summit", "meeting" in an Italian text', () => {
  const text = 'Al summit di Roma il meeting tra Giorgia Meloni e Emmanuel Macron è stato definito costruttivo dai due governi, secondo fonti di Palazzo Chigi.';
  assert.equal(detectLanguage(text), 'it');
  assert.deepEqual(events(text), []);
});

test('Malay reads with the Indonesian lexicon (data/lang/aliases.json)', () => {
  const text = 'Perdana Menteri Anwar Ibrahim mengadakan pertemuan dengan Presiden Indonesia Prabowo Subianto di Putrajaya pada hari Isnin bagi membincangkan kerjasama kedua-dua negara.';
  assert.equal(detectLanguage(text), 'ms');
  const lex = createLexicons()('ms');
  assert.equal(lex.lang, 'id');
  assert.deepEqual(events(text).map((e) => e.who), ['anwar-ibrahim prabowo-subianto']);
});

test('an unknown language (too short to tell) reads with English; a known one without a lexicon with none', () => {
  const lexicons = createLexicons();
  assert.equal(lexicons('und').lang, 'en');
  assert.equal(lexicons('it').triggers.length, 0);
  assert.equal(lexicons('../en').triggers.length, 0);
  // trigram statistics would say Uzbek; the English lexicon ("called", "on") tells
  const short = 'Recep Tayyip Erdogan called Vladimir Putin on Tuesday.';
  assert.equal(detectLanguage(short), 'en');
  assert.deepEqual(events(short).map((e) => e.mode), ['phone']);
  // names only: too little to tell
  assert.equal(detectLanguage('Recep Tayyip Erdogan, Vladimir Putin, Emmanuel Macron.'), 'und');
});
