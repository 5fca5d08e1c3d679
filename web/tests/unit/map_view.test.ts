import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxOf, framed, radiusFor, union, type Box } from '../../src/dashboard/map_view';

const world: Box = { west: -180, east: 180, south: -58, north: 84 };
const aspect = 360 / 142;
const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, expected ${expected}`);

test('the box of points, and of boxes', () => {
  assert.deepEqual(boxOf([[-3.007, 16.773], [-8, 12.65], [2.11, 13.51]]), { west: -8, east: 2.11, south: 12.65, north: 16.773 });
  assert.equal(boxOf([]), null);
  assert.deepEqual(union([null, { west: -12, east: 4, south: 10, north: 25 }, { west: -6, east: 2.5, south: 9, north: 15 }]), {
    west: -12,
    east: 4,
    south: 9,
    north: 25,
  });
  assert.equal(union([null]), null);
});

test('the Sahel fills the map: the box with its margins, at the map\'s proportions, centred on the stories', () => {
  // Mali, Burkina Faso and Niger, roughly.
  const sahel = { west: -12.2, east: 16, south: 9.4, north: 25 };
  const view = framed(sahel, world, aspect);
  near((view.west + view.east) / 2, (sahel.west + sahel.east) / 2, 'centre across');
  near((view.south + view.north) / 2, (sahel.south + sahel.north) / 2, 'centre down');
  near((view.east - view.west) / (view.north - view.south), aspect, 'proportions');
  // Taller than the map's proportions: the height is the box's with 15 % above and below, the width follows.
  near(view.north - view.south, (sahel.north - sahel.south) * 1.3, 'height with 15 % each side');
  assert.ok(view.west < sahel.west && view.east > sahel.east, 'every story inside');
  assert.ok(view.east - view.west < 60, 'not the whole world');
});

test('a wide box gets its margins across, and the height follows', () => {
  const view = framed({ west: -17, east: 43, south: 5, north: 15 }, world, aspect);
  near(view.east - view.west, 60 * 1.3, 'width with 15 % each side');
  near(view.north - view.south, (60 * 1.3) / aspect, 'height');
});

test('one town is shown with its surroundings, not as wide as the screen', () => {
  const view = framed(boxOf([[-3.007, 16.773]]), world, aspect);
  near(view.east - view.west, 24, 'the narrowest view');
  near((view.west + view.east) / 2, -3.007, 'centred on the town');
});

test('a view past the world\'s edge is moved inside it; one bigger than the world is the world', () => {
  const north = framed({ west: 20, east: 60, south: 70, north: 82 }, world, aspect);
  assert.ok(north.north <= 84 && north.south >= -58, JSON.stringify(north));
  near(north.north, 84, 'moved down to the top edge');
  assert.deepEqual(framed({ west: -170, east: 170, south: -50, north: 80 }, world, aspect), world);
  assert.deepEqual(framed(null, world, aspect), world);
});

test('a circle\'s area, not its radius, grows with the count', () => {
  assert.equal(radiusFor(4, 4, 10, 2), 10);
  assert.equal(radiusFor(1, 4, 10, 2), 5);
  near(radiusFor(2, 4, 10, 2) ** 2 * 2, radiusFor(4, 4, 10, 2) ** 2, 'twice the stories, twice the area');
  assert.equal(radiusFor(1, 1000, 10, 2), 2, 'never smaller than the smallest');
  assert.equal(radiusFor(0, 4, 10, 2), 0);
});
