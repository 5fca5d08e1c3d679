// The story's revisions, and what changed between any two of them, field by field (word by word in texts).
import { useEffect, useState } from 'preact/hooks';
import type { Revision, Template } from '../api';
import { ErrorMessage } from '../components';
import { formatDate, t } from '../i18n';
import { FieldValue } from './fields';
import { storyApi, type FieldChange } from './story_api';
import { wordDiff } from './word_diff';
import { templateLabel } from './template_labels';

function ChangedValue({ change, type, storyId }: { change: FieldChange; type: string; storyId: number }) {
  if (typeof change.before === 'string' && typeof change.after === 'string') {
    return (
      <p class="word-diff" data-user-content>
        {wordDiff(change.before, change.after).map((part) =>
          part.kind === 'added' ? <ins>{part.text}</ins> : part.kind === 'removed' ? <del>{part.text}</del> : part.text,
        )}
      </p>
    );
  }
  return (
    <div class="diff-sides">
      {change.before !== null && change.before !== undefined ? (
        <div class="diff-before">
          <p class="diff-side-label">{t('app-diff-before')}</p>
          <div data-user-content>
            <FieldValue type={type} value={change.before} storyId={storyId} />
          </div>
        </div>
      ) : null}
      {change.after !== null && change.after !== undefined ? (
        <div class="diff-after">
          <p class="diff-side-label">{t('app-diff-after')}</p>
          <div data-user-content>
            <FieldValue type={type} value={change.after} storyId={storyId} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

const changeKeys: Record<FieldChange['change'], string> = {
  added: 'app-diff-added',
  removed: 'app-diff-removed',
  changed: 'app-diff-changed',
};

export function RevisionDiff({ id, revisions, template }: { id: number; revisions: Revision[]; template: Template }) {
  const numbers = revisions.map((revision) => revision.number).sort((a, b) => a - b);
  const newest = numbers[numbers.length - 1] ?? 1;
  const [from, setFrom] = useState(numbers.length > 1 ? numbers[numbers.length - 2] : newest);
  const [to, setTo] = useState(newest);
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setChanges(null);
    setError(null);
    if (numbers.length > 1 && from !== to) {
      storyApi.diff(id, Math.min(from, to), Math.max(from, to)).then((diff) => setChanges(diff.changes), setError);
    }
  }, [id, from, to, newest]);

  const field = (key: string) => template.fields.find((candidate) => candidate.key === key);
  return (
    <>
      <h3>{t('app-history-revisions')}</h3>
      <ul class="timeline">
        {[...revisions]
          .sort((a, b) => b.number - a.number)
          .map((revision) => (
            <li>
              <strong>{t('app-history-revision', { number: revision.number })}</strong>{' '}
              <span data-user-content>
                {formatDate(revision.created_at)} · {revision.author}
                {revision.note ? ` — ${revision.note}` : ''}
              </span>
            </li>
          ))}
      </ul>
      {numbers.length > 1 ? (
        <section class="diff" aria-labelledby="diff-title">
          <h3 id="diff-title">{t('app-diff-title')}</h3>
          <div class="diff-choice">
            <label>
              {t('app-diff-from')}
              <select value={from} onChange={(event) => setFrom(Number(event.currentTarget.value))}>
                {numbers.map((number) => (
                  <option value={number}>{t('app-history-revision', { number })}</option>
                ))}
              </select>
            </label>
            <label>
              {t('app-diff-to')}
              <select value={to} onChange={(event) => setTo(Number(event.currentTarget.value))}>
                {numbers.map((number) => (
                  <option value={number}>{t('app-history-revision', { number })}</option>
                ))}
              </select>
            </label>
          </div>
          {error ? <ErrorMessage error={error} /> : null}
          {from === to ? <p class="muted">{t('app-diff-same-revision')}</p> : null}
          {changes && !changes.length ? <p class="muted">{t('app-diff-no-change')}</p> : null}
          {changes && changes.length ? (
            <ul class="diff-changes" aria-live="polite">
              {changes.map((change) => (
                <li>
                  <h4>
                    <span data-user-content>{field(change.field) ? templateLabel(field(change.field)!.label) : change.field}</span>{' '}
                    <span class={`diff-kind diff-kind-${change.change}`}>{t(changeKeys[change.change])}</span>
                  </h4>
                  <ChangedValue change={change} type={field(change.field)?.type ?? 'text'} storyId={id} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
