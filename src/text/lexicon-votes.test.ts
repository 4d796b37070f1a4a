// The lexicon vote on sentences written here: triggers through each language's morphology,
// grammatical words, name particles left out, loanword triggers never outvoting another grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearLeader, createLexiconVoter } from './lexicon-votes.ts';

const voter = createLexiconVoter();

test('triggers are matched through the language morphology: a Turkish past, an Indonesian affix, a French participle', () => {
  assert.ok(voter.votes('Erdoğan Putin ile görüştü.').get('tr')!.triggers >= 1);
  assert.ok(voter.votes('Jokowi bertemu Albanese.').get('id')!.triggers >= 1);
  assert.ok(voter.votes('Macron a rencontré Scholz.').get('fr')!.triggers >= 1);
  assert.equal(clearLeader(voter.votes('Macron a rencontré Scholz.')), 'fr');
});

test('a particle inside a name is no grammatical word ("von der" in "Ursula von der Leyen")', () => {
  const v = voter.votes('Ursula von der Leyen, Charles Michel.');
  assert.equal(v.get('de')?.grammar ?? 0, 0);
  // the same words outside a name count
  assert.ok(voter.votes('Das Treffen der Minister.').get('de')!.grammar > 0);
});

test('trigger loanwords do not outvote another language’s grammar; no clear leader is null', () => {
  const votes = voter.votes('Al summit di Roma il meeting tra i due governi', { it: ['il', 'di', 'tra', 'i', 'al'] });
  assert.notEqual(clearLeader(votes), 'en');
  assert.equal(clearLeader(voter.votes('Recep Tayyip Erdogan, Vladimir Putin.')), null);
  // a candidate list narrows the vote (franc's close rivals)
  assert.equal(clearLeader(voter.votes('Le président a rencontré son homologue et ils ont parlé.'), ['es', 'pt']), null);
});

test('a capitalized grammatical word counts where a sentence opens, not after another word (there it is a name)', () => {
  const grammar = (text: string): number => voter.votes(text).get('de')?.grammar ?? 0;
  assert.ok(grammar('Treffen. Das Treffen') > 0);
  assert.ok(grammar('Treffen:\n\n  Das Treffen') > 0);
  assert.ok(grammar('Treffen?\tDas Treffen') > 0);
  assert.equal(grammar('Treffen Das Treffen'), 0);
  assert.equal(grammar('Treffen, Das Treffen'), 0);
});
