// Local actors files: JSON arrays of entries or CSV rows (one per role), checked field by field
// with errors that name the file, the row and the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocalCsv, parseLocalJson } from './local-actors.ts';

test('CSV: one actor a row, a second row of an id adds its role; aliases split on "|"', () => {
  const csv = [
    'id,kind,name,aliases,type,country,within,role,of,from,to',
    'tomas-ferreyra,person,Tomás Ferreyra,Tomas Ferreyra|T. Ferreyra,,argentina,,governor,cordoba-province,2019-12-10,2023-12-10',
    'tomas-ferreyra,person,Tomás Ferreyra,,,argentina,,senator,argentina,2024,',
    'cordoba-province,place,Córdoba Province,Provincia de Córdoba,region,,argentina,,,,',
  ].join('\n');
  const entries = parseLocalCsv(csv, 'local.csv');
  assert.deepEqual(entries.map((e) => e.id), ['tomas-ferreyra', 'cordoba-province']);
  assert.deepEqual(entries[0].aliases, ['Tomas Ferreyra', 'T. Ferreyra']);
  assert.deepEqual(entries[0].roles, [
    { role: 'governor', of: 'cordoba-province', from: '2019-12-10', to: '2023-12-10' },
    { role: 'senator', of: 'argentina', from: '2024' },
  ]);
  assert.equal(entries[1].within, 'argentina');
  assert.equal(entries[1].type, 'region');
});

test('JSON: an array of entries, checked', () => {
  const entries = parseLocalJson(JSON.stringify([{ id: 'ines-qadri', kind: 'person', name: 'Inès Qadri', aliases: ['Ines Qadri', 'إيناس قادري'], roles: [{ role: 'mayor', of: 'marseille' }] }]), 'a.json');
  assert.equal(entries[0].aliases.length, 2);
  assert.deepEqual(entries[0].roles, [{ role: 'mayor', of: 'marseille' }]);
});

test('bad rows are refused with the file, the row and the problem named', () => {
  const head = 'id,kind,name,aliases,type,country,within,role,of,from,to\n';
  assert.throws(() => parseLocalCsv(head + 'x-y,ghost,Someone,,,,,,,,\n', 'l.csv'), /l\.csv: row 2: kind must be person, organization or place, not "ghost"/);
  assert.throws(() => parseLocalCsv(head + 'x-y,person,,,,,,,,,\n', 'l.csv'), /row 2: "name" is missing/);
  assert.throws(() => parseLocalCsv(head + 'Bad Id,person,Someone,,,,,,,,\n', 'l.csv'), /id "Bad Id" must be lower-case/);
  assert.throws(() => parseLocalCsv(head + 'x-y,person,Someone,,,,,mayor,paris,3 May 2020,\n', 'l.csv'), /"from" must be YYYY, YYYY-MM or YYYY-MM-DD, not "3 May 2020"/);
  assert.throws(() => parseLocalCsv(head + 'x-y,person,Someone,,,,,mayor,paris,2021,2020\n', 'l.csv'), /ends \(2020\) before it starts \(2021\)/);
  assert.throws(() => parseLocalCsv(head + 'x-y,person,Someone,,,,,,,,\nx-y,place,Elsewhere,,,,,,,,\n', 'l.csv'), /row 3: id "x-y" is given again with another kind or name/);
  assert.throws(() => parseLocalJson('{"id": "x"}', 'a.json'), /a\.json: JSON: must hold an array of actors/);
  assert.throws(() => parseLocalJson('[{"id": "x", "kind": "person", "name": "X", "aliases": "X Y"}]', 'a.json'), /actor 1: "aliases" must be a list of names/);
  assert.throws(() => parseLocalJson('[1', 'a.json'), /a\.json: JSON: /);
});
