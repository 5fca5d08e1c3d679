// Drafts: what the writer typed, kept in IndexedDB (photos as Blobs) so that nothing is lost when the network,
// the battery or the browser goes away, and sent to the server whenever it can be reached.
import type { Problem } from '../api';
import { db } from './db';
import { withUploads } from './merge';

export type Fields = Record<string, unknown>;

export interface PhotoDraft {
  /// Stable within the draft, so progress and server answers find their photo after a reorder.
  key: string;
  caption: string;
  consent: boolean;
  /// Set once the server holds the photo.
  attachment?: { sha256: string; media_type: string; width: number; height: number };
  /// The scaled-down JPEG, kept until the upload succeeded.
  blob?: Blob;
}

export interface Draft {
  key: string;
  userId: number;
  storyId: number | null;
  template: string;
  language: string;
  /// The server revision these edits start from, and its fields: with both, a change made meanwhile on the
  /// server to a field the writer did not touch is taken without asking.
  revision: number | null;
  base: Fields | null;
  /// Every field but the photos, as the form shows them.
  fields: Fields;
  photos: PhotoDraft[];
  /// Sent as Idempotency-Key with the story's creation, and stored before the first try: a create sent again
  /// because its answer was lost gets the story made the first time, not a second one.
  createKey?: string;
  /// Counts the writer's changes: the server's answer marks the draft sent only if none came in meanwhile.
  edits: number;
  sentEdits: number;
  /// The server's version when both changed the same field: the writer chooses, field by field.
  conflict?: { revision: number; fields: Fields };
  problems: Problem[];
  /// The server's refusal (a 422, a 403) of the edits numbered refusedEdits: not sent again until changed.
  error?: string;
  refusedEdits?: number;
  updatedAt: string;
}

export const isPending = (draft: Draft): boolean => draft.edits !== draft.sentEdits || draft.photos.some((p) => p.blob);

/// A random UUID (version 4). crypto.randomUUID needs a secure context (HTTPS or localhost), which a server on a
/// local network may not be; getRandomValues works everywhere.
export function randomUuid(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newKey = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function newDraft(userId: number, template: string, language: string): Draft {
  return {
    key: newKey('draft'),
    userId,
    storyId: null,
    template,
    language,
    revision: null,
    base: null,
    fields: {},
    photos: [],
    edits: 0,
    sentEdits: 0,
    problems: [],
    updatedAt: new Date().toISOString(),
  };
}

/// Fired on window with the draft's key whenever a stored draft changed (saved, sent, in conflict).
export const draftChangedEvent = 'storybank-draft-changed';

// Read-modify-write of one draft at a time: the form's autosave and the sender both update stored drafts.
let queue: Promise<unknown> = Promise.resolve();
export function updateDraft(key: string, change: (stored: Draft | undefined) => Draft | undefined): Promise<Draft | undefined> {
  const next = queue.then(async () => {
    const changed = change(await db.get<Draft>('drafts', key));
    if (changed) {
      changed.updatedAt = new Date().toISOString();
      await db.put('drafts', key, changed);
      dispatchEvent(new CustomEvent(draftChangedEvent, { detail: key }));
    }
    return changed;
  });
  queue = next.catch(() => undefined);
  return next;
}

/// Stores what the writer changed (fields, language, photos and their captions), keeping what the sender
/// learnt from the server meanwhile (story id, revision, uploaded photos).
export function saveEdits(draft: Draft): Promise<Draft | undefined> {
  return updateDraft(draft.key, (stored) => {
    if (!stored) return { ...draft };
    const photos = withUploads(draft.photos, stored.photos);
    return { ...stored, fields: draft.fields, language: draft.language, photos, edits: draft.edits };
  });
}

export const loadDraft = (key: string) => db.get<Draft>('drafts', key);
export const allDrafts = async (userId: number) =>
  (await db.all<Draft>('drafts')).filter((draft) => draft.userId === userId);
export const deleteDraft = (key: string) => db.delete('drafts', key);

/// At sign-out, the drafts the server has in full are removed from the device: on a shared phone the next person
/// finds no story text, contacts included, left behind. Drafts not sent yet stay, to be sent at the next sign-in.
export async function forgetSentDrafts(userId: number): Promise<void> {
  for (const draft of await allDrafts(userId)) {
    if (!isPending(draft) && !draft.conflict) await deleteDraft(draft.key);
  }
}
export async function draftForStory(userId: number, storyId: number): Promise<Draft | undefined> {
  return (await allDrafts(userId)).find((draft) => draft.storyId === storyId);
}
