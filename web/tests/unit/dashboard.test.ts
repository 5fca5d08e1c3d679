import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryCodes, numericCountryCode } from '../../src/dashboard/country_codes';
import { monthBars } from '../../src/dashboard/months';

const format = new Intl.DateTimeFormat('en', { month: 'short', year: '2-digit', timeZone: 'UTC' });

test('months without stories between the first and the last show as gaps, oldest first, across a new year', () => {
  const bars = monthBars(
    [
      { value: '2026-02', count: 4 },
      { value: '2025-11', count: 1 },
    ],
    format,
  );
  assert.deepEqual(bars, [
    { label: 'Nov 25', count: 1 },
    { label: 'Dec 25', count: 0 },
    { label: 'Jan 26', count: 0 },
    { label: 'Feb 26', count: 4 },
  ]);
  assert.deepEqual(monthBars([], format), []);
  assert.deepEqual(monthBars([{ value: '2026-12', count: 2 }], format), [{ label: 'Dec 26', count: 2 }]);
});

test('ISO alpha-2 codes find the world map\'s numeric ids, in either case', () => {
  assert.equal(numericCountryCode('ML'), '466');
  assert.equal(numericCountryCode('bf'), '854');
  assert.equal(numericCountryCode('NE'), '562');
  assert.equal(numericCountryCode('XX'), undefined);
});

test('the form\'s country list: every ISO 3166-1 code once, in alphabetical order', () => {
  const codes = countryCodes();
  assert.equal(codes.length, 249);
  assert.equal(new Set(codes).size, codes.length);
  assert.deepEqual([...codes].sort(), codes);
  for (const code of ['ML', 'BF', 'NE', 'SN', 'TD', 'MR']) assert.ok(codes.includes(code), code);
  for (const code of codes) assert.match(code, /^[A-Z]{2}$/);
});
