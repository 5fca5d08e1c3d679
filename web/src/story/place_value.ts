// A place as stories store it: {name, country, text}, the country an ISO 3166-1 alpha-2 code.
export interface Place {
  name: string;
  country: string;
  text: string;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/// A stored value as a place. The three keys are always written: the server tells a place from a person by
/// its "country" or "text" key.
export function asPlace(value: unknown): Place {
  const place = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { name: asText(place.name), country: asText(place.country).toUpperCase(), text: asText(place.text) };
}
