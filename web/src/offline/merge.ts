// The pure part of sending drafts: the fields as the server gets them, and the three-way merge of the writer's
// fields with the server's when both changed the story (a 409). No browser API here: the unit tests run it in Node.
import { isEmpty } from '../story/empty';
import type { Draft, Fields, PhotoDraft } from './drafts';

/// Fields without empty values, as the server stores them (it drops empty ones too).
export function cleaned(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
}

function serverPhoto(photo: PhotoDraft) {
  return { caption: photo.caption, attachment: photo.attachment, ...(photo.consent ? { consent: true } : {}) };
}

/// The fields as the server gets them: telephone numbers without spaces; uploaded photos only.
export function serverFields(draft: Pick<Draft, 'fields' | 'photos'>): Fields {
  const fields: Fields = {};
  for (const [key, value] of Object.entries(draft.fields)) {
    const contact = value as { phones?: string[]; emails?: string[] };
    fields[key] =
      value && typeof value === 'object' && 'phones' in contact
        ? { phones: (contact.phones ?? []).map((phone) => phone.replace(/[\s.()-]/g, '')), emails: contact.emails ?? [] }
        : value;
  }
  const photos = draft.photos.filter((photo) => photo.attachment).map(serverPhoto);
  if (photos.length) fields.photos = photos;
  return cleaned(fields);
}

/// JSON with every object's keys in order: the server writes a place as {country, name, text}, the form as
/// {name, country, text}, and they are the same place.
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/// Three-way merge of the writer's fields with the server's, from the version both started from.
export function merge(mine: Fields, base: Fields | null, theirs: Fields): { merged: Fields; conflicts: string[] } {
  const merged: Fields = {};
  const conflicts: string[] = [];
  theirs = cleaned(theirs);
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const [m, s, b] = [mine[key], theirs[key], base?.[key]];
    if (same(m, s) || (base && same(s, b))) {
      merged[key] = m;
    } else if (base && same(m, b)) {
      merged[key] = s;
    } else {
      merged[key] = m;
      conflicts.push(key);
    }
  }
  return { merged: cleaned(merged), conflicts };
}

/// Back from server fields to the draft's: photos apart, keeping the local keys of the photos already known.
export function fromServer(fields: Fields, photos: PhotoDraft[]): Pick<Draft, 'fields' | 'photos'> {
  const { photos: uploaded, ...rest } = fields as { photos?: PhotoDraft[] };
  const byHash = new Map(photos.filter((p) => p.attachment).map((p) => [p.attachment!.sha256, p.key]));
  const kept = (uploaded ?? []).map((photo, index) => ({
    key: byHash.get(photo.attachment?.sha256 ?? '') ?? `server-${photo.attachment?.sha256 ?? index}`,
    caption: photo.caption ?? '',
    consent: !!photo.consent,
    attachment: photo.attachment,
  }));
  return { fields: rest, photos: [...kept, ...photos.filter((photo) => photo.blob)] };
}

/// The photos being edited, with what the sender learnt meanwhile: a photo the server now holds gets its attachment
/// and drops its Blob; the writer's order, captions and consent stay.
export function withUploads(mine: PhotoDraft[], stored: PhotoDraft[]): PhotoDraft[] {
  const known = new Map(stored.map((photo) => [photo.key, photo]));
  return mine.map((photo) => {
    const server = known.get(photo.key);
    return server?.attachment && !server.blob ? { ...photo, attachment: server.attachment, blob: undefined } : photo;
  });
}
