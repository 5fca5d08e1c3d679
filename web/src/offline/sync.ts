// Sends drafts to the server: creates or updates the story (If-Match: the revision the edits start from), then
// uploads the photos still held as Blobs, one at a time, so an interrupted upload resumes with the next try.
// A 409 (the story changed meanwhile) is merged field by field with the server's version; only a field both
// sides changed differently waits for the writer's choice.
import { ApiError, api, uploadPhoto, type Saved } from '../api';
import { allDrafts, isPending, loadDraft, randomUuid, updateDraft, type Draft, type PhotoDraft } from './drafts';
import { cleaned, fromServer, merge, same, serverFields } from './merge';

export { fromServer, merge, serverFields };

export const uploadProgressEvent = 'storybank-upload-progress';
export const syncStateEvent = 'storybank-sync-state';

/// The key of the draft being sent now, or null.
export let sending: string | null = null;

function setSending(key: string | null) {
  sending = key;
  dispatchEvent(new CustomEvent(syncStateEvent));
}

/// Records the server's answer. When the writer changed nothing meanwhile, the draft takes the server's fields
/// (telephone numbers as stored, say), so that the next comparison starts from the same text.
function record(key: string, saved: Saved, sentEdits: number) {
  return updateDraft(key, (stored) => {
    if (!stored) return undefined;
    const next: Draft = {
      ...stored,
      storyId: saved.id,
      revision: saved.revision,
      base: cleaned(saved.story.fields),
      problems: saved.story.problems ?? [],
      sentEdits,
      error: undefined,
      refusedEdits: undefined,
    };
    if (stored.edits === sentEdits) {
      Object.assign(next, fromServer(saved.story.fields, stored.photos));
    }
    return next;
  });
}

/// The draft's idempotency key for creating its story, made and stored before the first try.
async function createKey(draft: Draft): Promise<string> {
  if (draft.createKey) return draft.createKey;
  const made = randomUuid();
  const stored = await updateDraft(draft.key, (current) => current && { ...current, createKey: current.createKey ?? made });
  return stored?.createKey ?? made;
}

async function saveFields(draft: Draft): Promise<Saved | null> {
  const story = { template: draft.template, language: draft.language, fields: serverFields(draft) };
  if (draft.storyId === null) return api.create(story, await createKey(draft));
  try {
    return await api.update(draft.storyId, draft.revision ?? 0, story);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
  }
  const current = await api.storyForEdit(draft.storyId);
  const { merged, conflicts } = merge(serverFields(draft), draft.base, current.story.fields);
  if (conflicts.length) {
    await updateDraft(draft.key, (stored) => stored && { ...stored, conflict: { revision: current.revision, fields: current.story.fields } });
    return null;
  }
  // Nothing to choose: the merged fields go on top of the server's revision.
  return api.update(draft.storyId, current.revision, { ...story, fields: merged });
}

async function send(key: string, retried = false): Promise<void> {
  let draft = await loadDraft(key);
  if (!draft || draft.conflict) return;
  if (draft.storyId === null || draft.edits !== draft.sentEdits) {
    const edits = draft.edits;
    const saved = await saveFields(draft);
    if (!saved) return;
    // A create sent again after its answer was lost: the server gives back the story made the first time, which
    // may lack what was written since; then the draft stays pending and its fields follow as an update.
    const behind =
      saved.replayed === true &&
      (!same(serverFields(draft), cleaned(saved.story.fields)) || draft.language !== saved.story.language);
    draft = await record(key, saved, behind ? draft.sentEdits : edits);
    if (behind && draft) {
      const now = draft.edits;
      const updated = await saveFields(draft);
      if (!updated) return;
      draft = await record(key, updated, now);
    }
  }
  for (let photo = draft?.photos.find((p) => p.blob); draft && photo; photo = draft?.photos.find((p) => p.blob)) {
    const { key: photoKey } = photo;
    const known = new Set(draft.photos.map((p) => p.attachment?.sha256));
    let saved: Saved;
    try {
      saved = await uploadPhoto(draft.storyId!, draft.revision!, { ...photo, blob: photo.blob! }, (fraction) =>
        dispatchEvent(new CustomEvent(uploadProgressEvent, { detail: { key, photo: photoKey, fraction } })),
      );
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409) || retried) throw error;
      // The story moved on since the draft's revision: its fields are saved again (merging on the way), then
      // the uploads start over from the new revision.
      await updateDraft(key, (stored) => stored && { ...stored, sentEdits: stored.sentEdits - 1 });
      return send(key, true);
    }
    const added = ((saved.story.fields.photos ?? []) as PhotoDraft[]).find((p) => !known.has(p.attachment?.sha256));
    draft = await updateDraft(key, (stored) => {
      if (!stored) return undefined;
      const photos = stored.photos.map((p) => (p.key === photoKey ? { ...p, attachment: added?.attachment, blob: undefined } : p));
      return { ...stored, photos, revision: saved.revision, base: cleaned(saved.story.fields), problems: saved.story.problems ?? [] };
    });
  }
  // Uploads are added at the end: the order (or a caption changed meanwhile) is put right with one more save.
  if (draft && draft.base && !same(serverFields(draft).photos, draft.base.photos) && !draft.photos.some((p) => p.blob)) {
    const edits = draft.edits;
    const saved = await saveFields(draft);
    if (saved) await record(key, saved, edits);
  }
}

/// Worth trying again later without any change: no network, no session yet (the writer is asked to sign in
/// again), a server busy or failing.
const isPassing = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;

let running: Promise<void> | null = null;
let again = false;

/// Sends every pending draft of the user; returns when done. Called at start, when the network comes back,
/// after each autosave and now and then while drafts wait.
export function sendDrafts(userId: number): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      for (const draft of await allDrafts(userId)) {
        if (!isPending(draft) || draft.conflict || draft.refusedEdits === draft.edits) continue;
        setSending(draft.key);
        try {
          await send(draft.key);
        } catch (error) {
          if (isPassing(error)) break;
          // Refused (a 422, a 403): said on the form; tried again after the writer's next change.
          const refusal = error as ApiError;
          await updateDraft(draft.key, (stored) =>
            stored && {
              ...stored,
              error: refusal.message || String(refusal.status),
              refusedEdits: stored.edits,
              problems: refusal.detail.problems ?? stored.problems,
            },
          );
        } finally {
          setSending(null);
        }
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}
