// What part of the world the dashboard's map shows, and how big a locality's circle is. Pure arithmetic on
// longitudes and latitudes (equirectangular: one degree is as long across as down), tested in Node.

/// A rectangle of the map in degrees: west < east (east may pass 180 for a country across the antimeridian).
export interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/// The smallest box holding every [longitude, latitude] point; null without points.
export function boxOf(points: number[][]): Box | null {
  if (!points.length) return null;
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const [longitude, latitude] of points) {
    box.west = Math.min(box.west, longitude);
    box.east = Math.max(box.east, longitude);
    box.south = Math.min(box.south, latitude);
    box.north = Math.max(box.north, latitude);
  }
  return box;
}

/// The box holding all the given ones (null ones ignored); null when there is none.
export function union(boxes: (Box | null)[]): Box | null {
  const known = boxes.filter((box): box is Box => box !== null);
  return boxOf(known.flatMap((box) => [[box.west, box.south], [box.east, box.north]]));
}

export interface Framing {
  /// Added on each side, as a share of the box's size.
  margin: number;
  /// The smallest width in degrees: one country, or one town, is not shown as big as the whole screen.
  narrowest: number;
}

/// The view around `box`: margins added, at least `narrowest` degrees wide, widened or heightened about its
/// centre to the map's proportions (`aspect` = width / height), then moved inside `world` (or the whole world when
/// it would not fit in it). Without a box, the whole world.
export function framed(box: Box | null, world: Box, aspect: number, framing: Framing = { margin: 0.15, narrowest: 24 }): Box {
  if (!box) return world;
  let width = Math.max(box.east - box.west, framing.narrowest / (1 + 2 * framing.margin)) * (1 + 2 * framing.margin);
  let height = Math.max(box.north - box.south, 1) * (1 + 2 * framing.margin);
  if (width / height < aspect) width = height * aspect;
  else height = width / aspect;
  const worldWidth = world.east - world.west;
  const worldHeight = world.north - world.south;
  if (width >= worldWidth || height >= worldHeight) return world;
  const inside = (centre: number, size: number, low: number, high: number) =>
    Math.min(Math.max(centre - size / 2, low), high - size);
  const west = inside((box.west + box.east) / 2, width, world.west, world.east);
  const south = inside((box.south + box.north) / 2, height, world.south, world.north);
  return { west, east: west + width, south, north: south + height };
}

/// A circle's radius for `count` stories, the largest count getting `largest`: the area, not the radius, grows
/// with the count, so that three stories look three times as many as one. Never below `smallest`.
export function radiusFor(count: number, most: number, largest: number, smallest: number): number {
  if (count <= 0 || most <= 0) return 0;
  return Math.max(smallest, largest * Math.sqrt(count / most));
}
