// GET /api/v1/statistics: counts of the stories the signed-in user may see.
import { request, type FacetValue, type Template } from '../api';

export interface Statistics {
  total: number;
  counts: Record<'status' | 'country' | 'locality' | 'partner_ngo' | 'consortium_member' | 'tag' | 'month', FacetValue[]>;
}

export const statisticsApi = {
  statistics: () => request<Statistics>('GET', '/statistics'),
  templates: () => request<{ templates: Template[] }>('GET', '/templates'),
};
