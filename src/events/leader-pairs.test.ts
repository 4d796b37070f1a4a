// Chinese leader-pair compounds (issue 12): one character per leader before a meeting or call
// word, resolved through the knowledge base's dated roles. Sentences written here, read by the
// whole pipeline under the dateline given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events } from './sentence-events.ts';
import { compileLeaderPairs } from './leader-pairs.ts';

const call = (who: string) => [{ who, mode: 'phone', date: null, place: null }];

test('leader pairs: 川习 in 2025 is Trump and Xi', () => assert.deepEqual(events('川习上周通话后，双方同意继续沟通。', '2025-12-03'), call('donald-trump xi-jinping')));
test('leader pairs: 拜习 while Biden is in office', () => assert.deepEqual(events('拜习上周通话后，双方同意继续沟通。', '2024-11-20'), call('joe-biden xi-jinping')));
test('leader pairs: 拜 stands for nobody once Biden left office', () => assert.deepEqual(events('拜习上周通话后，双方同意继续沟通。', '2025-12-03'), []));
test('leader pairs: 川 stands for nobody while Trump held no office', () => assert.deepEqual(events('川习上周通话后，双方同意继续沟通。', '2023-06-01'), []));
test('leader pairs: the characters of a full name are no pair (川普 is Trump)', () => assert.deepEqual(events('川普会谈后发表声明。', '2025-12-03'), []));
test('leader pairs: a planned call stays no event', () => assert.deepEqual(events('川习将于下周通话。', '2025-12-03'), []));
test('leader pairs: every key is one character', () => assert.throws(() => compileLeaderPairs({ suffixes: ['通话'], people: { 习近: ['xi-jinping'] } }), /not one character/));
