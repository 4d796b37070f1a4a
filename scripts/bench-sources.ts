// The sources stage's share of analysis time, in process, on the bench's generated articles: the
// whole analysis per article, and within it the near-duplicate signature and the attributions.
// (npm run bench measures the whole ingest; this says which part of the difference is which.)
//
//   node --import ./src/runtime/register.mjs scripts/bench-sources.ts [--n 1000]
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { article, seedArticles } from './article-generator.ts';
import { createPipeline } from '../src/pipeline/analyze.ts';
import { signature } from '../src/sources/minhash.ts';
import { createAttributionCues } from '../src/sources/attribution-cues.ts';
import { createMediaMatcher } from '../src/sources/media-names.ts';
import { findAttributions } from '../src/sources/find-attributions.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
seedArticles(1);
const texts = Array.from({ length: Number(values.n) }, () => article({ retell: 0.7 }));
const pipeline = createPipeline();
const cues = createAttributionCues()('en');
const media = createMediaMatcher(pipeline.kb);
const time = (f: () => void): number => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
// warm-up
for (const t of texts.slice(0, 50)) pipeline.analyze({ id: 'w', hash: 'w', text: t, source: {}, meta: {} });
let analysis = 0;
let sig = 0;
let attr = 0;
for (let round = 0; round < 2; round++) {
  for (const [i, text] of texts.entries()) {
    const doc = { id: `b${i}`, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: {} };
    let a: ReturnType<typeof pipeline.analyze> | null = null;
    analysis += time(() => (a = pipeline.analyze(doc)));
    sig += time(() => signature(text));
    const an = a!;
    attr += time(() => findAttributions({ text, sentences: an.text.sentences, noise: an.text.noise, mentions: an.mentions, demonyms: [], kb: pipeline.kb, cues, media }));
  }
}
const per = (ms: number): string => (ms / (2 * texts.length)).toFixed(3);
console.log(`${texts.length} articles, 2 rounds: analysis ${per(analysis)} ms/article (sources stage included); near-duplicate signature ${per(sig)} ms (${((100 * sig) / analysis).toFixed(1)}%); attributions ${per(attr)} ms (${((100 * attr) / analysis).toFixed(1)}%)`);
