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
  hint?: Localised;
  presence?: 'required' | 'recommended' | 'optional';
  personal?: boolean;
  choices?: { key: string; label: Localised }[];
}
export interface Template {
  id: string;
  name: Localised;
  description?: Localised;
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

/// A refused or failed request: the HTTP status and the server's message (problem+json), in the UI language,
/// with the rest of the problem (`current_revision` of a 409, `problems` of a 422).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: { current_revision?: number; problems?: Problem[] } = {},
  ) {
    super(message);
  }

  /// A refusal's reasons (422), each naming the field it is about.
  get problems(): Problem[] {
    return this.detail.problems ?? [];
  }
}

/// A story as the server holds it after a write: its id and the revision number (the ETag).
export interface Saved {
  id: number;
  revision: number;
  story: Story;
  /// A create answered 200, not 201: its Idempotency-Key had been used, and the story is the one made then.
  replayed?: boolean;
}

/// The refusal a failed answer carries (problem+json), as an ApiError.
export function apiErrorOf(response: Response): Promise<ApiError> {
  return failure(response.status, () => response.json());
}

/// Fired on window when the server no longer knows the session.
export const signedOutEvent = 'storybank-signed-out';

export function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)storybank_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export async function request<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  return (await exchange<T>(method, path, body, extra)).data;
}

async function exchange<T>(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<{ data: T; response: Response }> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': dataLanguage, ...extra };
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
  return { data: (response.status === 204 ? undefined : await response.json()) as T, response };
}

/// The refusal in a failed answer, read by `read` (fetch's json(), or XMLHttpRequest's text parsed).
async function failure(status: number, read: () => Promise<unknown>): Promise<ApiError> {
  let problem: { message?: string; current_revision?: number; problems?: Problem[] } = {};
  try {
    problem = (await read()) as typeof problem;
  } catch {
    // Not problem+json (a proxy's page, say): the status alone is reported.
  }
  return new ApiError(status, problem.message ?? '', problem);
}

/// The revision number in an ETag ("3").
const revisionOf = (etag: string | null) => Number((etag ?? '').replace(/"/g, ''));

async function write(method: 'POST' | 'PUT', path: string, story: unknown, headers: Record<string, string>): Promise<Saved> {
  const { data, response } = await exchange<Story>(method, path, story, headers);
  const location = response.headers.get('Location') ?? path;
  return {
    id: Number(location.split('/').pop()),
    revision: revisionOf(response.headers.get('ETag')),
    story: data,
    ...(method === 'POST' && response.status === 200 ? { replayed: true } : {}),
  };
}

/// Adds a photo to a story with XMLHttpRequest, whose upload progress events fetch() does not give.
export function uploadPhoto(
  id: number,
  revision: number,
  photo: { blob: Blob; caption: string; consent: boolean },
  progress: (fraction: number) => void,
): Promise<Saved> {
  const form = new FormData();
  form.append('file', photo.blob, 'photo.jpg');
  form.append('caption', photo.caption);
  form.append('consent', photo.consent ? 'true' : 'false');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/stories/${id}/photos`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', dataLanguage);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.setRequestHeader('If-Match', `"${revision}"`);
    xhr.upload.onprogress = (event) => event.lengthComputable && progress(event.loaded / event.total);
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onabort = xhr.onerror;
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ id, revision: revisionOf(xhr.getResponseHeader('ETag')), story: JSON.parse(xhr.responseText) });
      } else {
        reject(await failure(xhr.status, async () => JSON.parse(xhr.responseText)));
      }
    };
    xhr.send(form);
  });
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
  /// The story and its revision number, to edit it (If-Match).
  storyForEdit: async (id: number) => {
    const { data, response } = await exchange<Story>('GET', `/stories/${id}`);
    return { id, revision: revisionOf(response.headers.get('ETag')), story: data } as Saved;
  },
  /// Creates a story. The same idempotency key sent again (the answer was lost) gives back the story made the
  /// first time instead of a second one.
  create: (story: unknown, idempotencyKey: string) => write('POST', '/stories', story, { 'Idempotency-Key': idempotencyKey }),
  update: (id: number, revision: number, story: unknown) => write('PUT', `/stories/${id}`, story, { 'If-Match': `"${revision}"` }),
  template: (id: string) => request<Template>('GET', `/templates/${encodeURIComponent(id)}`),
  acceptInvitation: (token: string, password: string, display_name: string) =>
    request<{ user_id: number }>('POST', '/invitations/accept', { token, password, display_name }),
};

/// A place of the server's gazetteer (GeoNames), as suggested while a locality is typed.
export interface KnownPlace {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population?: number;
}

/// Known places whose name starts with `prefix` (accents and case ignored), most populous first.
export function knownPlaces(prefix: string, country: string, limit = 8): Promise<KnownPlace[]> {
  const query = new URLSearchParams({ q: prefix, limit: String(limit) });
  if (country) query.set('country', country);
  return request<{ places: KnownPlace[] }>('GET', `/places?${query.toString()}`).then((answer) => answer.places ?? []);
}
