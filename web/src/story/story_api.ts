// The API calls of the story page's review tools (diffs, comments, tags) and of the import page.
import { apiErrorOf, csrfToken, request, type Story } from '../api';
import { dataLanguage } from '../i18n';

export interface FieldChange {
  field: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}
export interface Comment {
  id: number;
  revision: number;
  field: string;
  author: string;
  body: string;
  created_at: string;
}
export interface TagSuggestion {
  tag: string;
  occurrences: number;
  keywords: string[];
}
export interface ImportedDocument {
  story_id: number;
  created: boolean;
  story: Story;
}

export const storyApi = {
  diff: (id: number, from: number, to: number) =>
    request<{ changes: FieldChange[] }>('GET', `/stories/${id}/diff?from=${from}&to=${to}`),
  comments: (id: number) => request<{ comments: Comment[] }>('GET', `/stories/${id}/comments`),
  comment: (id: number, field: string, body: string) =>
    request<{ comments: Comment[] }>('POST', `/stories/${id}/comments`, { field, body }),
  tags: (id: number) => request<{ tags: string[] }>('GET', `/stories/${id}/tags`),
  setTags: (id: number, tags: string[]) => request<{ tags: string[] }>('PUT', `/stories/${id}/tags`, { tags }),
  tagSuggestions: (id: number) =>
    request<{ suggestions: TagSuggestion[] }>('GET', `/stories/${id}/tag-suggestions`),
};

/// Sends one file to POST /api/v1/documents (multipart, as the server's upload routes read it).
export async function importDocument(file: File): Promise<ImportedDocument> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/v1/documents', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Accept-Language': dataLanguage, 'X-CSRF-Token': csrfToken() },
    credentials: 'same-origin',
    body: form,
  });
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  return (await response.json()) as ImportedDocument;
}
