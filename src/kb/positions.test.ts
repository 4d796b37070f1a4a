import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPositionMap, loadPositionMap, parsePositionRules } from './positions.ts';

const map = loadPositionMap();

test('the shipped mapping: heads of state and government, key ministers and speakers get role keys', () => {
  assert.deepEqual(map.roles('President'), ['president']);
  assert.deepEqual(map.roles('Prime Minister'), ['prime-minister']);
  assert.deepEqual(map.roles('President of the Government'), ['prime-minister']);
  assert.deepEqual(map.roles('Premier of the State Council'), ['prime-minister']);
  assert.deepEqual(map.roles('Minister of Foreign Affairs'), ['foreign-minister']);
  assert.deepEqual(map.roles('Minister for Foreign Affairs and Trade'), ['foreign-minister']);
  assert.deepEqual(map.roles('Minister of National Defence'), ['defense-minister']);
  assert.deepEqual(map.roles('Minister of the Interior'), ['interior-minister']);
  assert.deepEqual(map.roles('Chancellor of the Exchequer'), ['finance-minister']);
  assert.deepEqual(map.roles('Speaker of the Islamic Consultative Assembly'), ['speaker']);
  assert.deepEqual(map.roles('Chairman of the State Duma'), ['speaker']);
  assert.deepEqual(map.roles('Supreme Leader'), ['supreme-leader']);
});

test('junior and sub-national posts are not the key roles; unmapped labels are kept as they are', () => {
  assert.deepEqual(map.roles('Deputy Minister of Foreign Affairs'), ['Deputy Minister of Foreign Affairs']);
  assert.deepEqual(map.roles('Minister of State for Foreign Affairs'), ['Minister of State for Foreign Affairs']);
  assert.deepEqual(map.roles('Minister for Defence Materiel'), ['Minister for Defence Materiel']);
  assert.deepEqual(map.roles('Premier of Ontario'), ['Premier of Ontario']);
  assert.deepEqual(map.roles('Minister of Health'), ['Minister of Health']);
});

test('a label holding two posts gives both; a rule limited to a jurisdiction applies only there', () => {
  assert.deepEqual(map.roles('Deputy Prime Minister and Minister of Foreign Affairs'), ['Deputy Prime Minister', 'foreign-minister']);
  assert.deepEqual(map.roles('Secretary of State', 'United States'), ['foreign-minister']);
  assert.deepEqual(map.roles('Secretary of State', 'Austria'), ['Secretary of State']);
});

test('rules: role<TAB>pattern[<TAB>jurisdictions], comments skipped, a pattern matches the whole part', () => {
  const m = createPositionMap(parsePositionRules('# comment\nking\tking|queen\nemir\temir\tQatar, Kuwait\n'));
  assert.deepEqual(m.roles('Queen'), ['king']);
  assert.deepEqual(m.roles('King of the Road'), ['King of the Road']);
  assert.deepEqual(m.roles('Emir', 'Kuwait'), ['emir']);
  assert.deepEqual(m.roles('Emir', 'Afghanistan'), ['Emir']);
  assert.throws(() => parsePositionRules('no tab here'));
});
