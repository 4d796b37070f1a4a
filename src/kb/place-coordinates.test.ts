import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPlaceCoordinates } from './place-coordinates.ts';

test('a name linked to several GeoNames places takes the most populous one (Washington, D.C., not Washington, Utah)', () => {
  const coords = loadPlaceCoordinates();
  const washington = coords.get('washington');
  assert.ok(washington, 'washington has coordinates');
  assert.ok(Math.abs(washington[0] - -77.04) < 0.1 && Math.abs(washington[1] - 38.9) < 0.1, `washington at ${washington.join(',')}`);
  const belem = coords.get('belem');
  assert.ok(belem && Math.abs(belem[1] - -1.46) < 0.1, `belem at ${belem?.join(',')}`);
});
