// A 5 MB article with one reported meeting in its middle, for the long-article tests (API size,
// page time). Its filler is generated, varied enough not to compress into nothing.
import type { DocumentAnalysis } from '../core/types.ts';
import { makeAnalysis } from '../store/fixtures.ts';

export const LONG_ARTICLE_ID = 'long-article-5mb';
export const LONG_SENTENCE = 'Lula met Sánchez in Madrid on Wednesday, 26 April 2023.';

function filler(chars: number, seed: number): string {
  const words = ['the', 'committee', 'reviewed', 'budget', 'figures', 'for', 'regional', 'transport', 'and', 'water', 'projects', 'while', 'observers', 'noted', 'delays', 'in', 'several', 'provinces'];
  const out: string[] = [];
  let n = 0;
  let x = seed;
  while (n < chars) {
    let sentence = '';
    for (let i = 0; i < 12; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      sentence += (i ? ' ' : '') + words[x % words.length] + (x % 7 === 0 ? String(x % 1000) : '');
    }
    sentence = sentence[0].toUpperCase() + sentence.slice(1) + '.' + (x % 5 === 0 ? '\n\n' : ' ');
    out.push(sentence);
    n += sentence.length;
  }
  return out.join('');
}

export function longArticleAnalysis(bytes = 5_000_000): DocumentAnalysis {
  const text = `Budget hearings, and a visit\n2023-04-27\n\n${filler(bytes / 2, 7)}\n\n${LONG_SENTENCE}\n\n${filler(bytes / 2, 11)}\n`;
  return makeAnalysis(LONG_ARTICLE_ID, text, {
    published: { value: '2023-04-27', precision: 'day', words: '2023-04-27' },
    actors: [
      { id: 'lula', kind: 'person', name: 'Luiz Inácio Lula da Silva', aliases: ['Lula'] },
      { id: 'pedro-sanchez', kind: 'person', name: 'Pedro Sánchez', aliases: ['Sánchez'] },
      { id: 'madrid', kind: 'place', name: 'Madrid', placeType: 'city' },
    ],
    reports: [
      {
        sentence: LONG_SENTENCE,
        trigger: 'met',
        participants: [
          { actorId: 'lula', words: 'Lula' },
          { actorId: 'pedro-sanchez', words: 'Sánchez' },
        ],
        date: { value: '2023-04-26', words: '26 April 2023' },
        place: { actorId: 'madrid', words: 'Madrid' },
      },
    ],
  });
}
