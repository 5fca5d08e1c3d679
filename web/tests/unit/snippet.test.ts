import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, snippetParts } from '../../src/snippet';

test('the words found are the marked parts, the rest plain text', () => {
  assert.deepEqual(snippetParts('… les <mark>femmes</mark> de Mopti et les <mark>jeunes</mark>'), [
    { text: '… les ', marked: false },
    { text: 'femmes', marked: true },
    { text: ' de Mopti et les ', marked: false },
    { text: 'jeunes', marked: true },
  ]);
  assert.deepEqual(snippetParts(''), []);
});

test('escaped markup in a story stays text: it never becomes an element', () => {
  const parts = snippetParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;b&gt;</mark>');
  assert.deepEqual(parts, [
    { text: '<script>alert(1)</script> ', marked: false },
    { text: '<b>', marked: true },
  ]);
});

test('character references: the five named ones, decimal and hexadecimal; unknown ones are left as they are', () => {
  assert.equal(decodeEntities('l&apos;école &amp; &quot;la&quot; &#233;t&#xE9; &#x1F600;'), 'l\'école & "la" été 😀');
  assert.equal(decodeEntities('&nbsp;&eacute; & seul'), '&nbsp;&eacute; & seul');
  // Decoded once: "&amp;lt;" is the text "&lt;", not "<".
  assert.equal(decodeEntities('&amp;lt;'), '&lt;');
});
