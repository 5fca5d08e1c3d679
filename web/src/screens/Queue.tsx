// What waits for the user: submitted stories for reviewers, drafts and sent-back stories for writers, approved
// stories for coordinators (the server decides, /api/v1/waiting).
import { useEffect, useState } from 'preact/hooks';
import { api, type StoryList } from '../api';
import { ErrorMessage, Loading, StoryCard } from '../components';
import { t } from '../i18n';

export function Queue() {
  const [list, setList] = useState<StoryList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.waiting().then(setList, setError);
  }, []);
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('app-queue-title')}</h1>
      <p class="muted">{t('app-queue-intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {!list && !error ? <Loading /> : null}
      {list && list.stories.length === 0 ? <p class="panel">{t('app-queue-empty')}</p> : null}
      {list && list.stories.length > 0 ? (
        <ul class="cards">
          {list.stories.map((story) => (
            <StoryCard story={story} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
