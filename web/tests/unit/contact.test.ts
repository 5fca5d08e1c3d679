import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEmail, isPhone, splitList } from '../../src/story/contact';

test('telephone numbers: international form with the country code, spaces and punctuation allowed', () => {
  for (const good of ['+223 70 00 00 00', '+22370000000', '+226 (25) 30-12.34', '+1 555 010 9999']) {
    assert.equal(isPhone(good), true, good);
  }
  for (const bad of ['70 00 00 00', '0022370000000', '+0 70 00 00 00', '+223 70', '+223 7000000000000000', '+223 70 OO OO OO', '']) {
    assert.equal(isPhone(bad), false, bad);
  }
});

test('e-mail addresses: something @ a domain with a dot and a two-letter ending at least', () => {
  for (const good of ['awa@thinkpeace.org', 'a.traore+ong@mail.example.ml']) {
    assert.equal(isEmail(good), true, good);
  }
  for (const bad of ['awa@thinkpeace', 'awa@thinkpeace.o', 'awa thinkpeace.org', 'awa@@thinkpeace.org', '@thinkpeace.org', 'awa @thinkpeace.org', '']) {
    assert.equal(isEmail(bad), false, bad);
  }
});

test('a list is split at commas and semicolons, items trimmed, empty ones dropped', () => {
  assert.deepEqual(splitList(' +223 70 00 00 00, +226 25 30 12 34 ;; awa@thinkpeace.org ,'), [
    '+223 70 00 00 00',
    '+226 25 30 12 34',
    'awa@thinkpeace.org',
  ]);
  assert.deepEqual(splitList('  '), []);
});
