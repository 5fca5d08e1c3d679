import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordDiff, type DiffPart } from '../../src/story/word_diff';

const side = (parts: DiffPart[], kind: 'removed' | 'added') =>
  parts
    .filter((part) => part.kind === 'same' || part.kind === kind)
    .map((part) => part.text)
    .join('');

test('one word replaced: the words around it are kept, the word removed then the new one added', () => {
  assert.deepEqual(wordDiff('Les femmes parlent au village', 'Les femmes votent au village'), [
    { kind: 'same', text: 'Les femmes ' },
    { kind: 'removed', text: 'parlent' },
    { kind: 'added', text: 'votent' },
    { kind: 'same', text: ' au village' },
  ]);
});

test('identical texts are one unchanged part', () => {
  assert.deepEqual(wordDiff('Rien ne change ici.', 'Rien ne change ici.'), [{ kind: 'same', text: 'Rien ne change ici.' }]);
});

test('words added at the end, and a text written from nothing', () => {
  assert.deepEqual(wordDiff('Trois femmes', 'Trois femmes siègent'), [
    { kind: 'same', text: 'Trois femmes' },
    { kind: 'added', text: ' siègent' },
  ]);
  assert.deepEqual(
    wordDiff('', 'Tout est nouveau').filter((part) => part.text !== ''),
    [{ kind: 'added', text: 'Tout est nouveau' }],
  );
});

test('accents and case are differences: "ecole" is not "école"', () => {
  const parts = wordDiff('une ecole', 'une école');
  assert.deepEqual(parts.filter((part) => part.kind !== 'same').map((part) => part.text), ['ecole', 'école']);
});

test('each side is rebuilt exactly from the unchanged parts and its own', () => {
  const pairs = [
    ['a b c d e f', 'a x c d y f z'],
    ['Les  espaces\tcomptent\naussi', 'Les espaces comptent\n\naussi'],
    ['un deux trois', 'trois deux un'],
    ['mot', ''],
  ];
  for (const [before, after] of pairs) {
    const parts = wordDiff(before, after);
    assert.equal(side(parts, 'removed'), before, `before of ${JSON.stringify([before, after])}`);
    assert.equal(side(parts, 'added'), after, `after of ${JSON.stringify([before, after])}`);
  }
});

test('the longest common sequence is kept: two words moved around one that stays', () => {
  const parts = wordDiff('un deux trois', 'trois deux un');
  assert.deepEqual(parts.filter((part) => part.kind === 'same').map((part) => part.text.trim()).filter(Boolean), ['deux']);
});

test('texts over 2000 words are shown whole, removed then added', () => {
  const long = Array.from({ length: 1500 }, (_, index) => `mot${index}`).join(' ');
  assert.deepEqual(wordDiff(long, `${long} fin`), [
    { kind: 'removed', text: long },
    { kind: 'added', text: `${long} fin` },
  ]);
});
