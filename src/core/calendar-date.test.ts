import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysInMonth, isPartialDate, partialDateProblem } from './calendar-date.ts';

test('real days, months and years pass', () => {
  for (const ok of ['2023', '2023-02', '2023-02-28', '2024-02-29', '2000-02-29', '2023-12-31', '1999-04-30']) {
    assert.equal(partialDateProblem(ok), null, ok);
  }
});

test('days that the calendar does not have are refused with the month length', () => {
  assert.match(partialDateProblem('2023-02-31') ?? '', /February 2023 has 28 days/);
  assert.match(partialDateProblem('2023-02-29') ?? '', /February 2023 has 28 days/);
  assert.match(partialDateProblem('1900-02-29') ?? '', /February 1900 has 28 days/);
  assert.match(partialDateProblem('2023-04-31') ?? '', /April 2023 has 30 days/);
  assert.match(partialDateProblem('2023-01-00') ?? '', /January 2023 has 31 days/);
});

test('months and shapes that are wrong are named', () => {
  assert.match(partialDateProblem('2023-13') ?? '', /no month 13/);
  assert.match(partialDateProblem('2023-00-10') ?? '', /no month 00/);
  assert.match(partialDateProblem('23-02-01') ?? '', /YYYY, YYYY-MM or YYYY-MM-DD/);
  assert.match(partialDateProblem('2023-2-1') ?? '', /YYYY, YYYY-MM or YYYY-MM-DD/);
  assert.match(partialDateProblem('0000') ?? '', /no year 0000/);
  assert.equal(isPartialDate('2023-02-31'), false);
});

test('leap years follow the Gregorian rule', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
});
