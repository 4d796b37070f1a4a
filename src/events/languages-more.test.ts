// Sentences in Portuguese, Turkish, Indonesian, Arabic, Persian, Chinese and Hebrew, one per
// behaviour and language, read by the whole pipeline with the shipped knowledge base and lexicons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';

// The Chinese cases carry a headline above the lead, as Xinhua reports do.
const cases: Array<[string, string, SentenceEvent[]]> = [
  ['pt meeting', 'O presidente Luiz Inácio Lula da Silva reuniu-se com o presidente chinês Xi Jinping em Brasília na segunda-feira para discutir o comércio e os investimentos entre os dois países.', [{ who: 'luiz-inacio-lula-da-silva xi-jinping', mode: 'meet', date: '2024-11-18', place: 'brasilia' }]],
  ['pt call', 'O presidente Lula conversou por telefone com o presidente francês Emmanuel Macron no sábado sobre a guerra na Ucrânia e o acordo entre a União Europeia e o Mercosul.', [{ who: 'emmanuel-macron luiz-inacio-lula-da-silva', mode: 'phone', date: '2024-11-16', place: null }]],
  ['pt planned', 'A reunião entre o presidente Lula e o presidente chinês Xi Jinping está prevista para sábado em Brasília, segundo o governo, e deve tratar do comércio entre os dois países.', []],
  ['pt denied', 'O presidente Lula não se reuniu com o presidente russo Vladimir Putin durante a cúpula do G20 no Rio de Janeiro, segundo o Itamaraty e a sua assessoria.', []],
  ['tr meeting', 'Cumhurbaşkanı Recep Tayyip Erdoğan, Rusya Devlet Başkanı Vladimir Putin ile Pazartesi günü bir araya geldi ve iki ülke arasındaki ticaret ile enerji işbirliğini ele aldı.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'meet', date: '2024-11-18', place: null }]],
  ['tr call', 'Cumhurbaşkanı Erdoğan, Fransa Cumhurbaşkanı Emmanuel Macron ile Cuma günü telefonda görüştü ve bölgesel gelişmeler ile Ukrayna’daki savaşı bir kez daha ele aldı.', [{ who: 'emmanuel-macron recep-tayyip-erdogan', mode: 'phone', date: '2024-11-15', place: null }]],
  ['tr planned', 'Cumhurbaşkanı Erdoğan ile Rusya Devlet Başkanı Vladimir Putin arasında gelecek hafta bir telefon görüşmesi planlanıyor ve bu görüşme için hazırlıklar sürüyor.', []],
  ['tr denied', 'Kremlin Sözcüsü, Putin’in Erdoğan ile gizlice görüştüğü yönündeki haberleri yalanladı ve böyle bir görüşme olmadığını bu sabah gazetecilere söyledi.', []],
  ['id meeting', 'Presiden Prabowo Subianto bertemu dengan Presiden China Xi Jinping di Beijing pada hari Sabtu untuk membahas kerja sama ekonomi dan investasi antara kedua negara.', [{ who: 'prabowo-subianto xi-jinping', mode: 'meet', date: '2024-11-16', place: 'beijing' }]],
  ['id call', 'Presiden Prabowo Subianto berbicara melalui telepon dengan Presiden Rusia Vladimir Putin pada hari Jumat dan membahas hubungan bilateral dari kedua negara itu.', [{ who: 'prabowo-subianto vladimir-putin', mode: 'phone', date: '2024-11-15', place: null }]],
  ['id planned', 'Presiden Prabowo Subianto dijadwalkan akan bertemu dengan Presiden China Xi Jinping di Beijing pada hari Sabtu untuk membahas kerja sama ekonomi dan investasi.', []],
  ['id denied', 'Presiden Prabowo Subianto tidak bertemu dengan Presiden Rusia Vladimir Putin selama kunjungannya ke Moskow pada pekan ini, kata juru bicara istana dalam keterangan pers.', []],
  ['ar meeting', 'استقبل الرئيس المصري عبد الفتاح السيسي الرئيس الفلسطيني محمود عباس في القاهرة يوم الأحد لبحث تطورات الأوضاع في قطاع غزة.', [{ who: 'abdel-fattah-el-sisi mahmoud-abbas', mode: 'host', date: '2024-11-17', place: 'cairo' }]],
  ['ar call', 'تلقى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان يوم الجمعة تناول العلاقات الثنائية.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: '2024-11-15', place: null }]],
  ['ar planned', 'من المقرر أن يلتقي الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في إسطنبول يوم الخميس المقبل.', []],
  ['ar denied', 'لم يجتمع الرئيس الروسي فلاديمير بوتين مع الرئيس التركي رجب طيب أردوغان خلال زيارته إلى أنقرة.', []],
  ['fa meeting', 'ولادیمیر پوتین رئیس جمهور روسیه روز دوشنبه در مسکو با مسعود پزشکیان رئیس جمهور ایران دیدار و گفتگو کرد.', [{ who: 'masoud-pezeshkian vladimir-putin', mode: 'meet', date: '2024-11-18', place: 'moscow' }]],
  ['fa call', 'عباس عراقچی وزیر امور خارجه ایران روز یکشنبه در گفتگوی تلفنی با سرگئی لاوروف وزیر خارجه روسیه درباره تحولات منطقه رایزنی کرد.', [{ who: 'abbas-araghchi sergey-lavrov', mode: 'phone', date: '2024-11-17', place: null }]],
  ['fa planned', 'قرار است ولادیمیر پوتین رئیس جمهور روسیه هفته آینده در تهران با مسعود پزشکیان دیدار کند.', []],
  ['fa denied', 'ولادیمیر پوتین رئیس جمهور روسیه در سفر اخیر خود به تهران با مسعود پزشکیان دیدار نکرد.', []],
  ['zh meeting', '习近平会见俄罗斯总统普京\n\n国家主席习近平18日在北京会见了来访的俄罗斯总统普京，两国元首举行了会谈。', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'beijing' }]],
  ['zh call', '习近平同法国总统马克龙通电话\n\n国家主席习近平昨天同法国总统马克龙通电话。', [{ who: 'emmanuel-macron xi-jinping', mode: 'phone', date: '2024-11-19', place: null }]],
  ['zh planned', '习近平将会见普京\n\n国家主席习近平将于下周在北京会见俄罗斯总统普京。', []],
  ['zh denied', '普京与习近平未举行会谈\n\n俄罗斯总统普京与国家主席习近平此次并未举行会谈。', []],
  ['he meeting', 'ראש הממשלה בנימין נתניהו נפגש ביום שלישי עם מזכיר המדינה האמריקני אנתוני בלינקן.', [{ who: 'antony-blinken benjamin-netanyahu', mode: 'meet', date: '2024-11-19', place: null }]],
  ['he call', 'נשיא המדינה יצחק הרצוג שוחח בטלפון עם נשיא צרפת עמנואל מקרון ביום ראשון.', [{ who: 'emmanuel-macron isaac-herzog', mode: 'phone', date: '2024-11-17', place: null }]],
  ['he planned', 'הפגישה בין ראש הממשלה בנימין נתניהו לבין הנשיא ג׳ו ביידן צפויה להתקיים ביום חמישי.', []],
  ['he denied', 'ראש הממשלה בנימין נתניהו לא נפגש עם הנשיא ג׳ו ביידן במהלך ביקורו.', []],
];

for (const [name, sentence, expected] of cases) {
  test(`${name}: ${sentence}`, () => assert.deepEqual(events(sentence), expected));
}
