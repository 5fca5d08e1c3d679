import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PhotoDraft } from '../../src/offline/drafts';
import { canonical, cleaned, fromServer, merge, same, serverFields, withUploads } from '../../src/offline/merge';

const base = { title: 'Titre', lessons: 'Leçon', change: 'Changement', locality: { name: 'Mopti', country: 'ML', text: '' } };

test('a field only the writer changed is the writer\'s; one only the server changed is the server\'s', () => {
  const mine = { ...base, title: 'Titre du rédacteur' };
  const theirs = { ...base, change: 'Changement du serveur' };
  assert.deepEqual(merge(mine, base, theirs), {
    merged: { ...base, title: 'Titre du rédacteur', change: 'Changement du serveur' },
    conflicts: [],
  });
});

test('a field both changed differently is a conflict, the writer\'s version kept meanwhile', () => {
  const mine = { ...base, title: 'Titre hors ligne', lessons: 'Leçon hors ligne' };
  const theirs = { ...base, title: 'Titre du serveur', lessons: 'Leçon hors ligne' };
  const { merged, conflicts } = merge(mine, base, theirs);
  assert.deepEqual(conflicts, ['title']);
  assert.equal(merged.title, 'Titre hors ligne');
  assert.equal(merged.lessons, 'Leçon hors ligne');
});

test('without the version both started from, every difference is a conflict', () => {
  const { conflicts } = merge({ title: 'A', lessons: 'même' }, null, { title: 'B', lessons: 'même' });
  assert.deepEqual(conflicts, ['title']);
});

test('a field the server removed and the writer left alone is removed; one the writer added is kept', () => {
  const mine = { ...base, quotes: [{ text: 'On nous écoute.', speaker: 'Fatoumata' }] };
  const { lessons: _removed, ...theirs } = base;
  const { merged, conflicts } = merge(mine, base, theirs);
  assert.deepEqual(conflicts, []);
  assert.equal('lessons' in merged, false);
  assert.deepEqual(merged.quotes, mine.quotes);
});

test('the same place written with its keys in another order is not a change', () => {
  const theirs = { ...base, locality: { country: 'ML', name: 'Mopti', text: '' } };
  const mine = { ...base, title: 'Nouveau titre' };
  assert.deepEqual(merge(mine, theirs, theirs).conflicts, []);
  assert.deepEqual(merge({ ...mine, locality: { name: 'Gao', country: 'ML', text: '' } }, base, theirs).merged.locality, {
    name: 'Gao',
    country: 'ML',
    text: '',
  });
  assert.equal(same({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 }), true);
  assert.equal(same({ a: [1, 2] }, { a: [2, 1] }), false);
  assert.equal(canonical({ b: 1, a: undefined, c: null }), '{"b":1,"c":null}');
});

test('empty values are dropped as the server drops them', () => {
  assert.deepEqual(cleaned({ title: 'T', lessons: '', quotes: [], locality: { name: '', country: '', text: '' }, author: { name: 'Awa', function: '' } }), {
    title: 'T',
    author: { name: 'Awa', function: '' },
  });
  // An empty field on the server and a missing one in the draft are the same.
  assert.deepEqual(merge({ title: 'T' }, { title: 'T' }, { title: 'T', lessons: '' }), { merged: { title: 'T' }, conflicts: [] });
});

const photo = (key: string, sha256?: string, blob = false): PhotoDraft => ({
  key,
  caption: `légende ${key}`,
  consent: key === 'a',
  ...(sha256 ? { attachment: { sha256, media_type: 'image/jpeg', width: 10, height: 10 } } : {}),
  ...(blob ? { blob: {} as Blob } : {}),
});

test('what the server gets: numbers without spaces, only uploaded photos, consent only when given', () => {
  const fields = serverFields({
    fields: { title: 'T', contact: { phones: ['+223 70 00-00.00', '+226 (25) 30 12 34'], emails: ['awa@thinkpeace.org'] }, lessons: '' },
    photos: [photo('a', 'aaa'), photo('b', undefined, true), photo('c', 'ccc')],
  });
  assert.deepEqual(fields, {
    title: 'T',
    contact: { phones: ['+22370000000', '+22625301234'], emails: ['awa@thinkpeace.org'] },
    photos: [
      { caption: 'légende a', attachment: photo('a', 'aaa').attachment, consent: true },
      { caption: 'légende c', attachment: photo('c', 'ccc').attachment },
    ],
  });
});

test('back from the server: photos keep their local keys, and those still to upload stay at the end', () => {
  const local = [photo('a', 'aaa'), photo('b', undefined, true)];
  const { fields, photos } = fromServer(
    {
      title: 'T',
      photos: [
        { caption: 'nouvelle', attachment: { sha256: 'zzz', media_type: 'image/jpeg', width: 1, height: 1 } },
        { caption: 'légende a', consent: true, attachment: { sha256: 'aaa', media_type: 'image/jpeg', width: 10, height: 10 } },
      ],
    },
    local,
  );
  assert.deepEqual(fields, { title: 'T' });
  assert.deepEqual(photos.map((p) => [p.key, p.caption, p.consent]), [
    ['server-zzz', 'nouvelle', false],
    ['a', 'légende a', true],
    ['b', 'légende b', false],
  ]);
});

test('photos being edited learn what the sender uploaded meanwhile, in the writer\'s order and with her captions', () => {
  const mine = [{ ...photo('b', undefined, true), caption: 'légende changée' }, photo('a', undefined, true), photo('n', undefined, true)];
  const stored = [photo('a', 'aaa'), photo('b', undefined, true)];
  const photos = withUploads(mine, stored);
  assert.deepEqual(photos.map((p) => [p.key, p.caption, p.attachment?.sha256 ?? null, 'blob' in p && p.blob !== undefined]), [
    ['b', 'légende changée', null, true],
    ['a', 'légende a', 'aaa', false],
    ['n', 'légende n', null, true],
  ]);
});
