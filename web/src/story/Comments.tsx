// Comments on the story or on one of its fields, between its writers and reviewers.
import { useEffect, useState } from 'preact/hooks';
import type { Template } from '../api';
import { ErrorMessage } from '../components';
import { formatDate, t } from '../i18n';
import { storyApi, type Comment } from './story_api';
import { templateLabel } from './template_labels';

export function Comments({ id, template }: { id: number; template: Template }) {
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    storyApi.comments(id).then((list) => setComments(list.comments), setError);
  }, [id]);

  const fieldLabel = (key: string) => {
    const field = template.fields.find((candidate) => candidate.key === key);
    return field ? templateLabel(field.label) : key;
  };

  async function send(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const body = String(data.get('body') ?? '').trim();
    if (!body) return;
    setBusy(true);
    setSendError(null);
    try {
      const list = await storyApi.comment(id, String(data.get('field') ?? ''), body);
      setComments(list.comments);
      form.reset();
    } catch (failure) {
      setSendError(failure);
    }
    setBusy(false);
  }

  if (error) {
    return null; // Readers who may not see the story as written (403) get no comments, as the API says.
  }
  return (
    <section class="panel" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('app-comments-title')}</h2>
      {comments && !comments.length ? <p class="muted">{t('app-comments-none')}</p> : null}
      <ol class="comments">
        {(comments ?? []).map((comment) => (
          <li class="comment">
            <p class="comment-meta">
              <span data-user-content>
                {comment.author} · {formatDate(comment.created_at)}
              </span>{' '}
              {comment.field ? (
                <span class="comment-field">
                  {t('app-comments-on-field')} <span data-user-content>{fieldLabel(comment.field)}</span>
                </span>
              ) : null}
            </p>
            <p class="comment-body" data-user-content>
              {comment.body}
            </p>
          </li>
        ))}
      </ol>
      <form class="stack" onSubmit={send}>
        <label>
          {t('app-comments-field')}
          <select name="field">
            <option value="">{t('app-comments-whole-story')}</option>
            {template.fields.map((field) => (
              <option value={field.key} data-user-content>
                {templateLabel(field.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app-comments-body')}
          <textarea name="body" rows={3} required />
        </label>
        {sendError ? <ErrorMessage error={sendError} /> : null}
        <button type="submit" class="primary" disabled={busy}>
          {t('app-comments-send')}
        </button>
      </form>
    </section>
  );
}
