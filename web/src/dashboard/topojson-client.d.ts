// The one function of topojson-client the map uses, typed for what the map reads of its result.
declare module 'topojson-client' {
  export interface CountryFeature {
    id?: string;
    properties: { name?: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] } | null;
  }
  export function feature(topology: unknown, object: unknown): { features: CountryFeature[] };
}
