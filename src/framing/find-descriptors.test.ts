import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ParleyError } from '../core/errors.ts';
import type { ActorKind, Descriptor, Mention, MentionVia } from '../core/types.ts';
import { createDescriptorFinder } from './find-descriptors.ts';
import { DEFAULT_FRAMING_DIR, loadFramingLexicons, STANCES } from './framing-lexicon.ts';

const find = createDescriptorFinder();

type Name = [words: string, actorId: string, kind?: ActorKind, via?: MentionVia];

/** Mentions at every occurrence of each name; the whole text is one sentence. */
function describe(lang: string, text: string, names: Name[]): Descriptor[] {
  const mentions: Mention[] = [];
  for (const [words, id, kind = 'organization', via = 'alias'] of names) {
    for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length)) {
      mentions.push({ start: at, end: at + words.length, actorIds: [id], kind, via });
    }
  }
  const found = find({ text, language: lang, sentences: [{ start: 0, end: text.length }], mentions });
  // every span slices to the words it claims, and describes a mention or stands for its actor
  for (const d of found) {
    assert.ok(d.start >= 0 && d.start < d.end && d.end <= text.length, `span ${d.start}-${d.end}`);
    assert.equal(d.normalized, text.slice(d.start, d.end).normalize('NFKC').toLowerCase().replace(/[«»"“”„‹›「」『』]/gu, '').replace(/\s+/g, ' ').trim());
    for (const l of d.loaded) assert.ok(l.start >= d.start && l.end <= d.end, `loaded term ${l.termId} inside its descriptor`);
  }
  return found;
}

/** [actor, form, words, stances] for each descriptor, for compact comparison. */
function summary(text: string, found: Descriptor[]): [string, string, string, string][] {
  return found.map((d) => [d.actorId, d.form, text.slice(d.start, d.end), d.loaded.map((l) => l.stance).join(',')]);
}

const cases: { name: string; lang: string; text: string; names: Name[]; expect: [string, string, string, string][] }[] = [
  {
    name: 'en appositive',
    lang: 'en',
    text: 'Lavrov met Hezbollah, the Lebanese resistance movement, in Beirut.',
    names: [['Lavrov', 'sergey-lavrov', 'person'], ['Hezbollah', 'hezbollah'], ['Beirut', 'beirut', 'place']],
    expect: [['hezbollah', 'appositive', 'Lebanese resistance movement', 'valorizing']],
  },
  {
    name: 'en modifiers and an epithet',
    lang: 'en',
    text: 'The envoy praised the pro-Iranian Shiite militia Hezbollah and condemned the illegal Zionist entity.',
    names: [['Hezbollah', 'hezbollah']],
    expect: [
      ['hezbollah', 'premodifier', 'pro-Iranian Shiite militia', 'subordinating,delegitimizing'],
      ['israel', 'epithet', 'illegal Zionist entity', 'delegitimizing'],
    ],
  },
  {
    name: 'en: a title before a person, not the organization it names; "head of" is no modifier',
    lang: 'en',
    text: 'Officials met the terrorist organization Hamas, while the Hezbollah chief Hassan Nasrallah met Ismail Haniyeh, the head of Hamas.',
    names: [['Hamas', 'hamas'], ['Hezbollah', 'hezbollah'], ['Hassan Nasrallah', 'hassan-nasrallah', 'person'], ['Ismail Haniyeh', 'ismail-haniyeh', 'person']],
    expect: [
      ['hamas', 'premodifier', 'terrorist organization', 'criminalizing'],
      ['hassan-nasrallah', 'premodifier', 'Hezbollah chief', ''],
      ['ismail-haniyeh', 'appositive', 'head of Hamas', ''],
    ],
  },
  {
    name: 'en: no article, the verb is left out; lists and "the statement said" are no descriptors',
    lang: 'en',
    text: 'Lavrov met Hezbollah chief Naim Qassem, who said talks went well, and Hamas, Islamic Jihad and others, the statement said.',
    names: [['Lavrov', 'sergey-lavrov', 'person'], ['Hezbollah', 'hezbollah'], ['Naim Qassem', 'naim-qassem', 'person'], ['Hamas', 'hamas'], ['Islamic Jihad', 'pij']],
    expect: [['naim-qassem', 'premodifier', 'Hezbollah chief', '']],
  },
  {
    name: 'en: a title standing for a person keeps its words, without the article',
    lang: 'en',
    text: 'The Hezbollah chief met the Iranian envoy.',
    names: [['The Hezbollah chief', 'naim-qassem', 'person', 'title'], ['Hezbollah', 'hezbollah']],
    expect: [['naim-qassem', 'title', 'Hezbollah chief', '']],
  },
  {
    name: 'fr appositive and an elided article',
    lang: 'fr',
    text: "Le ministre a rencontré le Hezbollah, le mouvement de résistance libanais, et dénoncé l'entité sioniste.",
    names: [['Hezbollah', 'hezbollah']],
    expect: [
      ['hezbollah', 'appositive', 'mouvement de résistance libanais', 'valorizing'],
      ['israel', 'epithet', 'entité sioniste', 'delegitimizing'],
    ],
  },
  {
    name: 'fr modifiers',
    lang: 'fr',
    text: 'Il a reçu la milice chiite pro-iranienne Hezbollah à Beyrouth.',
    names: [['Hezbollah', 'hezbollah'], ['Beyrouth', 'beirut', 'place']],
    expect: [['hezbollah', 'premodifier', 'milice chiite pro-iranienne', 'delegitimizing,subordinating']],
  },
  {
    name: 'de modifiers with a phrase inside',
    lang: 'de',
    text: 'Lawrow traf die vom Iran unterstützte Terrormiliz Hisbollah in Beirut.',
    names: [['Lawrow', 'sergey-lavrov', 'person'], ['Iran', 'iran', 'place'], ['Hisbollah', 'hezbollah'], ['Beirut', 'beirut', 'place']],
    expect: [['hezbollah', 'premodifier', 'vom Iran unterstützte Terrormiliz', 'subordinating,criminalizing']],
  },
  {
    name: 'de appositive',
    lang: 'de',
    text: 'Die Hisbollah, eine libanesische Schiitenmiliz, lehnte das Angebot ab.',
    names: [['Hisbollah', 'hezbollah']],
    expect: [['hezbollah', 'appositive', 'libanesische Schiitenmiliz', 'delegitimizing']],
  },
  {
    name: 'ru appositive (no articles)',
    lang: 'ru',
    text: 'Хамас, палестинское движение сопротивления, заявил о встрече.',
    names: [['Хамас', 'hamas']],
    expect: [['hamas', 'appositive', 'палестинское движение сопротивления', 'valorizing']],
  },
  {
    name: 'ru modifiers before a name in quotes, bounded by a preposition',
    lang: 'ru',
    text: 'Министр встретился с представителями террористической организации «Хамас» в Москве.',
    names: [['Хамас', 'hamas'], ['Москве', 'moscow', 'place']],
    expect: [['hamas', 'premodifier', 'представителями террористической организации', 'criminalizing']],
  },
  {
    name: 'ar adjective after the name, and an epithet',
    lang: 'ar',
    text: 'استقبل الرئيس وفدا من حزب الله اللبناني في دمشق وأدان الكيان الصهيوني.',
    names: [['حزب الله', 'hezbollah'], ['دمشق', 'damascus', 'place']],
    expect: [
      ['hezbollah', 'postmodifier', 'اللبناني', ''],
      ['israel', 'epithet', 'الكيان الصهيوني', 'delegitimizing'],
    ],
  },
  {
    name: 'ar modifiers before the name',
    lang: 'ar',
    text: 'التقى الوزير وفدا من حركة المقاومة الإسلامية حماس في الدوحة.',
    names: [['حماس', 'hamas'], ['الدوحة', 'doha', 'place']],
    expect: [['hamas', 'premodifier', 'حركة المقاومة الإسلامية', 'valorizing']],
  },
  {
    name: 'es',
    lang: 'es',
    text: 'El ministro recibió al grupo terrorista Hamás, según la agencia.',
    names: [['Hamás', 'hamas']],
    expect: [['hamas', 'premodifier', 'grupo terrorista', 'criminalizing']],
  },
  {
    name: 'tr modifiers after the name',
    lang: 'tr',
    text: 'Bakan, Hamas terör örgütü ile görüştü.',
    names: [['Hamas', 'hamas']],
    expect: [['hamas', 'postmodifier', 'terör örgütü', 'criminalizing']],
  },
  {
    name: 'tr: words before a person describe the person, not the organization before them',
    lang: 'tr',
    text: 'Erdoğan, Hamas lideri Haniye ile görüştü.',
    names: [['Erdoğan', 'erdogan', 'person'], ['Hamas', 'hamas'], ['Haniye', 'ismail-haniyeh', 'person']],
    expect: [['ismail-haniyeh', 'premodifier', 'Hamas lideri', '']],
  },
  {
    name: 'zh (unspaced)',
    lang: 'zh',
    text: '王毅会见了恐怖组织哈马斯的代表，并谴责犹太复国主义政权。',
    names: [['王毅', 'wang-yi', 'person'], ['哈马斯', 'hamas']],
    expect: [
      ['hamas', 'premodifier', '恐怖组织', 'criminalizing'],
      ['israel', 'epithet', '犹太复国主义政权', 'delegitimizing'],
    ],
  },
  {
    name: 'he',
    lang: 'he',
    text: 'השר תקף את ארגון הטרור חמאס.',
    names: [['חמאס', 'hamas']],
    expect: [['hamas', 'premodifier', 'ארגון הטרור', 'criminalizing']],
  },
  {
    name: 'fa epithet',
    lang: 'fa',
    text: 'وزیر رژیم صهیونیستی را محکوم کرد.',
    names: [],
    expect: [['israel', 'epithet', 'رژیم صهیونیستی', 'delegitimizing']],
  },
  {
    name: 'id',
    lang: 'id',
    text: 'Menlu bertemu dengan kelompok perlawanan Hamas di Doha.',
    names: [['Hamas', 'hamas'], ['Doha', 'doha', 'place']],
    expect: [['hamas', 'premodifier', 'kelompok perlawanan', 'valorizing']],
  },
];

for (const c of cases) {
  test(`descriptors: ${c.name}`, () => {
    assert.deepEqual(summary(c.text, describe(c.lang, c.text, c.names)), c.expect);
  });
}

test('descriptors: each describes its mention, offsets inside the sentences given', () => {
  const text = 'Title line\n\nHezbollah, the Lebanese group, met Hamas. The pro-Iranian militia Hezbollah spoke.';
  const second = text.indexOf('The pro-Iranian');
  const mentions: Mention[] = [];
  for (const [w, id] of [['Hezbollah', 'hezbollah'], ['Hamas', 'hamas']] as const) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) mentions.push({ start: at, end: at + w.length, actorIds: [id], kind: 'organization', via: 'alias' });
  }
  const found = find({ text, language: 'en', sentences: [{ start: 12, end: second }, { start: second, end: text.length }], mentions });
  assert.deepEqual(
    found.map((d) => [text.slice(d.start, d.end), text.slice(d.of.start, d.of.end), d.of.start]),
    [
      ['Lebanese group', 'Hezbollah', 12],
      ['pro-Iranian militia', 'Hezbollah', text.indexOf('Hezbollah', second)],
    ],
  );
  // text outside the sentences given is never read
  assert.deepEqual(find({ text, language: 'en', sentences: [], mentions }), []);
});

