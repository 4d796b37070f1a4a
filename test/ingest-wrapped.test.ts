// The shared gold articles as analysts meet them: wrapped into realistic HTML pages (navigation,
// ads, comments, related links, scripts), into an RSS feed and into a JSONL file. Each wrapped
// form must score within 0.02 F1 of the plain text files. Skips where ../shared is absent.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildEventsJson, createPipeline, openSqliteStore, runIngest } from '../src/index.ts';
import { newsPage, rssFeed } from './ingest/fixtures.ts';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const scorer = join(shared, 'eval', 'score.mjs');
const corpora = existsSync(scorer) ? readdirSync(join(shared, 'corpus')).filter((c) => existsSync(join(shared, 'corpus', c, 'gold.jsonl'))) : [];

interface Article {
  id: string;
  text: string;
  title: string | null;
  paragraphs: string[];
}

/** A headline-looking first line becomes the page title; the other lines its paragraphs. */
function split(id: string, text: string): Article {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  const headline = first.length <= 200 && !/[.;:,]$/.test(first);
  return { id, text, title: headline ? first : null, paragraphs: headline ? lines.slice(1) : lines };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function figures(gold: string, pred: object, dir: string, name: string): Record<string, number | null> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(pred));
  const out = execFileSync(process.execPath, [scorer, '--gold', gold, '--pred', file, '--json'], { encoding: 'utf8' });
  return (JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as { figures: Record<string, number | null> }).figures;
}

type EventsJson = Awaited<ReturnType<typeof buildEventsJson>>;

/**
 * A wrapped document's text is not the gold file's text: ids go back to the gold ids, and each
 * mention is placed on the same words in the gold text (the scorer checks mentions lie inside it).
 */
function backToGold(json: EventsJson, idOf: (id: string) => string, storedText: (id: string) => string, goldText: (id: string) => string): EventsJson {
  const copy = JSON.parse(JSON.stringify(json)) as EventsJson & { documents: { id: string }[]; events: { mentions: { doc: string; start: number; end: number }[] }[] };
  for (const d of copy.documents) d.id = idOf(d.id);
  for (const e of copy.events) {
    for (const m of e.mentions) {
      const quote = storedText(m.doc).slice(m.start, m.end);
      const gold = goldText(idOf(m.doc));
      const at = gold.indexOf(quote);
      const start = at >= 0 ? at : Math.min(m.start, Math.max(0, gold.length - 1));
      const end = at >= 0 ? at + quote.length : Math.min(Math.max(start + 1, m.end), gold.length);
      Object.assign(m, { doc: idOf(m.doc), start, end });
    }
  }
  return copy;
}

for (const corpus of corpora) {
  test(`gold corpus ${corpus}: wrapped as HTML pages, a feed and JSONL, it scores as the plain files do`, { timeout: 900_000 }, async () => {
    const goldDir = join(shared, 'corpus', corpus);
    const dir = mkdtempSync(join(tmpdir(), 'parley-wrapped-'));
    const pipeline = createPipeline();
    try {
      const articles = readdirSync(goldDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => split(f.slice(0, -4), readFileSync(join(goldDir, f), 'utf8')));
      const goldTexts = new Map(articles.map((a) => [a.id, a.text]));
      const forms: Record<string, string[]> = {};
      // HTML pages, one per article, in a folder
      mkdirSync(join(dir, 'html'));
      for (const a of articles) {
        // the site's template says English whatever the article's language, as many do: the text must win
        writeFileSync(join(dir, 'html', `${a.id}.html`), newsPage({ title: a.title ?? '', paragraphs: a.paragraphs, outlet: 'Wrapped News', lang: 'en' }));
      }
      forms.html = [join(dir, 'html')];
      // one RSS feed, the article in each item's content
      writeFileSync(
        join(dir, 'feed.xml'),
        rssFeed(articles.map((a) => ({ title: a.title ?? '', link: `https://wrapped.example/${a.id}`, html: a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') }))),
      );
      forms.feed = [join(dir, 'feed.xml')];
      // one JSONL file, the text as it is
      writeFileSync(join(dir, 'articles.jsonl'), articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n') + '\n');
      forms.jsonl = [join(dir, 'articles.jsonl')];

      const results: Record<string, Record<string, number | null>> = {};
      for (const [name, paths] of Object.entries({ plain: [goldDir], ...forms })) {
        const store = openSqliteStore(join(dir, `${name}.db`));
        const summary = await runIngest({ paths, store, pipeline });
        assert.equal(summary.failed.length, 0, `${name}: ${JSON.stringify(summary.failed)}`);
        assert.equal(summary.ingested + summary.duplicates.length, articles.length, name);
        const docs = new Map((await store.listDocuments()).map((d) => [d.id, d]));
        const idOf = (id: string) => {
          const url = docs.get(id)?.meta.url;
          return url?.startsWith('https://wrapped.example/') ? url.slice('https://wrapped.example/'.length) : id;
        };
        const storedTexts = new Map<string, string>();
        for (const id of docs.keys()) storedTexts.set(id, (await store.getDocument(id))!.text);
        const json = backToGold(await buildEventsJson(store), idOf, (id) => storedTexts.get(id)!, (id) => goldTexts.get(id) ?? '');
        await store.close();
        results[name] = figures(goldDir, json, dir, name);
      }
      const report = Object.entries(results)
        .map(([k, f]) => `${k}: meeting ${f['meeting.f1']?.toFixed(3)}, participants ${f['participants.f1']?.toFixed(3)}, date ${f['date.acc']?.toFixed(2)}, location ${f['location.acc']?.toFixed(2)}`)
        .join('; ');
      for (const name of Object.keys(forms)) {
        for (const figure of ['meeting.f1', 'participants.f1']) {
          const plain = results.plain[figure];
          const wrapped = results[name][figure];
          if (plain === null) continue;
          assert.ok(wrapped !== null && Math.abs(wrapped - plain) <= 0.02, `${name} ${figure} ${wrapped} vs plain ${plain} (${report})`);
        }
      }
      console.log(`# ${corpus}: ${report}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the gold corpora are found when ../shared is present', { skip: !existsSync(scorer) && 'no ../shared' }, () => {
  assert.ok(corpora.length >= 1);
});
