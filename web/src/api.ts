// The JSON API (docs/openapi.yaml) as the app uses it: cookies carry the session; every write sends the
// anti-forgery token from the storybank_csrf cookie as X-CSRF-Token.
import { dataLanguage } from './i18n';

export type Status = 'draft' | 'submitted' | 'changes_requested' | 'approved' | 'published' | 'archived';
export type Role = 'contributor' | 'reviewer' | 'coordinator' | 'viewer';

export interface Membership {
  organisation_id: number;
  role: Role;
  partner_ids: number[];
}
export interface Principal {
  user: { id: number; email: string; display_name: string; memberships: Membership[] };
}
export interface StorySummary {
  id: number;
  template: string;
  status: Status;
  revision: number;
  title: string;
  author: string;
  language: string;
  country: string;
  locality: string;
  partner_ngo: string;
  consortium_member: string;
  year: number;
  updated_at: string;
  tags: string[];
  errors: number;
  warnings: number;
}
export interface StoryList {
  stories: StorySummary[];
  next_after: number | null;
}
export interface FacetValue {
  value: string;
  count: number;
}
export interface SearchResult {
  total: number;
  hits: { story: StorySummary; snippet: string }[];
  facets?: Record<string, FacetValue[]>;
}
export interface Problem {
  field: string;
  severity: 'error' | 'warning';
  message: string;
}
export interface Story {
  template: string;
  language: string;
  fields: Record<string, unknown>;
  problems: Problem[];
}
export type Localised = Record<string, string>;
export interface TemplateField {
  key: string;
  section: string;
  type: string;
  label: Localised;
}
export interface Template {
  id: string;
  name: Localised;
  sections: { key: string; label: Localised }[];
  fields: TemplateField[];
}
export interface Revision {
  number: number;
  created_at: string;
  author: string;
  note: string;
}
export interface Transition {
  from: Status;
  to: Status;
  at: string;
  actor: string;
  reason?: string;
}

/// A refused or failed request: the HTTP status and the server's message (problem+json), in the UI language.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /// A refusal's reasons (422), each naming the field it is about.
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/// The refusal a failed answer carries (problem+json), as an ApiError.
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let message = '';
  let problems: Problem[] = [];
  try {
    const problem = (await response.json()) as { message?: string; problems?: Problem[] };
    message = problem.message ?? '';
    problems = problem.problems ?? [];
  } catch {
    // Not problem+json (a proxy's page, say): the status alone is reported.
  }
  return new ApiError(response.status, message, problems);
}

/// Fired on window when the server no longer knows the session.
export const signedOutEvent = 'storybank-signed-out';

export function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)storybank_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': dataLanguage };
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && path !== '/session') {
    // The session ended (expired, or signed out in another tab): the shell shows the sign-in form again.
    dispatchEvent(new Event(signedOutEvent));
  }
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  whoAmI: () => request<Principal>('GET', '/session'),
  signIn: (email: string, password: string) => request<Principal>('POST', '/session', { email, password }),
  signOut: () => request<void>('DELETE', '/session'),
  search: (query: URLSearchParams) => request<SearchResult>('GET', `/search?${query.toString()}`),
  waiting: () => request<StoryList>('GET', '/waiting?limit=200'),
  story: (id: number) => request<Story>('GET', `/stories/${id}`),
  history: (id: number) => request<{ revisions: Revision[] }>('GET', `/stories/${id}/history`),
  transitions: (id: number) => request<{ transitions: Transition[] }>('GET', `/stories/${id}/transitions`),
  move: (id: number, to: Status, reason: string) =>
    request<StorySummary>('POST', `/stories/${id}/transitions`, reason ? { to, reason } : { to }),
  template: (id: string) => request<Template>('GET', `/templates/${encodeURIComponent(id)}`),
  acceptInvitation: (token: string, password: string, display_name: string) =>
    request<{ user_id: number }>('POST', '/invitations/accept', { token, password, display_name }),
};
