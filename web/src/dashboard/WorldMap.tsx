// Stories per country on a world map drawn from Natural Earth's outlines (world-atlas, 1:110 million), bundled
// with this chunk: no map tiles are fetched, so the map works offline and leaks nothing about what is looked at.
import { feature, type CountryFeature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { countryName, t } from '../i18n';
import { numericCountryCode } from './country_codes';

const kWidth = 640;
const kNorth = 84;
const kSouth = -58; // Antarctica is left out: no stories there, and it would take a fifth of the height.
const kHeight = Math.round((kWidth * (kNorth - kSouth)) / 360);

/// Equirectangular projection: plain, and enough to find a country at this scale.
const project = ([longitude, latitude]: number[]) =>
  `${(((longitude + 180) * kWidth) / 360).toFixed(1)},${(((kNorth - latitude) * kWidth) / 360).toFixed(1)}`;

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

function pathOf(country: CountryFeature): string {
  const geometry = country.geometry;
  if (!geometry) return '';
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return polygons.map((polygon) => polygon.map(ring).join('')).join('');
}

let outlines: { id: string; path: string }[] | null = null;
/// The countries' outlines as SVG paths, made once.
function countryOutlines() {
  outlines ??= feature(world, (world as { objects: { countries: unknown } }).objects.countries)
    .features.filter((country) => country.id !== '010')
    .map((country) => ({ id: country.id ?? '', path: pathOf(country) }));
  return outlines;
}

/// Four shades from light to dark; a country without stories stays grey.
function shade(count: number, largest: number): number {
  return count <= 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((4 * count) / largest)));
}

export function WorldMap({ counts }: { counts: { value: string; count: number }[] }) {
  const byNumeric = new Map<string, { code: string; count: number }>();
  for (const { value, count } of counts) {
    const numeric = numericCountryCode(value);
    if (numeric) byNumeric.set(numeric, { code: value, count });
  }
  const largest = Math.max(1, ...counts.map((entry) => entry.count));
  const described = counts.map((entry) => `${countryName(entry.value)}: ${entry.count}`).join(', ');
  return (
    <figure class="chart panel map" aria-labelledby="map-title">
      <figcaption id="map-title" class="chart-title">
        {t('app-dashboard-map')}
      </figcaption>
      <svg
        viewBox={`0 0 ${kWidth} ${kHeight}`}
        role="img"
        aria-label={t('app-dashboard-chart-summary', {
          title: t('app-dashboard-map'),
          summary: described || t('app-dashboard-empty'),
        })}
        class="world-map"
      >
        {countryOutlines().map((country) => {
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
      </svg>
      <p class="map-legend">
        <span class="legend-swatch shade-1" aria-hidden="true" /> {t('app-dashboard-map-few')}{' '}
        <span class="legend-swatch shade-4" aria-hidden="true" /> {t('app-dashboard-map-many')}
      </p>
    </figure>
  );
}
