// Long single documents: analysis time per size, so work that grows faster than the text shows
// (the pipeline accepts documents up to 5 MB). Each size is analyzed as one long paragraph and as
// many paragraphs; the text mixes generated news paragraphs (several leaders, places, dates) with
// sentences that name people by surname, pronoun and title.
//
//   npm run bench:long                 sizes 100 KB, 500 KB, 1 MB, 5 MB
//   npm run bench:long -- 100 250 500  other sizes, in KB
import { article, seedArticles } from './article-generator.ts';
import { createPipeline } from '../src/pipeline/analyze.ts';

const SIZES_KB = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = (SIZES_KB.length ? SIZES_KB : [100, 500, 1000, 5000]).map((kb) => kb * 1000);

// sentences the generated articles lack: surnames, pronouns, titles, plural references, calls,
// members of a delegation, stays and presence
const EXTRA = [
  'Putin later received Xi at the Kremlin, where the two leaders held talks on Tuesday.',
  'He also spoke by phone with German Chancellor Olaf Scholz on 14 March 2024.',
  'The French president met his Brazilian counterpart in Paris on Monday.',
  'Erdogan and Zelensky met in Istanbul on Wednesday, accompanied by Foreign Minister Hakan Fidan.',
  'Modi will visit Tokyo next month to hold talks with Kishida, officials said.',
  'Blinken held a video call with Wang Yi on Thursday, according to Reuters.',
  'Xi will be in Russia from March 20 to March 22 on a state visit. On the first day, he met Putin.',
  'Erdogan received Ismail Haniyeh and his delegation, including Khaled Meshaal, in Ankara on Saturday.',
  'Antony Blinken, who is in Tokyo, met Fumio Kishida on Monday. Macron has since met Scholz in Berlin.',
];

/** Paragraphs of about `size` characters in all: generated article bodies, dense with meetings. */
function paragraphs(size: number): string[] {
  seedArticles(7);
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    // the body only (the headline and date line would be one more dateline); of each paragraph
    // two sentences, then one of the extra ones
    for (const p of article().split('\n').slice(2).filter(Boolean)) {
      const para = `${p.split(/(?<=\.) /).slice(0, 2).join(' ')} ${EXTRA[out.length % EXTRA.length]}`;
      out.push(para);
      length += para.length + 2;
    }
  }
  return out;
}

function documentOf(size: number, oneParagraph: boolean): string {
  return 'Published 2024-03-02\n\n' + paragraphs(size).join(oneParagraph ? ' ' : '\n\n') + '\n';
}

const pipeline = createPipeline();
const analyze = (id: string, text: string) => pipeline.analyze({ id, hash: id, text, source: {}, meta: {} });
// warm up: compile the lexicons and the code paths of both shapes once
for (const oneParagraph of [true, false]) analyze('warm', documentOf(100_000, oneParagraph));

const kb = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`);
for (const oneParagraph of [true, false]) {
  console.log(`\n${oneParagraph ? 'one paragraph' : 'many paragraphs'}`);
  console.log('size       chars      time (s)   chars/s      x size   x time');
  let base: { chars: number; seconds: number } | null = null;
  for (const size of sizes) {
    const text = documentOf(size, oneParagraph);
    const t0 = performance.now();
    const a = analyze(`long-${size}`, text);
    const seconds = (performance.now() - t0) / 1000;
    base ??= { chars: text.length, seconds };
    console.log(
      [
        kb(size).padEnd(10),
        String(text.length).padEnd(10),
        seconds.toFixed(2).padEnd(10),
        String(Math.round(text.length / seconds)).padEnd(12),
        (text.length / base.chars).toFixed(1).padEnd(8),
        (seconds / base.seconds).toFixed(1).padEnd(8),
        `${a.reports.length} reports, ${a.mentions.length} mentions`,
      ].join(' '),
    );
  }
}
