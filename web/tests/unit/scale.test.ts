import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scaledSize } from '../../src/story/scale';

test('a large photo is brought to 2048 px on its longest side, proportions kept', () => {
  assert.deepEqual(scaledSize(4000, 3000), { width: 2048, height: 1536 });
  assert.deepEqual(scaledSize(3000, 4000), { width: 1536, height: 2048 });
  assert.deepEqual(scaledSize(4096, 4096), { width: 2048, height: 2048 });
  // A 12-megapixel phone picture, 4032 × 3024: 2048 × 1536 (1536.0 exactly).
  assert.deepEqual(scaledSize(4032, 3024), { width: 2048, height: 1536 });
  // Rounded to the nearest pixel: 2048 × 5000 / 6000 = 1706.67.
  assert.deepEqual(scaledSize(6000, 5000), { width: 2048, height: 1707 });
});

test('a photo that already fits keeps its size', () => {
  assert.deepEqual(scaledSize(1600, 1200), { width: 1600, height: 1200 });
  assert.deepEqual(scaledSize(2048, 1000), { width: 2048, height: 1000 });
});

test('a very thin picture keeps at least one pixel on its short side', () => {
  assert.deepEqual(scaledSize(10000, 1), { width: 2048, height: 1 });
});

test('another limit can be asked for', () => {
  assert.deepEqual(scaledSize(1000, 500, 100), { width: 100, height: 50 });
});
