// The photos of a draft: taken with the phone's camera or picked from files, scaled down here, each with its
// caption and consent; those not yet on the server show their upload's progress.
import { useEffect, useState } from 'preact/hooks';
import type { Problem, TemplateField } from '../api';
import { t } from '../i18n';
import { newKey, type PhotoDraft } from '../offline/drafts';
import { uploadProgressEvent } from '../offline/sync';
import { Frame, ItemButtons, moved } from './inputs';
import { scaleDown } from './scale';

function Preview({ photo, storyId }: { photo: PhotoDraft; storyId: number | null }) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (photo.blob) {
      const local = URL.createObjectURL(photo.blob);
      setUrl(local);
      return () => URL.revokeObjectURL(local);
    }
    setUrl(photo.attachment && storyId ? `/api/v1/stories/${storyId}/photos/${photo.attachment.sha256}?size=thumbnail` : '');
    return undefined;
  }, [photo.blob, photo.attachment?.sha256, storyId]);
  // The caption beside it says what the picture shows.
  return url ? <img class="thumb" src={url} alt="" /> : <span class="thumb" />;
}

function useProgress(draftKey: string): Record<string, number> {
  const [progress, setProgress] = useState<Record<string, number>>({});
  useEffect(() => {
    const listen = (event: Event) => {
      const { key, photo, fraction } = (event as CustomEvent).detail;
      if (key === draftKey) setProgress((known) => ({ ...known, [photo]: fraction }));
    };
    addEventListener(uploadProgressEvent, listen);
    return () => removeEventListener(uploadProgressEvent, listen);
  }, [draftKey]);
  return progress;
}

export function PhotosEditor({ field, draftKey, storyId, photos, problems, onChange }: {
  field: TemplateField;
  draftKey: string;
  storyId: number | null;
  photos: PhotoDraft[];
  problems: Problem[];
  onChange: (photos: PhotoDraft[]) => void;
}) {
  const progress = useProgress(draftKey);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const set = (index: number, change: Partial<PhotoDraft>) =>
    onChange(photos.map((photo, i) => (i === index ? { ...photo, ...change } : photo)));

  async function add(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    input.value = '';
    setBusy(true);
    setFailed(false);
    const added: PhotoDraft[] = [];
    for (const file of files) {
      try {
        added.push({ key: newKey('photo'), caption: '', consent: false, blob: await scaleDown(file) });
      } catch {
        setFailed(true);
      }
    }
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  }

  return (
    <Frame field={field} problems={problems} group={true}>
      <ol class="items">
        {photos.map((photo, index) => {
          const name = t('app-form-photo-number', { number: index + 1 });
          const sent = progress[photo.key];
          return (
            <li class="item photo-item" aria-label={name}>
              <Preview photo={photo} storyId={storyId} />
              <div class="photo-fields">
                <label>
                  {t('app-form-photo-caption')}
                  <input id={`photo-${index}-caption`} value={photo.caption} data-user-content onInput={(event) => set(index, { caption: event.currentTarget.value })} />
                </label>
                <label class="check">
                  <input type="checkbox" checked={photo.consent} onChange={(event) => set(index, { consent: event.currentTarget.checked })} />
                  {t('app-form-photo-consent')}
                </label>
                {photo.blob ? (
                  <p class="upload muted">
                    <progress max={1} value={sent ?? 0} aria-label={t('app-form-photo-upload', { name })} />{' '}
                    {sent === undefined ? t('app-form-photo-waiting') : t('app-form-photo-percent', { percent: Math.round(sent * 100) })}
                  </p>
                ) : null}
                <ItemButtons
                  index={index}
                  count={photos.length}
                  name={name}
                  move={(from, to) => onChange(moved(photos, from, to))}
                  remove={(at) => onChange(photos.filter((_, i) => i !== at))}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div class="buttons">
        <label class="file-button">
          {t('app-form-photo-camera')}
          <input type="file" accept="image/*" capture="environment" class="visually-hidden" onChange={(event) => add(event.currentTarget)} />
        </label>
        <label class="file-button">
          {t('app-form-photo-files')}
          <input type="file" accept="image/*" multiple class="visually-hidden" onChange={(event) => add(event.currentTarget)} />
        </label>
      </div>
      {busy ? (
        <p class="muted" role="status">
          {t('app-form-photo-scaling')}
        </p>
      ) : null}
      {failed ? (
        <p class="error" role="alert">
          {t('app-form-photo-unreadable')}
        </p>
      ) : null}
    </Frame>
  );
}