test('descriptors: a language without framing data gives none', () => {
  assert.deepEqual(describe('xx', 'The terrorist organization Hamas met.', [['Hamas', 'hamas']]), []);
});

test('framing data: every language handled has a file, every term a valid stance and a unique id', () => {
  const files = readdirSync(DEFAULT_FRAMING_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(files, ['ar', 'de', 'en', 'es', 'fa', 'fr', 'he', 'id', 'pt', 'ru', 'tr', 'zh']);
  const lexicons = loadFramingLexicons();
  for (const lang of files) {
    const lex = lexicons(lang)!;
    assert.ok(lex.loaded.length >= 8, `${lang}: loaded terms`);
    assert.ok(lex.heads.length >= 20, `${lang}: heads`);
    for (const t of lex.loaded) assert.ok(STANCES.includes(t.stance), `${t.id}: ${t.stance}`);
    assert.equal(new Set(lex.loaded.map((t) => t.id)).size, lex.loaded.length);
  }
});

test('framing data: a bad file is named with its problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-framing-'));
  try {
    writeFileSync(join(dir, 'en.json'), JSON.stringify({ determiners: ['the'], loaded: [{ id: 'x', term: 'regime', stance: 'hostile' }] }));
    assert.throws(
      () => loadFramingLexicons(dir),
      (e: unknown) => e instanceof ParleyError && e.code === 'config' && e.message.includes('en.json') && e.message.includes('"stance" must be one of'),
    );
    writeFileSync(join(dir, 'en.json'), '{ not json');
    assert.throws(() => loadFramingLexicons(dir), (e: unknown) => e instanceof ParleyError && e.message.includes('en.json'));
    assert.throws(() => loadFramingLexicons(join(dir, 'missing')), /does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
