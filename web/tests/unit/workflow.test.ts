import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movesFor } from '../../src/story/workflow';

const targets = (roles: Parameters<typeof movesFor>[0], status: Parameters<typeof movesFor>[1]) =>
  movesFor(roles, status).map((move) => move.to);

test('each role is offered the moves docs/authorization.md gives it', () => {
  assert.deepEqual(targets(['contributor'], 'draft'), ['submitted']);
  assert.deepEqual(targets(['contributor'], 'submitted'), []);
  assert.deepEqual(targets(['reviewer'], 'submitted'), ['approved', 'changes_requested']);
  assert.deepEqual(targets(['coordinator'], 'published'), ['approved']);
  assert.deepEqual(targets(['viewer'], 'draft'), []);
});

test('several roles: the moves of each, once', () => {
  assert.deepEqual(targets(['reviewer', 'coordinator'], 'submitted'), ['approved', 'changes_requested', 'archived']);
});

test('asking for changes, withdrawing and archiving need a reason; submitting does not', () => {
  const reasons = Object.fromEntries(movesFor(['coordinator'], 'submitted').map((move) => [move.to, move.reasonRequired]));
  assert.deepEqual(reasons, { approved: false, changes_requested: true, archived: true });
  assert.equal(movesFor(['coordinator'], 'published')[0].reasonRequired, true);
  assert.equal(movesFor(['contributor'], 'draft')[0].reasonRequired, false);
});
