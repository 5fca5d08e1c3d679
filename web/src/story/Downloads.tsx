// The story as a document to download (PDF, Word) in the UI language; those who may see it as written can ask for
// the public version, without contact details and personal data.
import { useState } from 'preact/hooks';
import { download } from '../download';
import { dataLanguage, t } from '../i18n';

export function Downloads({ id, asWritten }: { id: number; asWritten: boolean }) {
  const [publicVersion, setPublicVersion] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function fetchDocument(format: 'pdf' | 'docx') {
    setBusy(true);
    setMessage({ text: t('app-download-preparing'), error: false });
    const query = new URLSearchParams({ format, lang: dataLanguage });
    if (publicVersion) query.set('public', 'true');
    try {
      const name = await download(`/stories/${id}/export?${query.toString()}`, `story-${id}.${format}`);
      setMessage({ text: t('app-download-done', { file: name }), error: false });
    } catch (failure) {
      setMessage({
        text: failure instanceof Error && failure.message ? failure.message : t('app-error-generic'),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('app-downloads-title')}</h2>
      {asWritten ? (
        <label class="check">
          <input
            type="checkbox"
            checked={publicVersion}
            onChange={(event) => setPublicVersion(event.currentTarget.checked)}
          />
          {t('app-download-public')}
        </label>
      ) : (
        <p class="muted">{t('app-download-public-only')}</p>
      )}
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => fetchDocument('pdf')}>
          {t('app-download-pdf')}
        </button>
        <button type="button" disabled={busy} onClick={() => fetchDocument('docx')}>
          {t('app-download-docx')}
        </button>
      </div>
      {message ? (
        <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
