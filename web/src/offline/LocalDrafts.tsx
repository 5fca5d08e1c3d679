// The drafts kept on this device that the server does not have yet (or whose conflict waits for a choice),
// shown above the story list: after a night offline, this is where the writer finds her work.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { base } from '../router';
import { allDrafts, draftChangedEvent, isPending, type Draft } from './drafts';

export function useLocalDrafts(userId: number): Draft[] {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => {
    const read = () =>
      allDrafts(userId).then(
        (all) => setDrafts(all.filter((draft) => isPending(draft) || draft.conflict)),
        () => setDrafts([]),
      );
    read();
    addEventListener(draftChangedEvent, read);
    return () => removeEventListener(draftChangedEvent, read);
  }, [userId]);
  return drafts;
}

export function LocalDrafts({ userId }: { userId: number }) {
  const drafts = useLocalDrafts(userId);
  if (!drafts.length) return null;
  return (
    <section class="panel local-drafts" aria-labelledby="local-drafts-title">
      <h2 id="local-drafts-title">{t('app-drafts-title')}</h2>
      <ul>
        {drafts.map((draft) => {
          const title = typeof draft.fields.title === 'string' && draft.fields.title ? draft.fields.title : t('app-drafts-untitled');
          return (
            <li>
              <a href={`${base}drafts/${draft.key}`} data-user-content>
                {title}
              </a>{' '}
              <span class="muted">
                {draft.conflict
                  ? t('app-drafts-conflict')
                  : t('app-drafts-waiting')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
