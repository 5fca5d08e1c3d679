// GET /api/v1/statistics: counts of the stories the signed-in user may see.
import { request, type FacetValue, type Template } from '../api';

/// A locality and its stories; latitude and longitude only when the server's gazetteer knows the place.
export interface PlaceCount extends FacetValue {
  country?: string;
  latitude?: number;
  longitude?: number;
}

export interface Statistics {
  total: number;
  counts: Record<'status' | 'country' | 'locality' | 'partner_ngo' | 'consortium_member' | 'tag' | 'month', FacetValue[]> & {
    place?: PlaceCount[];
  };
}

export const statisticsApi = {
  statistics: () => request<Statistics>('GET', '/statistics'),
  templates: () => request<{ templates: Template[] }>('GET', '/templates'),
};
