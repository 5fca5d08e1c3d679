// Stories per country on a world map drawn from Natural Earth's outlines (world-atlas, 1:110 million), bundled
// with this chunk: no map tiles are fetched, so the map works offline and leaks nothing about what is looked at.
// Localities the server's gazetteer (GeoNames) places are circles, their area by their count; the others are
// listed under the map. The map opens on the countries and localities that have stories.
import { useState } from 'preact/hooks';
import { feature, type CountryFeature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { countryName, dataLanguage, t } from '../i18n';
import { numericCountryCode } from './country_codes';
import { boxOf, framed, radiusFor, union, type Box } from './map_view';
import type { PlaceCount } from './statistics_api';

const kWidth = 640;
const kNorth = 84;
const kSouth = -58; // Antarctica is left out: no stories there, and it would take a fifth of the height.
const kHeight = Math.round((kWidth * (kNorth - kSouth)) / 360);

/// Equirectangular projection: plain, and enough to find a country at this scale.
const x = (longitude: number) => ((longitude + 180) * kWidth) / 360;
const y = (latitude: number) => ((kNorth - latitude) * kWidth) / 360;
const project = ([longitude, latitude]: number[]) => `${x(longitude).toFixed(1)},${y(latitude).toFixed(1)}`;
const kWorld: Box = { west: -180, east: 180, south: kSouth, north: kNorth };

/// A ring's points with longitudes made continuous: a coast that crosses the antimeridian (Russia, Fiji) goes on
/// past the map's edge, where the SVG cuts it, instead of drawing a line across the whole world.
function continuous(points: number[][]): number[][] {
  const out: number[][] = [];
  let shift = 0;
  for (const [longitude, latitude] of points) {
    const previous = out[out.length - 1];
    if (previous) {
      const step = longitude + shift - previous[0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([longitude + shift, latitude]);
  }
  return out;
}

const ring = (points: number[][]) => `M${continuous(points).map(project).join('L')}Z`;

function polygonsOf(country: CountryFeature): number[][][][] {
  const geometry = country.geometry;
  if (!geometry) return [];
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
}

/// The box of a country's largest part: France is framed without French Guiana, the United States without Alaska.
function mainlandBox(polygons: number[][][][]): Box | null {
  const boxes = polygons.map((polygon) => boxOf(continuous(polygon[0] ?? [])));
  const area = (box: Box | null) => (box ? (box.east - box.west) * (box.north - box.south) : -1);
  return boxes.reduce<Box | null>((best, box) => (area(box) > area(best) ? box : best), null);
}

let outlines: { id: string; path: string; box: Box | null }[] | null = null;
/// The countries' outlines as SVG paths, with the box of each one's mainland, made once.
function countryOutlines() {
  outlines ??= feature(world, (world as { objects: { countries: unknown } }).objects.countries)
    .features.filter((country) => country.id !== '010')
    .map((country) => {
      const polygons = polygonsOf(country);
      return { id: country.id ?? '', path: polygons.map((polygon) => polygon.map(ring).join('')).join(''), box: mainlandBox(polygons) };
    });
  return outlines;
}

/// Four shades from light to dark; a country without stories stays grey.
function shade(count: number, largest: number): number {
  return count <= 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((4 * count) / largest)));
}

/// "Tombouctou (ML) : 3 histoires".
const placeName = (place: PlaceCount) =>
  t(place.count === 1 ? 'app-dashboard-map-place-one' : 'app-dashboard-map-place-other', {
    place: place.country ? `${place.value} (${place.country})` : place.value,
    count: place.count.toLocaleString(dataLanguage),
  });

const isPlaced = (place: PlaceCount): place is PlaceCount & { latitude: number; longitude: number } =>
  typeof place.latitude === 'number' && typeof place.longitude === 'number';

/// The largest circle's radius and the smallest one's on the whole world's map, in its units (640 across).
const kLargestCircle = 6;
const kSmallestCircle = 2.5;

export function WorldMap({ counts, places = [] }: { counts: { value: string; count: number }[]; places?: PlaceCount[] }) {
  const [whole, setWhole] = useState(false);
  const byNumeric = new Map<string, { code: string; count: number }>();
  for (const { value, count } of counts) {
    const numeric = numericCountryCode(value);
    if (numeric) byNumeric.set(numeric, { code: value, count });
  }
  const largest = Math.max(1, ...counts.map((entry) => entry.count));
  const outlines = countryOutlines();
  const placed = places.filter(isPlaced);
  const unplaced = places.filter((place) => !isPlaced(place));
  const mostInOnePlace = Math.max(1, ...placed.map((place) => place.count));

  // The countries and the localities that have stories, framed with a margin at the map's proportions.
  const withStories = union([
    ...outlines.filter((country) => byNumeric.has(country.id)).map((country) => country.box),
    boxOf(placed.map((place) => [place.longitude, place.latitude])),
  ]);
  const near = framed(withStories, kWorld, kWidth / kHeight);
  const zoomed = near.east - near.west < 359;
  const view = whole || !zoomed ? kWorld : near;
  // Outlines' strokes do not scale (CSS). Circles shrink less than the view: on the whole world they stay small
  // enough not to hide the countries, zoomed in they are large enough to see on a phone.
  const scale = ((view.east - view.west) / 360) ** 0.6;

  const described = [
    ...counts.map((entry) => `${countryName(entry.value)}: ${entry.count}`),
    ...placed.map(placeName),
  ].join(', ');
  return (
    <figure class="chart panel map" aria-labelledby="map-title">
      <figcaption class="chart-title map-caption">
        <span id="map-title">{t('app-dashboard-map')}</span>
        {zoomed ? (
          <button type="button" class="map-zoom" onClick={() => setWhole(!whole)}>
            {whole ? t('app-dashboard-map-zoom') : t('app-dashboard-map-whole')}
          </button>
        ) : null}
      </figcaption>
      <svg
        viewBox={`${x(view.west).toFixed(1)} ${y(view.north).toFixed(1)} ${(x(view.east) - x(view.west)).toFixed(1)} ${(y(view.south) - y(view.north)).toFixed(1)}`}
        role="group"
        aria-label={t('app-dashboard-chart-summary', {
          title: t('app-dashboard-map'),
          summary: described || t('app-dashboard-empty'),
        })}
        class="world-map"
        data-zoomed={view === kWorld ? undefined : 'true'}
      >
        {outlines.map((country) => {
          const stories = byNumeric.get(country.id);
          return (
            <path
              d={country.path}
              class={`country shade-${shade(stories?.count ?? 0, largest)}`}
              data-country={stories?.code}
              data-count={stories?.count}
            />
          );
        })}
        {/* The largest first, so that a small circle is never hidden under a larger one. */}
        {[...placed]
          .sort((a, b) => b.count - a.count)
          .map((place) => (
            <circle
              cx={x(place.longitude).toFixed(2)}
              cy={y(place.latitude).toFixed(2)}
              r={(scale * radiusFor(place.count, mostInOnePlace, kLargestCircle, kSmallestCircle)).toFixed(2)}
              class="place-circle"
              role="img"
              aria-label={placeName(place)}
              data-place={place.value}
              data-country={place.country}
              data-count={place.count}
            >
              <title>{placeName(place)}</title>
            </circle>
          ))}
      </svg>
      <p class="map-legend">
        <span class="legend-swatch shade-1" aria-hidden="true" /> {t('app-dashboard-map-few')}{' '}
        <span class="legend-swatch shade-4" aria-hidden="true" /> {t('app-dashboard-map-many')}
        {placed.length ? (
          <>
            {' · '}
            <span class="legend-circle" aria-hidden="true" /> {t('app-dashboard-map-circles')}
          </>
        ) : null}
      </p>
      {unplaced.length ? (
        <div class="map-unplaced">
          <p>{t('app-dashboard-map-unplaced')}</p>
          <ul>
            {unplaced.map((place) => (
              <li data-place={place.value} data-country={place.country} data-count={place.count}>
                {placeName(place)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="map-source">{t('app-dashboard-map-source')}</p>
    </figure>
  );
}
