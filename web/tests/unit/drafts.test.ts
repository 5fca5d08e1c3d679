import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPending, newDraft, randomUuid } from '../../src/offline/drafts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('an idempotency key is a version-4 UUID, its version and variant bits set whatever the random bytes', () => {
  assert.equal(randomUuid((bytes) => bytes.fill(0xff)), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  assert.equal(randomUuid((bytes) => bytes.fill(0)), '00000000-0000-4000-8000-000000000000');
  const counting = (bytes: Uint8Array) => bytes.map((_, index) => index * 17);
  assert.equal(randomUuid(counting), '00112233-4455-4677-8899-aabbccddeeff');
});

test('idempotency keys from the system\'s random source differ from one draft to the next', () => {
  const keys = new Set(Array.from({ length: 100 }, () => randomUuid()));
  assert.equal(keys.size, 100);
  for (const key of keys) assert.match(key, uuid);
});

test('a draft waits to be sent while it has unsent changes or photos still held on the device', () => {
  const draft = newDraft(7, 'success-story', 'fr');
  assert.equal(draft.storyId, null);
  assert.equal(draft.createKey, undefined, 'made at the first sending, not before');
  assert.equal(isPending(draft), false);
  assert.equal(isPending({ ...draft, edits: 2, sentEdits: 1 }), true);
  assert.equal(isPending({ ...draft, edits: 2, sentEdits: 2 }), false);
  assert.equal(isPending({ ...draft, photos: [{ key: 'p', caption: '', consent: false, blob: {} as Blob }] }), true);
  assert.notEqual(newDraft(7, 'success-story', 'fr').key, draft.key);
});
