import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asPlace } from '../../src/story/place_value';

test('a stored place is read with its three keys, the country in capitals', () => {
  assert.deepEqual(asPlace({ country: 'ml', name: 'Tombouctou', text: 'Cercle de Tombouctou' }), {
    name: 'Tombouctou',
    country: 'ML',
    text: 'Cercle de Tombouctou',
  });
  // The form's earlier single field kept only the text.
  assert.deepEqual(asPlace({ text: 'Mopti, Mali' }), { name: '', country: '', text: 'Mopti, Mali' });
});

test('anything else is an empty place', () => {
  for (const value of [undefined, null, 'Mopti', ['Mopti'], { name: 3, country: false }]) {
    assert.deepEqual(asPlace(value), { name: '', country: '', text: '' }, JSON.stringify(value));
  }
});
